import { describe, expect, test, vi } from 'vitest'
import { sessionConfigSchema } from '@/lib/session/sessionConfig'
import { currentActor } from '@/server/auth/session'
import * as memberRoute from '@/app/api/rooms/[roomId]/members/[userId]/route'
import { JSON_BODY_MAX_BYTES, handleErrors, jsonBody } from './apiResponses'

vi.mock('@/server/auth/session', () => ({ currentActor: vi.fn() }))

/** A PATCH whose body streams `total` bytes of `fill` in 64 KiB pieces, made only as they are read; `pulled` counts them. */
function lazyBody(total: number, fill = 0x20, headers: Record<string, string> = {}) {
  let pulled = 0
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (pulled >= total) return controller.close()
        const size = Math.min(64 * 1024, total - pulled)
        pulled += size
        controller.enqueue(new Uint8Array(size).fill(fill))
      },
    },
    { highWaterMark: 0 }
  ) // nothing is made before it is read
  const request = new Request('http://localhost/api/rooms/x', {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    duplex: 'half',
  } as RequestInit)
  return { request, pulled: () => pulled }
}

const json = (body: string) =>
  new Request('http://localhost/api/x', { method: 'POST', headers: { 'content-type': 'application/json' }, body })

/** `jsonBody` as the routes run it: inside `handleErrors`, whose answer is the response. */
async function answer(request: Request): Promise<{ status: number; body: unknown }> {
  const response = await handleErrors(async () => Response.json({ parsed: await jsonBody(request) }))
  return { status: response.status, body: await response.json() }
}

describe('jsonBody', () => {
  test('a 200 MB body gets 413 with a clear message, read no further than the cap', async () => {
    const huge = lazyBody(200 * 1024 * 1024)
    expect(await answer(huge.request)).toEqual({
      status: 413,
      body: { error: 'the request body is too large: a JSON body may hold at most 256 KiB' },
    })
    expect(huge.pulled()).toBeLessThanOrEqual(JSON_BODY_MAX_BYTES + 64 * 1024)
  })

  test('a declared Content-Length over the cap is refused before reading anything', async () => {
    const declared = lazyBody(50 * 1024 * 1024, 0x20, { 'content-length': String(50 * 1024 * 1024) })
    expect((await answer(declared.request)).status).toBe(413)
    expect(declared.pulled()).toBe(0)
  })

  test('a body at the cap is read; an empty body is {}; one that is not JSON gets a clear 400', async () => {
    const padded = `{"name":"x"}${' '.repeat(JSON_BODY_MAX_BYTES - 12)}`
    expect(await answer(json(padded))).toEqual({ status: 200, body: { parsed: { name: 'x' } } })
    expect(await answer(new Request('http://localhost/api/x', { method: 'POST' }))).toEqual({
      status: 200,
      body: { parsed: {} },
    })
    expect(await answer(json('{"name": '))).toEqual({
      status: 400,
      body: { error: 'invalid request', fields: { '(body)': 'the request body is not valid JSON' } },
    })
  })

  test('the cap is far above the largest legit body: a session start with every character escaped', async () => {
    const config = {
      customPrompt: '\u0001'.repeat(2000), // each is `\u0001` in JSON: six bytes
      mode: 'pair',
      level: 'senior',
      plan: Array.from({ length: 12 }, (_, i) => ({ id: `phase-${i}`, label: '\u0001'.repeat(40), minutes: 15 })),
      settings: { templatesForCandidate: true, soloHints: false },
      revealAll: false,
    }
    const text = JSON.stringify(config)
    expect(sessionConfigSchema.safeParse(config).success).toBe(true)
    expect(new TextEncoder().encode(text).byteLength * 10).toBeLessThan(JSON_BODY_MAX_BYTES)
    expect(await answer(json(text))).toEqual({ status: 200, body: { parsed: config } })
  })
})

describe('PATCH /api/rooms/<id>/members/<user>', () => {
  test('checks sign-in before reading the body: a signed-out client costs no read', async () => {
    vi.mocked(currentActor).mockResolvedValue(null)
    const huge = lazyBody(10 * 1024 * 1024)
    const params = { params: Promise.resolve({ roomId: 'abcdefghij', userId: 'guest:ann' }) }
    const response = await memberRoute.PATCH(huge.request, params)
    expect(response.status).toBe(401)
    expect(huge.pulled()).toBe(0)
  })
})
