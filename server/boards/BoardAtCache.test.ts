import { describe, expect, it } from 'vitest'
import type { BoardSnapshot } from '@/lib/board/boardSnapshot'
import { BoardAtCache } from './BoardAtCache'

const board = (n: number) => ({ schema: { n }, store: {} }) as unknown as BoardSnapshot

describe('BoardAtCache', () => {
  it('replays a session’s board once for readers at once and after, and forgets a deleted room', async () => {
    // A summary of an 18,000-entry log took 1.6 s to build; six readers at once stalled the server 2.3 s.
    const cache = new BoardAtCache(2)
    let builds = 0
    const build = (n: number) => async () => (builds++, board(n))
    const [a, b] = await Promise.all([cache.get('r', 10, build(1)), cache.get('r', 10, build(2))])
    expect(a).toBe(b)
    expect(await cache.get('r', 10, build(3))).toBe(a)
    expect(builds).toBe(1)
    cache.forgetRoom('r')
    expect(await cache.get('r', 10, build(4))).toEqual(board(4))
    expect(builds).toBe(2)
  })

  it('keeps the most recently read boards, and never a failed build', async () => {
    const cache = new BoardAtCache(2)
    let builds = 0
    const build = () => async () => (builds++, board(builds))
    await cache.get('r', 1, build())
    await cache.get('r', 2, build())
    await cache.get('r', 1, build()) // read again: now the newest
    await cache.get('r', 3, build()) // evicts seq 2
    expect(builds).toBe(3)
    await cache.get('r', 1, build())
    expect(builds).toBe(3)
    await cache.get('r', 2, build())
    expect(builds).toBe(4)
    await expect(cache.get('r', 9, () => Promise.reject(new Error('storage down')))).rejects.toThrow('storage down')
    expect(await cache.get('r', 9, build())).toEqual(board(5))
  })
})
