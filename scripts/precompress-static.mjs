// After `next build`: writes a Brotli (.br) and a gzip (.gz) copy beside every
// compressible file of .next/static, so the server sends them as they are
// (server/http/staticAssets.ts) instead of compressing the same immutable
// files again on every request: the board's tldraw chunk alone is 1.9 MB,
// ~100 ms of gzip each time, on the event loop that also runs collab.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const ROOT = process.argv[2] ?? '.next/static'
const COMPRESSIBLE = /\.(js|css|svg|json|txt|map|html)$/

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) yield* files(full)
    else if (COMPRESSIBLE.test(entry.name)) yield full
  }
}

const started = Date.now()
let count = 0
let bytes = 0
let brotliBytes = 0
for (const file of files(ROOT)) {
  const data = readFileSync(file)
  // Tiny files gain nothing from compression.
  if (data.byteLength < 1024) continue
  const size = data.byteLength
  const brotli = brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 10, // 11 saves under 2% more and takes twice as long
      [constants.BROTLI_PARAM_SIZE_HINT]: size,
    },
  })
  writeFileSync(`${file}.br`, brotli)
  writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }))
  count++
  bytes += size
  brotliBytes += brotli.byteLength
}
const kb = (n) => `${Math.round(n / 1024)} KB`
console.log(
  `Precompressed ${count} static files (${kb(bytes)} → ${kb(brotliBytes)} Brotli) in ${Date.now() - started} ms`
)
