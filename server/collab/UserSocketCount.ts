/**
 * Open collab sockets per user id on this server process, with a ceiling.
 * A user with several tabs holds three sockets per tab (board, session,
 * private notes); one token should not hold hundreds.
 *
 * @example
 * ```ts
 * const sockets = new UserSocketCount(32)
 * if (!sockets.tryOpen(userId)) return refuse(CloseCode.TooManyConnections)
 * ws.on('close', () => sockets.closed(userId))
 * ```
 */
export class UserSocketCount {
  private readonly open = new Map<string, number>()

  /** `max`: sockets one user may hold at once (at least 1). */
  constructor(readonly max: number) {}

  /** Sockets `userId` holds now. */
  count(userId: string): number {
    return this.open.get(userId) ?? 0
  }

  /** Counts one more socket for `userId`; false (counting nothing) when they already hold `max`. */
  tryOpen(userId: string): boolean {
    const count = this.count(userId)
    if (count >= this.max) return false
    this.open.set(userId, count + 1)
    return true
  }

  /** One of `userId`'s sockets closed. */
  closed(userId: string): void {
    const count = this.count(userId) - 1
    if (count > 0) this.open.set(userId, count)
    else this.open.delete(userId)
  }
}
