import { preload } from 'react-dom'
import { getAssetUrlsByMetaUrl } from '@tldraw/assets/urls'

/**
 * Asks the browser to fetch the fonts a board's shapes are drawn in (on the
 * board, its replay and its summary's image), from
 * the page's `<head>` (React hoists the `<link rel="preload">` while the page
 * renders on the server), so they arrive while the scripts download.
 *
 * Why: tldraw does not draw a page until the fonts its shapes use have
 * loaded (it measures labels in them), and it only asks for them once the
 * board's records are in its store, which is seconds into the load. Then the
 * font waits behind tldraw's own icon requests. Preloaded, it is ready.
 * The fonts are tldraw's default "draw" (every shape unless restyled) and
 * "sans" (the labels of connections, see `connectionStyle`).
 *
 * `crossOrigin` matches the CORS mode browsers always fetch fonts in, so the
 * preloaded response is the one the font face uses.
 */
export function preloadBoardFonts(): void {
  for (const href of BOARD_FONTS) preload(href, { as: 'font', type: 'font/woff2', crossOrigin: 'anonymous' })
}

const { fonts } = getAssetUrlsByMetaUrl()
/** The fonts' URLs, worked out once (not on every render of the page). */
const BOARD_FONTS = [fonts.tldraw_draw, fonts.tldraw_sans]
