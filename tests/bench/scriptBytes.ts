import { readFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { ROOT } from './app'

/**
 * The gzip-compressed size (level 9, as a CDN or reverse proxy would send
 * it) of the built scripts at `/_next/static/…` paths, read from `.next`:
 * what a browser downloads for them with compression on.
 */
export function gzippedScriptBytes(paths: Iterable<string>): number {
  let bytes = 0
  for (const urlPath of new Set(paths)) {
    const file = path.join(ROOT, '.next', decodeURIComponent(urlPath).replace(/^\/_next\//, ''))
    bytes += gzipSync(readFileSync(file), { level: 9 }).length
  }
  return bytes
}
