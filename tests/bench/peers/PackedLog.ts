/**
 * A log's entries (sequence number, server time, update bytes) kept in a few
 * flat arrays instead of one object and one typed array per entry: an hour's
 * 20,000 entries are then 4 objects on the JavaScript heap, not 40,000, so
 * every full garbage collection during a replay has that much less to mark.
 * The log of `YjsKeyframeTimeline` (the replay before record keyframes).
 *
 * @example
 * ```ts
 * const log = new PackedLog()
 * log.push(1, Date.now(), update)
 * Y.applyUpdate(doc, log.update(0))
 * ```
 */
export class PackedLog {
  private readonly seqs: number[] = []
  private readonly times: number[] = []
  /** ends[i] is where entry i's update ends in `bytes` (it starts where entry i − 1's ends). */
  private readonly ends: number[] = []
  private bytes = new Uint8Array(64 * 1024)

  /** Entries held. */
  get length(): number {
    return this.seqs.length
  }

  /** Adds an entry at the end (its update is copied). */
  push(seq: number, time: number, update: Uint8Array): void {
    const start = this.ends.at(-1) ?? 0
    const end = start + update.byteLength
    if (end > this.bytes.byteLength) {
      const grown = new Uint8Array(Math.max(end, this.bytes.byteLength * 2))
      grown.set(this.bytes.subarray(0, start))
      this.bytes = grown
    }
    this.bytes.set(update, start)
    this.seqs.push(seq)
    this.times.push(time)
    this.ends.push(end)
  }

  /** Sequence number of entry `i`. */
  seq(i: number): number {
    return this.seqs[i]!
  }

  /** Server time of entry `i`. */
  time(i: number): number {
    return this.times[i]!
  }

  /** Every entry's server time, in order (a copy). */
  allTimes(): number[] {
    return [...this.times]
  }

  /** Entry `i`'s update: a view of the log's memory, not a copy (bytes once written never change). */
  update(i: number): Uint8Array {
    return this.bytes.subarray(i > 0 ? this.ends[i - 1]! : 0, this.ends[i]!)
  }
}
