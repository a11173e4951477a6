import { afterEach, describe, expect, test, vi } from 'vitest'
import { fetchJson, HttpError } from './fetchJson'

function answer(status: number, body: string) {
  const fetch = vi.fn(async (_url: string, _init?: RequestInit) => new Response(body, { status }))
  vi.stubGlobal('fetch', fetch)
  return fetch
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('fetchJson', () => {
  test('GET: not cached, no body, parsed answer', async () => {
    const fetch = answer(200, '{"a":1}')
    expect(await fetchJson('/api/x')).toEqual({ a: 1 })
    expect(fetch).toHaveBeenCalledWith('/api/x', { method: 'GET', cache: 'no-store' })
  })

  test('POST sends JSON with its content type', async () => {
    const fetch = answer(200, '{}')
    await fetchJson('/api/x', { method: 'POST', body: { seq: 3 } })
    expect(fetch.mock.calls[0]![1]).toMatchObject({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"seq":3}',
    })
  })

  test("an error status rejects with the server's message and the status", async () => {
    answer(409, '{"error":"the session has ended"}')
    const error = await fetchJson('/api/x').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(HttpError)
    expect(error).toMatchObject({ status: 409, message: 'the session has ended' })
  })

  test('an error without a message falls back to the status', async () => {
    answer(502, 'Bad gateway')
    await expect(fetchJson('/api/x')).rejects.toMatchObject({ status: 502, message: 'request failed: 502' })
    answer(500, '')
    await expect(fetchJson('/api/x', { statusMessage: (s) => `replay request failed: ${s}` })).rejects.toThrow(
      'replay request failed: 500'
    )
  })

  test('an empty success is {}', async () => {
    answer(200, '')
    expect(await fetchJson('/api/x', { method: 'DELETE' })).toEqual({})
  })
})
