import { existsSync } from 'node:fs'
import path from 'node:path'
import type { IncomingMessage, ServerResponse } from 'node:http'
import sirv from 'sirv'
import securityHeaders from './securityHeaders.json'

/** Where Next's build assets are served: content-hashed file names, so cached for good. */
const STATIC_PATH = '/_next/static'

/** Serves a request it recognises and returns true; returns false (untouched) otherwise. */
export type StaticAssetHandler = (req: IncomingMessage, res: ServerResponse, fallback: () => void) => boolean

/**
 * Serves Next's build assets (`/_next/static/…`) from `<buildDir>/static`,
 * sending the Brotli or gzip copy `scripts/precompress-static.mjs` wrote at
 * build time when the browser accepts it. Next itself compresses each file
 * again on every request: ~100 ms of gzip for the board's 1.9 MB tldraw chunk,
 * on the event loop that also serves collab, while the page waits for it.
 * Same headers as Next's (immutable caching, the security headers). A file it
 * does not have goes to `fallback` (Next answers it). Without a build (dev),
 * handles nothing.
 *
 * @example
 * ```ts
 * const staticAssets = createStaticAssetHandler('.next')
 * http.createServer((req, res) => staticAssets(req, res, () => nextHandle(req, res)) || nextHandle(req, res))
 * ```
 */
export function createStaticAssetHandler(buildDir: string): StaticAssetHandler {
  const dir = path.join(buildDir, 'static')
  if (!existsSync(dir)) return () => false
  const serve = sirv(dir, {
    brotli: true,
    gzip: true,
    etag: true,
    immutable: true,
    maxAge: 31_536_000,
    setHeaders: (res) => {
      for (const { key, value } of securityHeaders) res.setHeader(key, value)
    },
  })
  return (req, res, fallback) => {
    const url = req.url ?? ''
    if (!url.startsWith(`${STATIC_PATH}/`)) return false
    req.url = url.slice(STATIC_PATH.length)
    serve(req, res, () => {
      req.url = url
      fallback()
    })
    return true
  }
}
