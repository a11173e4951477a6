/**
 * One timed page load in Chromium: the board (`/r/<room>`) or the bare
 * tldraw page, with the same probe, so their times compare.
 */
import type { Browser, Locator, Page } from '@playwright/test'
import type { TLRecord } from '@tldraw/tlschema'
import type { AppBoard, SessionState } from './app'

/** What the probe records, in ms since navigation start (`performance.now()`). */
export interface PageTimes {
  /** The collab WebSocket opened (the board only). */
  wsOpen: number | null
  /** Every shape mounted and one visible, in a painted frame. */
  rendered: number | null
  /** Every shape in view drawn (with `inView`; otherwise the same as `rendered`), in a painted frame. */
  viewDrawn: number | null
  /** The dragged shape first moved on screen. */
  moved: number | null
}

/**
 * Runs in the page before any of its scripts. Records when the collab
 * WebSocket opens, and when the board has rendered: every animation frame it
 * counts `.tl-shape[data-shape-id]`. tldraw mounts one such element for every
 * shape of the current page (culled ones get `display: none` but stay in the
 * DOM), and the store is handed to tldraw only after the first sync, so
 * `count === shapes` means all shapes are in the store and mounted; we also
 * require one of them to be visible (not culled). The time is taken at the
 * start of the next frame, i.e. after the frame holding them was painted
 * (at most one frame, ~16 ms, late). With `inView` (shape boxes in page
 * coordinates), it also records the frame in which every shape whose box
 * meets the canvas (the camera opens at the origin, zoom 1) is mounted and
 * not culled: what the user sees first. With a `target`, it then (from that
 * frame, or from `rendered` without `inView`) checks that shape's element
 * every frame and records the frame its transform first changes in (a drag).
 *
 * Plain JavaScript in a string: tsx would add helpers (`__name`) to a
 * TypeScript function that do not exist in the page.
 */
function probe(shapes: number, target: string | null, inView: ShapeBox[] | null): string {
  return `((shapes, target, inView) => {
  const times = { wsOpen: null, rendered: null, viewDrawn: null, moved: null }
  window.__bench = times
  const Native = window.WebSocket
  window.WebSocket = class extends Native {
    constructor(url, protocols) {
      super(url, protocols)
      if (String(url).includes('/collab/')) this.addEventListener('open', () => { times.wsOpen ??= performance.now() })
    }
  }
  const transform = () => {
    const el = document.querySelector('.tl-shape[data-shape-id="' + target + '"]')
    return el && el.style.transform
  }
  const watch = (initial) => {
    if (transform() !== initial) times.moved = performance.now()
    else requestAnimationFrame(() => watch(initial))
  }
  const shownIds = (ids) => ids.every((id) => {
    const el = document.querySelector('.tl-shape[data-shape-id="' + id + '"]')
    return el && el.style.display !== 'none'
  })
  const viewTick = () => {
    const canvas = document.querySelector('.tl-canvas')
    const rect = canvas && canvas.getBoundingClientRect()
    const expected = rect ? inView.filter(([, x, y, w, h]) => x <= rect.width && x + w >= 0 && y <= rect.height && y + h >= 0) : []
    if (!expected.length || !shownIds(expected.map(([id]) => id))) return requestAnimationFrame(viewTick)
    if (target) watch(transform())
    requestAnimationFrame(() => { times.viewDrawn = performance.now() })
  }
  const tick = () => {
    const elements = document.querySelectorAll('.tl-shape[data-shape-id]')
    const shown = elements.length >= shapes && [...elements].some((el) => el.style.display !== 'none')
    if (!shown) return requestAnimationFrame(tick)
    if (target && !inView) watch(transform())
    requestAnimationFrame(() => {
      times.rendered = performance.now()
      if (!inView) times.viewDrawn = times.rendered
    })
  }
  requestAnimationFrame(tick)
  if (inView) requestAnimationFrame(viewTick)
})(${shapes}, ${JSON.stringify(target)}, ${JSON.stringify(inView)})`
}

const DRAG_STEPS = 6

/** A shape's id and box in page coordinates: `[id, x, y, w, h]`. */
export type ShapeBox = [string, number, number, number, number]

/** How to load and check one page. */
export interface LoadOptions {
  /** Shapes the page must mount before it counts as rendered. */
  shapes: number
  /** Top-level shapes' boxes: time when those in view are drawn, and drag as soon as they are. */
  inView?: ShapeBox[]
  /** A shape to drag as soon as the page rendered (or its view is drawn); the load then waits until it moved. */
  dragTarget?: string
  /** How far to drag it, in screen pixels (default 60 right, 40 down). */
  dragBy?: { x: number; y: number }
  /** Records the bare tldraw page puts in its store on mount. */
  records?: TLRecord[]
  /** The board only: wait until its badge says Connected (a sanity check, not timed). */
  live?: boolean
}

/** A finished load: the probe's times and the JavaScript the page had requested by the time it rendered. */
export interface PageLoad {
  times: PageTimes
  /** Paths (`/_next/static/…`) of the scripts requested before `rendered`, in request order. */
  scriptsBeforeRender: string[]
}

/** What {@link probe} leaves on `window`. */
type Probed = { __bench: PageTimes }

/** A box on screen, in CSS pixels. */
type ScreenBox = { x: number; y: number; width: number; height: number }

