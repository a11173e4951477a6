import * as Y from 'yjs'
import { LogFullError } from './errors'

/**
 * Default of `ROOM_LOG_MAX_BYTES`: 64 MiB of updates per room. An hour-long
 * interview logs about 1.5 MB, so that is some forty interviews on one board,
 * or a few dozen pasted screenshots (images live in the doc); a whole-board
 * replay of that size still loads in a browser tab, and Redis keeps logs in
 * memory.
 */
export const DEFAULT_ROOM_LOG_MAX_BYTES = 64 * 1024 * 1024

/**
 * A room's log size against its limit. The room sets it once from storage
 * ({@link RoomStorage.logBytes}) and adds every entry it appends or receives
 * from another server; {@link admit} refuses a peer's update that would take
 * the log past the limit.
 *
 * Only updates that bring content the doc has not seen count as writes: a
 * client resending what the server has (every reconnect's sync step 2) and
 * deletions of existing content pass, so a full board still opens for
 * writers and can be tidied. The limit is therefore approximate by the size
 * of such deletions, and, across servers, by updates in flight.
 *
 * @example
 * ```ts
 * const quota = new LogQuota(64 * 1024 * 1024, await storage.logBytes(roomId))
 * quota.admit(update, doc) // throws LogFullError when the board is full
 * quota.add(update.byteLength) // once appended
 * ```
 */
export class LogQuota {
  constructor(
    readonly maxBytes: number,
    private bytes: number
  ) {}

  /** Update bytes the room's log holds, as far as this server knows. */
  get logBytes(): number {
    return this.bytes
  }

  /** Counts an entry appended to the log (by this server or another). */
  add(updateBytes: number): void {
    this.bytes += updateBytes
  }

  /** Whether an entry of `updateBytes` still fits under the limit. */
  fits(updateBytes: number): boolean {
    return this.bytes + updateBytes <= this.maxBytes
  }

  /**
   * Throws {@link LogFullError} when `update` carries content new to `doc`
   * and logging it would take the log past the limit. Undecodable updates
   * pass: applying them rejects them with their own error.
   */
  admit(update: Uint8Array, doc: Y.Doc): void {
    if (this.fits(update.byteLength)) return
    if (!carriesNewContent(update, doc)) return
    throw new LogFullError(
      `this board is full (its history reached ${Math.round(this.maxBytes / 1024 / 1024)} MiB); new edits are not saved`
    )
  }
}

/** True when `update` holds structs `doc` does not have yet. */
function carriesNewContent(update: Uint8Array, doc: Y.Doc): boolean {
  let meta: { to: Map<number, number> }
  try {
    meta = Y.parseUpdateMeta(update)
  } catch {
    return false
  }
  for (const [client, clock] of meta.to) if (clock > Y.getState(doc.store, client)) return true
  return false
}
