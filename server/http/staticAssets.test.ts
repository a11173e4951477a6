import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { createStaticAssetHandler } from './staticAssets'

/**
 * Next compressed the board's 1.9 MB tldraw chunk again on every request
 * (~100 ms on the event loop that also runs collab). The build now writes
 * Brotli and gzip copies once, and the server sends them as they are.
 */
describe('build assets, precompressed at build time', () => {
  const buildDir = mkdtempSync(path.join(os.tmpdir(), 'mockboard-static-'))
  const script = 'const board = "' + 'tldraw '.repeat(4_000) + '"\n'
  let server: http.Server
  let port = 0

  beforeAll(async () => {
    mkdirSync(path.join(buildDir, 'static', 'chunks'), { recursive: true })
    writeFileSync(path.join(buildDir, 'static', 'chunks', 'board.js'), script)
    const built = spawnSync(process.execPath, ['scripts/precompress-static.mjs', path.join(buildDir, 'static')])
    expect(built.status, built.stderr.toString()).toBe(0)
    const staticAssets = createStaticAssetHandler(buildDir)
    server = http.createServer((req, res) => {
      const next = () => res.writeHead(404, { 'x-answered-by': 'next' }).end()
      if (!staticAssets(req, res, next)) res.writeHead(200, { 'x-answered-by': 'page' }).end()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    port = (server.address() as AddressInfo).port
  })
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve))
    rmSync(buildDir, { recursive: true, force: true })
  })

  /** The raw response (fetch would decode the body and hide how it travelled), for the path exactly as given. */
  const get = (rawPath: string, acceptEncoding: string) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path: rawPath, headers: { 'accept-encoding': acceptEncoding } }, (res) => {
          const chunks: Buffer[] = []
          res.on('data', (chunk: Buffer) => chunks.push(chunk))
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }))
        })
        .on('error', reject)
    })

  it('sends the Brotli copy to a browser that takes it, and it is the same script', async () => {
    const response = await get('/_next/static/chunks/board.js', 'gzip, deflate, br')
    expect(response.status).toBe(200)
    expect(response.headers['content-encoding']).toBe('br')
    expect(response.body.byteLength).toBeLessThan(script.length / 10)
    expect(brotliDecompressSync(response.body).toString()).toBe(script)
  })

  it('sends gzip, or the file itself, to clients that take only those', async () => {
    const gzip = await get('/_next/static/chunks/board.js', 'gzip')
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gzip.body).toString()).toBe(script)
    const plain = await get('/_next/static/chunks/board.js', 'identity')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.toString()).toBe(script)
  })

  it("keeps Next's headers: cached for good, typed, and the security headers", async () => {
    const { headers } = await get('/_next/static/chunks/board.js', 'br')
    expect(headers['cache-control']).toContain('immutable')
    expect(headers['cache-control']).toContain('max-age=31536000')
    expect(headers['content-type']).toMatch(/javascript/)
    expect(headers['vary']).toBe('Accept-Encoding')
    expect(headers['x-content-type-options']).toBe('nosniff')
    expect(headers['x-frame-options']).toBe('DENY')
  })

  it('leaves files it does not have to Next, and every other path to the app', async () => {
    expect((await get('/_next/static/chunks/missing.js', 'br')).headers['x-answered-by']).toBe('next')
    expect((await get('/_next/static/../../package.json', 'br')).headers['x-answered-by']).toBe('next')
    expect((await get('/r/abc12345', 'br')).headers['x-answered-by']).toBe('page')
  })
})
