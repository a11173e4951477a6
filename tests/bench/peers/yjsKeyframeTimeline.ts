import * as Y from 'yjs'
import { PackedLog } from './PackedLog'
import type { TimelineEntry } from '@/lib/replay/ReplayTimeline'

/**
 * The replay timeline as it was before record keyframes (main until
 * 2026-11-28), kept as the benchmark's peer for scenario 8: a keyframe is the
 * encoded Y.Doc every K entries, so a cold seek decodes one keyframe (Yjs's
 * own work, ~16 MB of garbage late in an hour's session) and applies at most
 * K updates; playing forward applies the new updates to the doc it has. Only
 * what the benchmark calls is kept.
 */
export class YjsKeyframeTimeline {
  private readonly log = new PackedLog()
  /** keyframes[i] is the doc after entries[0 .. (i+1)·K - 1]. */
  private readonly keyframes: Uint8Array[] = []
  /** The doc after every entry, which builds keyframes; null after a seek let it go. */
  private builder: Y.Doc | null = null
  private current: { doc: Y.Doc; applied: number } | null = null

  constructor(private readonly keyframeEvery: number) {}

  /** Entries so far. */
  get length(): number {
    return this.log.length
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
