import { getTipTapDefaultExtensions, type TldrawOptions } from 'tldraw'
import { reuseSchemaFor } from '@/lib/text/schemaCache'

/**
 * The `options` every board canvas (live, replay, summary image) passes to
 * tldraw: its text settings with TipTap's extension list registered for a
 * reused schema (`lib/text/schemaCache.ts`), so turning a label into HTML
 * does not build a ProseMirror schema each time. The list is tldraw's default
 * one, made anew: the same text, editing and HTML. A module constant, because
 * tldraw reads it once per editor.
 */
export const boardTldrawOptions: Partial<TldrawOptions> = {
  text: { tipTapConfig: { extensions: reuseSchemaFor(getTipTapDefaultExtensions()) } },
}
