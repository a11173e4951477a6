import type { SerializedSchema } from '@tldraw/store'
import { RecordPass, type BoardRecord } from './RecordPass'

/** One board update of the log, decoded. */
export interface TimelineEntry {
  seq: number
  time: number
  update: Uint8Array
}

/** The board at one moment of the replay: what a binding would read from the doc then. */
export interface BoardState {
  /** Every record of the doc's `tl_records` map, by id, as `toJSON()` reads it (never mutated). */
  records: ReadonlyMap<string, BoardRecord>
  /** The tldraw schema the doc was written with; undefined before the seed wrote it. */
  schema: SerializedSchema | undefined
}

/**
 * How many entries lie between two keyframes. A seek copies one keyframe (a
 * map of record references, ~450 entries for an hour's board) and applies at
 * most this many entries' record changes (a map write each), so a seek costs
 * well under a millisecond at any K up to a few thousand (`npm run bench`,
 * scenario 8); K only trades the keyframes' maps (memory) against the changes
 * applied per seek.
 */
export const KEYFRAME_EVERY = 1000

/**
 * The board's history, rebuilt edit by edit: append log entries as they
 * stream in (in order), then ask for the board at any moment.
 *
 * No Yjs runs on the seek path. Appending runs each entry once through a
 * {@link RecordPass} (one Y.Doc for the whole log), which says which records
 * that entry changed and gives each change a new immutable version sharing
 * everything it did not change; the timeline keeps, per entry, those
 * (id, version) pairs in flat arrays, and every {@link KEYFRAME_EVERY} entries
 * a keyframe: the record map then (a `Map` of references to versions shared
 * with every other keyframe where unchanged). A seek copies the nearest
 * keyframe at or before the target, or the board it showed last when that is
 * closer and not past the target (playing forward), and sets the at most K
 * versions in between: no decode, and little garbage (one map).
 *
 * When the log is complete, {@link release} lets the pass's doc go (keeping
 * it encoded, so a later append resumes from it).
 *
 * @example
 * ```ts
 * const timeline = new ReplayTimeline()
 * timeline.append(entries)
 * timeline.release()
 * const board = timeline.seek(startTime + 60_000) // the board one minute in
 * ```
 */
export class ReplayTimeline {
  private readonly seqs: number[] = []
  private readonly times: number[] = []
  /** changeEnds[i] is where entry i's changes end in changeIds/changeRecords (they start where entry i − 1's end). */
  private readonly changeEnds: number[] = []
  private readonly changeIds: string[] = []
  private readonly changeRecords: (BoardRecord | null)[] = []
  /** The schema after the first `count` entries, from each entry that changed it on. */
  private readonly schemas: { count: number; schema: SerializedSchema | undefined }[] = []
  /** keyframes[i] is the board's records after the first (i + 1)·K entries. */
  private readonly keyframes: ReadonlyMap<string, BoardRecord>[] = []
  private pass: RecordPass | null = null
  /** Where a released pass stopped (its encoded doc, records and schema): a later append resumes there. */
  private parked: ConstructorParameters<typeof RecordPass>[0] | null = null
  private shown: { count: number; state: BoardState } | null = null

  constructor(private readonly keyframeEvery = KEYFRAME_EVERY) {}

  /** Entries so far. */
  get length(): number {
    return this.seqs.length
  }

  /** Server time of the first and last entry (null when empty). */
  get span(): { start: number; end: number } | null {
    const count = this.seqs.length
    return count ? { start: this.times[0]!, end: this.times[count - 1]! } : null
  }

  /** Server time of the first entry after `time`, or null when none is loaded yet. */
  nextTimeAfter(time: number): number | null {
    const next = this.countAt(time)
    return next < this.seqs.length ? this.times[next]! : null
  }

  /**
   * The log position of the board shown at `time`: the sequence number of the
   * last entry by then (what "restore this version" restores), or null
   * before the first entry.
   */
  seqAt(time: number): number | null {
    const count = this.countAt(time)
    return count > 0 ? this.seqs[count - 1]! : null
  }

  /** Adds entries that follow the ones already there (the log's order). */
  append(entries: readonly TimelineEntry[]): void {
    for (const entry of entries) {
      const count = this.seqs.length
      if (count && entry.seq <= this.seqs[count - 1]!) continue
      const pass = (this.pass ??= new RecordPass(this.parked ?? undefined))
      this.parked = null
      const schemaBefore = pass.schema
      for (const [id, record] of pass.apply(entry.update)) {
        this.changeIds.push(id)
        this.changeRecords.push(record)
      }
      this.seqs.push(entry.seq)
      this.times.push(entry.time)
      this.changeEnds.push(this.changeIds.length)
      if (pass.schema !== schemaBefore) this.schemas.push({ count: count + 1, schema: pass.schema })
      if ((count + 1) % this.keyframeEvery === 0) this.keyframes.push(new Map(pass.current))
    }
  }

  /**
   * The log is complete for now: lets go of the Yjs doc that turned entries
   * into records (its encoded state is kept, so a later append resumes from it).
   */
  release(): void {
    if (!this.pass) return
    this.parked = { update: this.pass.encode(), records: this.pass.current, schema: this.pass.schema }
    this.pass.destroy()
    this.pass = null
  }

  /** How many entries had happened by `time` (server time). */
  countAt(time: number): number {
    let lo = 0
    let hi = this.seqs.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.times[mid]! <= time) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  /** The board as it was at `time` (server time). */
  seek(time: number): BoardState {
    return this.seekCount(this.countAt(time))
  }

  /**
   * The board after the first `count` entries: the same state object as last
   * time when nothing changed in between, a new one otherwise (built from the
   * board shown last when moving forward by less than a keyframe's distance,
   * else from the keyframe before it).
   */
  seekCount(count: number): BoardState {
    const target = Math.max(0, Math.min(count, this.seqs.length))
    const shown = this.shown
    if (shown?.count === target) return shown.state
    const base = Math.floor(target / this.keyframeEvery) * this.keyframeEvery
    const fromShown = shown !== null && shown.count >= base && shown.count < target
    const from = fromShown ? shown.count : base
    const records = new Map(
      fromShown ? shown.state.records : base > 0 ? this.keyframes[base / this.keyframeEvery - 1] : undefined
    )
    const ids = this.changeIds
    const versions = this.changeRecords
    for (
      let i = from > 0 ? this.changeEnds[from - 1]! : 0, end = target > 0 ? this.changeEnds[target - 1]! : 0;
      i < end;
      i++
    ) {
      const record = versions[i]
      if (record) records.set(ids[i]!, record)
      else records.delete(ids[i]!)
    }
    const state = { records, schema: this.schemaAt(target) }
    this.shown = { count: target, state }
    return state
  }

  /** The schema the doc held after the first `count` entries. */
  private schemaAt(count: number): SerializedSchema | undefined {
    let lo = 0
    let hi = this.schemas.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.schemas[mid]!.count <= count) lo = mid + 1
      else hi = mid
    }
    return lo > 0 ? this.schemas[lo - 1]!.schema : undefined
  }
}
