import type { BoardSnapshot } from '@/lib/board/boardSnapshot'

/** Boards kept: a summary page is read again and again right after its session ends, by each person in it. */
export const BOARD_AT_CACHE_SIZE = 8

/**
 * The boards as sessions left them (`boardAt`: the log replayed up to a
 * position), remembered, newest use last, so a summary read again, or by six
 * people at once, replays its log once. A board at a log position never
 * changes (the log only grows; a deleted board's entries are dropped with
 * {@link forgetRoom}). Concurrent readers share one replay.
 *
 * @example
 * ```ts
 * const board = await cache.get(roomId, seq, () => boardAt(storage, roomId, seq))
 * ```
 */
export class BoardAtCache {
  private readonly boards = new Map<string, Promise<BoardSnapshot | null>>()

  constructor(private readonly size = BOARD_AT_CACHE_SIZE) {}

  /** The board of `roomId` at `seq`, built by `build` unless remembered (a failed build is not). */
  get(roomId: string, seq: number, build: () => Promise<BoardSnapshot | null>): Promise<BoardSnapshot | null> {
    const key = `${roomId}@${seq}`
    let board = this.boards.get(key)
    if (board) this.boards.delete(key)
    else {
      board = build()
      board.catch(() => this.boards.get(key) === board && this.boards.delete(key))
    }
    this.boards.set(key, board)
    if (this.boards.size > this.size) this.boards.delete(this.boards.keys().next().value!)
    return board
  }

  /** Drops every board of `roomId` (it was deleted). */
  forgetRoom(roomId: string): void {
    for (const key of [...this.boards.keys()]) if (key.startsWith(`${roomId}@`)) this.boards.delete(key)
  }
}