/** Waits, in one round trip, until the probe saw the view drawn and the shape `id` is shown; its box then. */
async function drawnTargetBox(page: Page, id: string): Promise<ScreenBox> {
  const shown = await page.waitForFunction(
    (shapeId) => {
      if ((window as unknown as Probed).__bench.viewDrawn === null) return null
      const box = document.querySelector(`.tl-shape[data-shape-id="${shapeId}"]`)?.getBoundingClientRect()
      return box && box.width > 0 && box.height > 0
        ? { x: box.x, y: box.y, width: box.width, height: box.height }
        : null
    },
    id,
    { timeout: 180_000, polling: 'raf' }
  )
  return (await shown.jsonValue()) as ScreenBox
}

/** The box of a shape once it is shown again (a retried drag). */
async function visibleBox(target: Locator): Promise<ScreenBox | null> {
  await target.waitFor({ state: 'visible', timeout: 30_000 })
  return target.boundingBox()
}

/** One load of `url` in a fresh browser context (with a member's session cookie). */
export async function loadPage(
  browser: Browser,
  url: string,
  storageState: SessionState,
  options: LoadOptions
): Promise<PageLoad> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, storageState })
  try {
    const page = await context.newPage()
    if (options.records)
      await page.addInitScript({ content: `window.__benchRecords = ${JSON.stringify(options.records)}` })
    await page.addInitScript({ content: probe(options.shapes, options.dragTarget ?? null, options.inView ?? null) })
    await page.goto(url)
    // Functions passed to the page are sent as source: each reads `window.__bench` itself.
    // Roomy: on a loaded shared machine 2,000 shapes have taken over a minute; a hang still fails.
    const waitFor = (key: keyof PageTimes) =>
      page.waitForFunction((k) => (window as unknown as Probed).__bench[k] !== null, key, {
        timeout: 180_000,
        polling: 'raf',
      })
    // With a drag to make, one round trip (not three) waits for the view and reads where the target is: each
    // costs up to a chunk of the board streaming in, and the drag starts after them (for bare tldraw alike).
    const firstBox = options.dragTarget ? await drawnTargetBox(page, options.dragTarget) : null
    if (!options.dragTarget) await waitFor('viewDrawn')
    if (options.dragTarget) {
      // A real drag, issued as soon as the page is drawn: the time it first moves is when the user could.
      const target = page.locator(`.tl-shape[data-shape-id="${options.dragTarget}"]`)
      const by = options.dragBy ?? { x: 60, y: 40 }
      // A drag the page dropped (its handlers not attached yet, the shape re-mounted) is tried again:
      // the time is that of the first that lands.
      for (let attempt = 1; ; attempt++) {
        if (attempt > 10) throw new Error(`${options.dragTarget} did not move after ${attempt - 1} drags`)
        const box = attempt === 1 ? firstBox : await visibleBox(target)
        if (!box) continue
        const x = box.x + box.width / 2
        const y = box.y + box.height / 2
        await page.mouse.move(x, y)
        await page.mouse.down()
        // At a hand's pace, a frame per step: tldraw reads pointer moves once a frame.
        for (let step = 1; step <= DRAG_STEPS; step++) {
          await page.mouse.move(x + (by.x * step) / DRAG_STEPS, y + (by.y * step) / DRAG_STEPS)
          await page.waitForTimeout(16)
        }
        await page.mouse.up()
        const moved = await page
          .waitForFunction(() => (window as unknown as Probed).__bench.moved !== null, null, {
            timeout: 3_000,
            polling: 'raf',
          })
          .then(() => true)
          .catch(() => false)
        if (moved) break
        await page.keyboard.press('Escape') // a drag read as a double click edits the label: leave it
      }
    }
    await waitFor('rendered')
    // Sanity: the board is live (not part of the timing).
    if (options.live) await page.getByTestId('connection-badge').getByText('Connected').waitFor()
    const times = await page.evaluate(() => (window as unknown as Probed).__bench)
    const scriptsBeforeRender = await page.evaluate(
      (rendered) =>
        performance
          .getEntriesByType('resource')
          .filter(
            (entry) => entry.startTime < rendered && /\/_next\/static\/.+\.js$/.test(new URL(entry.name).pathname)
          )
          .map((entry) => new URL(entry.name).pathname),
      times.rendered!
    )
    return { times, scriptsBeforeRender }
  } finally {
    await context.close()
  }
}

/**
 * Loaders of the board (`/r/<room>`) and of bare tldraw with the same
 * `records`, for side-by-side rows. The board keeps each drag: every other
 * board load drags the target back, so it never lands on a neighbour.
 */
export function boardAndBare(
  { browser, appUrl, state, room }: Pick<AppBoard, 'browser' | 'appUrl' | 'state' | 'room'>,
  records: TLRecord[],
  common: Omit<LoadOptions, 'records' | 'dragBy' | 'live'>
): { board: () => Promise<PageLoad>; bare: () => Promise<PageLoad> } {
  let drags = 0
  return {
    board: () => {
      const sign = drags++ % 2 ? -1 : 1
      return loadPage(browser, `${appUrl}/r/${room}`, state, {
        ...common,
        dragBy: { x: 60 * sign, y: 40 * sign },
        live: true,
      })
    },
    bare: () => loadPage(browser, `${appUrl}/bench/tldraw`, state, { ...common, records }),
  }
}
