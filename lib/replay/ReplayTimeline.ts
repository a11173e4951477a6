import * as Y from 'yjs'

/** One board update of the log, decoded. */
export interface TimelineEntry {
  seq: number
  time: number
  update: Uint8Array
}

/**
 * How many updates lie between two keyframes. A seek decodes one keyframe and
 * applies at most this many updates after it. Chosen by measurement (`npm run
 * bench`, scenario 8, a 60-minute session of 20,000 realistic updates): the
 * cost of a seek is almost all the keyframe's decode (a late keyframe of a
 * 440-shape board is ~600 KB), so K = 250…2000 seek alike (p95 ~50–65 ms,
 * the costliest seek, to the end, ~55–75 ms). K instead trades memory and load
 * time: K = 1000 keeps an hour's keyframes to ~6 MB (K = 500: ~11.5 MB) and
 * loads the whole log fastest (~240 ms).
 */
export const KEYFRAME_EVERY = 1000

/**
 * The board's history, rebuilt edit by edit: append log entries as they
 * stream in (in order), then ask for the doc at any moment. Every
 * {@link KEYFRAME_EVERY} entries it keeps a keyframe (the encoded doc at that
 * log position), so a seek decodes one keyframe and applies at most K
 * updates. Playing forward applies just the new updates to the doc it has.
 *
 * @example
 * ```ts
 * const timeline = new ReplayTimeline()
 * timeline.append(entries)
 * const doc = timeline.seek(startTime + 60_000) // the board one minute in
 * ```
 */
export class ReplayTimeline {
  private readonly entries: TimelineEntry[] = []
  /** keyframes[i] is the doc after entries[0 .. (i+1)·K - 1]. */
  private readonly keyframes: Uint8Array[] = []
  /** Builds keyframes as entries arrive. */
  private readonly builder = new Y.Doc({ gc: true })
  private current: { doc: Y.Doc; applied: number } | null = null

  constructor(private readonly keyframeEvery = KEYFRAME_EVERY) {}

  /** Entries so far. */
  get length(): number {
    return this.entries.length
  }

  /** Server time of the first and last entry (null when empty). */
  get span(): { start: number; end: number } | null {
    const first = this.entries[0]
    const last = this.entries.at(-1)
    return first && last ? { start: first.time, end: last.time } : null
  }

  /** Times of every entry, for finding idle stretches. */
  times(): number[] {
    return this.entries.map((e) => e.time)
  }

  /** Server time of the first entry after `time`, or null when none is loaded yet. */
  nextTimeAfter(time: number): number | null {
    return this.entries[this.countAt(time)]?.time ?? null
  }

  /**
   * The log position of the board shown at `time`: the sequence number of the
   * last entry by then (what "restore this version" restores), or null
   * before the first entry.
   */
  seqAt(time: number): number | null {
    const count = this.countAt(time)
    return count > 0 ? this.entries[count - 1]!.seq : null
  }

  /** Adds entries that follow the ones already there (the log's order). */
  append(entries: readonly TimelineEntry[]): void {
    for (const entry of entries) {
      const previous = this.entries.at(-1)
      if (previous && entry.seq <= previous.seq) continue
      this.entries.push(entry)
      Y.applyUpdate(this.builder, entry.update)
      if (this.entries.length % this.keyframeEvery === 0) this.keyframes.push(Y.encodeStateAsUpdate(this.builder))
    }
  }

  /** How many entries had happened by `time` (server time). */
  countAt(time: number): number {
    let lo = 0
    let hi = this.entries.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.entries[mid]!.time <= time) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  /**
   * The doc as it was at `time`: the same doc object as last time when moving
   * forward by less than a keyframe, a fresh one (from the nearest keyframe)
   * otherwise. Callers must not edit it.
   */
  seek(time: number): Y.Doc {
    return this.seekCount(this.countAt(time))
  }

  /** The doc after the first `count` entries. */
  seekCount(count: number): Y.Doc {
    const target = Math.max(0, Math.min(count, this.entries.length))
    const current = this.current
    if (current && target >= current.applied && target - current.applied <= this.keyframeEvery) {
      this.applyRange(current.doc, current.applied, target)
      current.applied = target
      return current.doc
    }
    const keyframeIndex = Math.floor(target / this.keyframeEvery) - 1
    const doc = new Y.Doc({ gc: true })
    let from = 0
    if (keyframeIndex >= 0) {
      Y.applyUpdate(doc, this.keyframes[keyframeIndex]!)
      from = (keyframeIndex + 1) * this.keyframeEvery
    }
    this.applyRange(doc, from, target)
    this.current?.doc.destroy()
    this.current = { doc, applied: target }
    return doc
  }

  private applyRange(doc: Y.Doc, from: number, to: number): void {
    doc.transact(() => {
      for (let i = from; i < to; i++) Y.applyUpdate(doc, this.entries[i]!.update)
    })
  }
}
