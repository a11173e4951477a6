import { describe, expect, it, vi } from 'vitest'
import { BoardService, type BoardServiceDeps } from './BoardService'

/** A board service whose only real part is the room registry's `warm`, counted. */
function boardsWarming(warmRoomsForPages?: boolean) {
  const warm = vi.fn()
  const deps = { rooms: { warm }, warmRoomsForPages } as unknown as BoardServiceDeps
  return { boards: new BoardService(deps), warm }
}

/**
 * The room page warms its board so the socket, which opens once tldraw has
 * loaded, finds it in memory. In Redis mode the page and the socket usually
 * reach different servers (the load balancer hashes each URI): warming there
 * would only load the room twice.
 */
describe('BoardService.warmLive', () => {
  it('warms the board when one process serves both the page and its socket', () => {
    const { boards, warm } = boardsWarming()
    boards.warmLive('abc12345')
    expect(warm).toHaveBeenCalledWith('abc12345', { seed: true })
  })

  it('does nothing where the socket may reach another server', () => {
    const { boards, warm } = boardsWarming(false)
    boards.warmLive('abc12345')
    expect(warm).not.toHaveBeenCalled()
  })
})
