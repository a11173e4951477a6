import { describe, expect, test } from 'vitest'
import { readCappedBody } from './readCappedBody'

/** A POST whose body streams in `parts` without a declared length. */
function streamed(parts: number[]): Request {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const size of parts) controller.enqueue(new Uint8Array(size))
      controller.close()
    },
  })
  return new Request('http://localhost/x', { method: 'POST', body, duplex: 'half' } as RequestInit)
}

describe('readCappedBody', () => {
  test('reads a body up to the cap, whole', async () => {
    expect((await readCappedBody(streamed([10, 20]), 30)).byteLength).toBe(30)
  })

  test('refuses with 413 a streamed body past the cap, and a declared length past it before reading', async () => {
    await expect(readCappedBody(streamed([20, 20]), 30)).rejects.toMatchObject({ status: 413 })
    const declared = new Request('http://localhost/x', {
      method: 'POST',
      headers: { 'content-length': '100' },
      body: new Uint8Array(100),
    })
    await expect(readCappedBody(declared, 30)).rejects.toMatchObject({ status: 413 })
  })
})
