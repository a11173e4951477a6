import * as Y from 'yjs'
import { PackedLog } from './PackedLog'

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
 * updates. Playing forward applies just the new updates to the doc it has
 * (also past the next keyframe, while that costs fewer updates than starting
 * from the target's keyframe would).
 *
 * Built to keep seeks free of long garbage-collection pauses: a late seek
 * builds a doc of tens of thousands of Yjs objects, and every full collection
 * marks everything still alive. So the entries are packed in flat arrays
 * ({@link PackedLog}), and the doc that builds keyframes is let go as soon as
 * a seek builds a doc of its own (it is rebuilt from the last keyframe if more
 * entries arrive): what stays on the heap is essentially the doc on show.
 *
 * @example
 * ```ts
 * const timeline = new ReplayTimeline()
 * timeline.append(entries)
 * const doc = timeline.seek(startTime + 60_000) // the board one minute in
 * ```
 */
export class ReplayTimeline {
  private readonly log = new PackedLog()
  /** keyframes[i] is the doc after entries[0 .. (i+1)·K - 1]. */
  private readonly keyframes: Uint8Array[] = []
  /** The doc after every entry, which builds keyframes; null after a seek let it go. */
  private builder: Y.Doc | null = null
  private current: { doc: Y.Doc; applied: number } | null = null

  constructor(private readonly keyframeEvery = KEYFRAME_EVERY) {}

  /** Entries so far. */
  get length(): number {
    return this.log.length
  }

  /** Server time of the first and last entry (null when empty). */
  get span(): { start: number; end: number } | null {
    const count = this.log.length
    return count ? { start: this.log.time(0), end: this.log.time(count - 1) } : null
  }

  /** Times of every entry, for finding idle stretches. */
  times(): number[] {
    return this.log.allTimes()
  }

  /** Server time of the first entry after `time`, or null when none is loaded yet. */
  nextTimeAfter(time: number): number | null {
    const next = this.countAt(time)
    return next < this.log.length ? this.log.time(next) : null
  }

  /**
   * The log position of the board shown at `time`: the sequence number of the
   * last entry by then (what "restore this version" restores), or null
   * before the first entry.
   */
  seqAt(time: number): number | null {
    const count = this.countAt(time)
    return count > 0 ? this.log.seq(count - 1) : null
  }

  /** Adds entries that follow the ones already there (the log's order). */
  append(entries: readonly TimelineEntry[]): void {
    for (const entry of entries) {
      const count = this.log.length
      if (count && entry.seq <= this.log.seq(count - 1)) continue
      const builder = (this.builder ??= this.build(count))
      this.log.push(entry.seq, entry.time, entry.update)
      Y.applyUpdate(builder, entry.update)
      if ((count + 1) % this.keyframeEvery === 0) this.keyframes.push(Y.encodeStateAsUpdate(builder))
    }
  }

  /** How many entries had happened by `time` (server time). */
  countAt(time: number): number {
    let lo = 0
    let hi = this.log.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.log.time(mid) <= time) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  /**
   * The doc as it was at `time`: the same doc object as last time when moving
   * forward (by less than rebuilding would cost), a fresh one (from the
   * nearest keyframe) otherwise. Callers must not edit it.
   */
  seek(time: number): Y.Doc {
    return this.seekCount(this.countAt(time))
  }

  /** The doc after the first `count` entries. */
  seekCount(count: number): Y.Doc {
    const target = Math.max(0, Math.min(count, this.log.length))
    const current = this.current
    const fromKeyframe = target - this.keyframeBase(target)
    if (current && target >= current.applied && target - current.applied <= fromKeyframe + this.keyframeEvery) {
      this.applyRange(current.doc, current.applied, target)
      current.applied = target
      return current.doc
    }
    // The keyframe builder is not needed until more entries arrive: let it go before building another big doc.
    this.builder?.destroy()
    this.builder = null
    this.current?.doc.destroy()
    this.current = null
    const doc = this.build(target)
    this.current = { doc, applied: target }
    return doc
  }

  /** A fresh doc after the first `target` entries: the keyframe before it, then the updates after that. */
  private build(target: number): Y.Doc {
    const base = this.keyframeBase(target)
    const doc = new Y.Doc({ gc: true })
    if (base > 0) Y.applyUpdate(doc, this.keyframes[base / this.keyframeEvery - 1]!)
    this.applyRange(doc, base, target)
    return doc
  }

  /** The log position of the last keyframe at or before `target` (0: none, start from an empty doc). */
  private keyframeBase(target: number): number {
    return Math.floor(target / this.keyframeEvery) * this.keyframeEvery
  }

  private applyRange(doc: Y.Doc, from: number, to: number): void {
    if (from >= to) return
    doc.transact(() => {
      for (let i = from; i < to; i++) Y.applyUpdate(doc, this.log.update(i))
    })
  }
}
