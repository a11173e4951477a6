import { unsafe__withoutCapture } from '@tldraw/state'
import {
  GeoShapeUtil,
  getDisplayValues,
  renderHtmlFromRichTextForMeasurement,
  type GeoShapeUtilDisplayValues,
  type TLGeoShape,
  type TLMeasureTextOpts,
} from 'tldraw'

/** tldraw's `TEXT_PROPS` (not exported), which its geo labels are measured with. */
const TEXT_PROPS = { fontWeight: 'normal', fontVariant: 'normal', fontStyle: 'normal', padding: '0px' } as const
/** Most labels measured in one layout (the measuring elements stay in the page until the next measurement). */
const MAX_BATCH = 250
/** Sizes kept before the cache starts over (every edit of a label adds one). */
const MAX_CACHED = 20_000

/** One label to measure: what tldraw's text measurer is given, and the padding added around the result. */
interface LabelRequest {
  html: string
  opts: TLMeasureTextOpts
  padding: number
  key: string
}

/** A label's unscaled size, as tldraw's geo shape uses it. */
interface LabelSize {
  w: number
  h: number
}

/**
 * tldraw's geo shape, with its labels measured in batches: the first time
 * tldraw needs the size of a label it has not seen (the shapes of a board
 * streaming in), every other label on the page not yet measured is measured
 * with it, in one layout (tldraw's own `measureHtmlBatch`), instead of one
 * forced layout per shape (~0.5 ms each on the bench machine; README, "What
 * is in view first").
 *
 * The result is the same as tldraw's: the same HTML (tldraw's own, which
 * also warms the cache its label component renders from) and the same
 * measuring options, so the same size (the request is tested against
 * tldraw's own).
 * Sizes are cached by request (HTML and options), so equal labels share one,
 * and the cache is dropped when the page's fonts finish loading, since a
 * label measured before that was measured in a fallback font.
 *
 * tldraw 5.4's `GeoShapeUtil` measures a label in `measureUnscaledLabelSize`
 * (through its own per-record cache), a method its types declare private,
 * so {@link measureLabel} is installed under that name below; a test fails
 * if a tldraw upgrade no longer calls it (shapes would still be right,
 * measured tldraw's way).
 */
export class BatchedGeoShapeUtil extends GeoShapeUtil {
  private readonly sizes = new Map<string, LabelSize>()
  /** Shape records whose label size is cached (records are immutable: an edited shape is a new record). */
  private readonly measured = new WeakSet<TLGeoShape>()
  private fontsWatched = false

  /** The label's size before the shape's scale, as tldraw's `measureUnscaledLabelSize` returns it. */
  measureLabel(shape: TLGeoShape): LabelSize {
    this.watchFonts()
    // Read as tldraw reads it (inside the shape's geometry, so the same values are its dependencies).
    const request = this.labelRequest(shape)
    const cached = this.sizes.get(request.key)
    if (cached) return cached
    // The other shapes are not this shape's dependencies: read them without tracking.
    unsafe__withoutCapture(() => {
      // A shape in the store is likely one of many arriving together (a board loading): measure those too.
      const stored = this.editor.store.get(shape.id) === shape
      this.measureBatch([request, ...(stored ? this.unmeasuredOnPage(shape) : [])])
    })
    this.measured.add(shape)
    return this.sizes.get(request.key)!
  }

  /** What tldraw's `measureUnscaledLabelSize` would measure for `shape`. */
  private labelRequest(shape: TLGeoShape): LabelRequest {
    const dv = getDisplayValues<TLGeoShape, GeoShapeUtilDisplayValues>(this, shape)
    const html = renderHtmlFromRichTextForMeasurement(this.editor, shape.props.richText)
    const opts: TLMeasureTextOpts = {
      ...TEXT_PROPS,
      fontFamily: dv.labelFontFamily,
      fontSize: dv.labelFontSize,
      lineHeight: dv.labelLineHeight,
      minWidth: dv.labelMinWidth,
      maxWidth: Math.max(
        0,
        Math.ceil(dv.labelMinWidth + dv.labelExtraPadding),
        Math.ceil(shape.props.w / shape.props.scale - dv.labelPadding * 2)
      ),
    }
    const padding = dv.labelPadding
    const key = `${opts.fontFamily}|${opts.fontSize}|${opts.lineHeight}|${opts.minWidth}|${opts.maxWidth}|${padding}|${html}`
    return { html, opts, padding, key }
  }

  /** Requests for the current page's labelled geo shapes not measured yet (other than `except`). */
  private unmeasuredOnPage(except: TLGeoShape): LabelRequest[] {
    const requests: LabelRequest[] = []
    for (const shape of this.editor.getCurrentPageShapes()) {
      if (requests.length >= MAX_BATCH - 1) break
      if (shape === except || shape.type !== 'geo') continue
      const geo = shape as TLGeoShape
      if (this.measured.has(geo) || !hasLabel(geo)) continue
      this.measured.add(geo)
      const request = this.labelRequest(geo)
      if (!this.sizes.has(request.key)) requests.push(request)
    }
    return requests
  }

  private measureBatch(requests: LabelRequest[]): void {
    if (this.sizes.size + requests.length > MAX_CACHED) this.sizes.clear()
    const results = this.editor.textMeasure.measureHtmlBatch(requests.map(({ html, opts }) => ({ html, opts })))
    requests.forEach(({ key, padding }, i) => {
      const { w, h } = results[i]!
      this.sizes.set(key, { w: w + padding * 2, h: h + padding * 2 })
    })
  }

  /**
   * Forgets every size once the page's fonts finish loading (those before were measured in a fallback font).
   * The listener goes with the editor: the document outlives it, and would otherwise keep it alive.
   */
  private watchFonts(): void {
    if (this.fontsWatched) return
    this.fontsWatched = true
    const fonts = this.editor.getContainer().ownerDocument.fonts
    if (!fonts) return
    const forget = () => this.sizes.clear()
    fonts.addEventListener('loadingdone', forget)
    this.editor.disposables.add(() => fonts.removeEventListener('loadingdone', forget))
  }
}

// The override tldraw's types do not allow a subclass to declare (see the class comment).
;(
  BatchedGeoShapeUtil.prototype as unknown as { measureUnscaledLabelSize: (shape: TLGeoShape) => LabelSize }
).measureUnscaledLabelSize = function measureUnscaledLabelSize(this: BatchedGeoShapeUtil, shape: TLGeoShape) {
  return this.measureLabel(shape)
}

/** Whether tldraw measures `shape`'s label: its rich text has text (tldraw's `isEmptyRichText`, which is not exported). */
function hasLabel(shape: TLGeoShape): boolean {
  const { content } = shape.props.richText
  if (content.length === 0) return false
  if (content.length > 1) return true
  const only = content[0] as { content?: unknown[] }
  return Array.isArray(only.content) && only.content.length > 0
}
