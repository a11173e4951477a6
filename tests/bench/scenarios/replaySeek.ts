/**
 * Scenario 8: session replay. The issue asks for the seek time anywhere in a
 * synthetic 60-minute, 20,000-update session (goal < 100 ms) and for the
 * room log's size per hour of active drawing.
 *
 * The session is synthetic but shaped like a system-design interview: two
 * people (80 % of the actions by the candidate) grow a board to ~440 shapes
 * (palette blocks with a label and a number line, arrows bound to them,
 * labelled note boxes), with most updates being field-level edits: drags (one
 * `x`/`y` write per pointer frame), resizes, labels typed key by key, style
 * changes and a few deletes. Timestamps spread over 60 minutes (bursts of
 * frames and keystrokes, idle gaps between actions). It is generated with a
 * seeded PRNG, so every run and machine replays the same log.
 *
 * The updates are real: each store batch is written the way
 * `StoreYjsBinding` writes it (`recordToYMap` for new records,
 * `writeRecordChanges` for changed fields only, `delete` for removed ones;
 * `lib/binding/yRecords.ts`), in its own transaction of the author's Y.Doc,
 * and the update that transaction emits is one log entry (the provider sends
 * every update by itself, the server logs each). The docs of the server (the
 * seed, entry 1), the interviewer and the candidate each have their own Yjs
 * client id and apply each other's updates, as over the wire. tldraw's editor
 * is not driven (it needs jsdom and would dominate the time): the records it
 * would write are built here, and each new one is checked against the
 * board's schema.
 *
 * Measured:
 * - Seek: the log is appended to a {@link ReplayTimeline} and 200 seeks to
 *   random moments are timed. Every seek is cold: each one starts from the
 *   beginning, so the timeline decodes a keyframe and applies up to K updates
 *   each time (never the cheap play-forward path).
 *   p50, p95 and max per run. A seek's cost grows with the keyframe it
 *   decodes, i.e. with how late in the session it lands, so "anywhere" is
 *   bounded by the seek to the session's end (the last keyframe plus up to
 *   K − 1 updates): the goal (< 100 ms) is on the median of 10 such seeks,
 *   the max of random seeks being too noisy to hold a goal (GC pauses, a
 *   shared machine: one pause doubles it). K = {@link KEYFRAME_EVERY} (the
 *   default, 1000) in the Mockboard column, the other spacings of 250, 500 and 2000 as peers, so the
 *   table shows what the default trades: fewer keyframes (less memory, a faster load) against a longer
 *   worst seek. Each row is the median over runs; the spread is the default K's runs.
 * - Keyframe memory: the bytes of every keyframe the timeline keeps for the
 *   whole session (the doc encoded every K entries; computed by encoding a
 *   gc'd doc at the same positions, as the timeline does).
 * - Load: the time to append the whole log (applying every update and
 *   encoding the keyframes), i.e. until the whole session is seekable.
 * - Log size: the updates' bytes (the log's payload, without seq, time and
 *   author) per hour of session, against the final board encoded as one
 *   update (what a snapshot would store instead).
 */
import * as Y from 'yjs'
import { createBindingId, createShapeId, toRichText, type TLRecord, type TLShape } from '@tldraw/tlschema'
import { getIndexAbove, type IndexKey } from '@tldraw/utils'
import { createBoardSchema } from '@/lib/board/boardSchema'
import { FIRST_PAGE_ID, seedBoardDoc } from '@/lib/binding/seedBoardDoc'
import { getRecordsMap, recordToYMap, writeRecordChanges } from '@/lib/binding/yRecords'
import { KEYFRAME_EVERY, ReplayTimeline, type TimelineEntry } from '@/lib/replay/ReplayTimeline'
import { median, percentile, singleRow, spread, type BenchOptions, type BenchRow } from '../types'

const schema = createBoardSchema()
const SESSION_MS = 60 * 60_000
/** Server time of the first entry (any fixed epoch). */
const START = 1_700_000_000_000
/** Shapes on the board at the end, per log entry (≈440 for 20,000 entries). */
const SHAPES_PER_ENTRY = 0.022
/** The other keyframe spacings compared against the default (which is never repeated here). */
const OTHER_KS = [250, 500, 1_000, 2_000].filter((k) => k !== KEYFRAME_EVERY)

/** Seeded PRNG (mulberry32): the same session on every run and machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SERVER = 0
const INTERVIEWER = 1
const CANDIDATE = 2
type Author = typeof SERVER | typeof INTERVIEWER | typeof CANDIDATE
/** Origin of updates applied from another participant (not logged again). */
const REMOTE = Symbol('remote')

/** One log entry before it gets its time: its delay after the previous one. */
interface Step {
  update: Uint8Array
  /** In-burst delay (ms) for frames and keystrokes; a weight of the idle time for `think`. */
  delay: number
  /** First step of an action, after an idle gap. */
  think: boolean
}

/** The participants' docs, written the way StoreYjsBinding writes a store batch. */
class SessionLog {
  readonly steps: Step[] = []
  /** Every document record as the store holds it. */
  readonly records = new Map<string, TLRecord>()
  private readonly docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()]
  private captured: Uint8Array | null = null

  constructor() {
    for (const doc of this.docs) {
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== REMOTE) this.captured = update
      })
    }
    seedBoardDoc(this.docs[SERVER]!, schema)
    this.flush(SERVER, 0, false)
  }

  /** One store batch of `author` (the binding's `store.listen` handler): one transaction, one log entry. */
  write(author: Author, delay: number, think: boolean, put: TLRecord[], remove: string[] = []): void {
    const doc = this.docs[author]!
    const records = getRecordsMap(doc)
    doc.transact(() => {
      for (const next of put) {
        const prev = this.records.get(next.id)
        const yRecord = records.get(next.id)
        if (prev && yRecord instanceof Y.Map) writeRecordChanges(yRecord, prev, next)
        else records.set(next.id, recordToYMap(next))
      }
      for (const id of remove) records.delete(id)
    })
    for (const record of put) this.records.set(record.id, record)
    for (const id of remove) this.records.delete(id)
    this.flush(author, delay, think)
  }

  /** The board as the last entry left it, encoded as one update. */
  encodedBoard(): Uint8Array {
    return Y.encodeStateAsUpdate(this.docs[SERVER]!)
  }

  destroy(): void {
    for (const doc of this.docs) doc.destroy()
  }

  private flush(author: Author, delay: number, think: boolean): void {
    const update = this.captured
    this.captured = null
    if (!update) return
    this.docs.forEach((doc, i) => i !== author && Y.applyUpdate(doc, update, REMOTE))
    this.steps.push({ update, delay, think })
  }
}

const BLOCKS: Array<[kind: string, label: string, annotation: string]> = [
  ['load-balancer', 'Load balancer', '50K RPS'],
  ['api-gateway', 'API gateway', 'auth + rate limit'],
  ['stateless-service', 'Timeline service', '3 replicas'],
  ['stateless-service', 'Fan-out workers', '20 pods'],
  ['cache', 'Redis cache', '95% hit rate'],
  ['sql-database', 'Users DB (Postgres)', 'primary + 2 replicas'],
  ['kafka-log', 'Events topic', '64 partitions'],
  ['object-storage', 'Media bucket', '2 PB'],
  ['cdn', 'CDN', 'edge, 1-day TTL'],
  ['search-index', 'Search index', '12 shards'],
]
const ARROW_LABELS = ['reads', 'writes', 'publish', 'HTTP', 'gRPC', 'cache miss', 'async', 'replicates']
const NOTES = [
  'Reads dominate: 100:1 read/write ratio',
  'Shard by user id, consistent hashing',
  'What happens when the cache is cold?',
  'p99 < 200 ms for the home timeline',
  'Idempotency key on retries',
  'Hot keys: celebrity accounts',
]
const COLORS = ['black', 'blue', 'green', 'red', 'orange', 'violet'] as const
const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'

/** Drives the session: who does what, and how the board's records change. */
class SessionScript {
  private readonly blocks: string[] = []
  private readonly notes: string[] = []
  private readonly arrows: string[] = []
  /** Binding ids per shape id (both the arrow's and its target's). */
  private readonly bindings = new Map<string, Set<string>>()
  /** Current text per `shapeId field` (label, annotation or richText). */
  private readonly texts = new Map<string, string>()
  private lastIndex: IndexKey | null = null

  constructor(
    private readonly log: SessionLog,
    private readonly random: () => number
  ) {}

  get shapes(): number {
    return this.blocks.length + this.notes.length + this.arrows.length
  }

  /** One action, when the board should grow (`create`) or be edited. */
  act(create: boolean): void {
    const author: Author = this.random() < 0.8 ? CANDIDATE : INTERVIEWER
    const r = this.random()
    if (create) {
      if (r < 0.3 && this.blocks.length >= 2) this.createArrow(author)
      else if (r < 0.45) this.createNote(author)
      else this.createBlock(author)
      return
    }
    const movable = [...this.blocks, ...this.notes]
    if (!movable.length) return this.createBlock(author)
    if (r < 0.55) this.drag(author, [this.pick(movable)])
    else if (r < 0.62)
      this.drag(
        author,
        Array.from({ length: 2 + this.int(4) }, () => this.pick(movable))
      )
    else if (r < 0.72) this.resize(author, this.pick(movable))
    else if (r < 0.87) this.relabel(author)
    else if (r < 0.95) this.restyle(author)
    else this.remove(author)
  }

  private createBlock(author: Author): void {
    const [kind, label, annotation] = this.pick(BLOCKS)
    const block = this.validate({
      id: this.shapeId(),
      typeName: 'shape',
      type: 'block',
      x: this.coordinate(3_000),
      y: this.coordinate(2_000),
      rotation: 0,
      index: this.nextIndex(),
      parentId: FIRST_PAGE_ID,
      isLocked: false,
      opacity: 1,
      meta: {},
      props: { w: 200, h: 76, kind, label: '', annotation: '', color: 'black' },
    })
    this.log.write(author, 0, true, [block])
    this.blocks.push(block.id)
    this.type(author, block.id, 'label', label)
    if (this.random() < 0.6) this.type(author, block.id, 'annotation', annotation)
  }

  private createNote(author: Author): void {
    const note = this.validate({
      id: this.shapeId(),
      typeName: 'shape',
      type: 'geo',
      x: this.coordinate(3_000),
      y: this.coordinate(2_000),
      rotation: 0,
      index: this.nextIndex(),
      parentId: FIRST_PAGE_ID,
      isLocked: false,
      opacity: 1,
      meta: {},
      props: {
        geo: 'rectangle',
        dash: 'draw',
        url: '',
        w: 240,
        h: 120,
        growY: 0,
        scale: 1,
        flipX: false,
        flipY: false,
        labelColor: 'black',
        color: 'yellow',
        fill: 'semi',
        size: 'm',
        font: 'draw',
        align: 'middle',
        verticalAlign: 'middle',
        richText: toRichText(''),
      },
    })
    this.log.write(author, 0, true, [note])
    this.notes.push(note.id)
    this.type(author, note.id, 'richText', this.pick(NOTES))
  }

  /** Drawn from one block to another: created bound at the start, end dragged, bound at the end, maybe labelled. */
  private createArrow(author: Author): void {
    const from = this.shape(this.pick(this.blocks))
    const to = this.shape(this.pick(this.blocks.filter((id) => id !== from.id)))
    let arrow = this.validate({
      id: this.shapeId(),
      typeName: 'shape',
      type: 'arrow',
      x: from.x + 100,
      y: from.y + 38,
      rotation: 0,
      index: this.nextIndex(),
      parentId: FIRST_PAGE_ID,
      isLocked: false,
      opacity: 1,
      meta: {},
      props: {
        kind: 'arc',
        labelColor: 'black',
        color: 'black',
        fill: 'none',
        dash: 'draw',
        size: 'm',
        arrowheadStart: 'none',
        arrowheadEnd: 'arrow',
        font: 'draw',
        start: { x: 0, y: 0 },
        end: { x: 0.5, y: 0.5 },
        bend: 0,
        richText: toRichText(''),
        labelPosition: 0.5,
        scale: 1,
        elbowMidPoint: 0.5,
      },
    })
    this.log.write(author, 0, true, [arrow, this.binding(arrow.id, from.id, 'start')])
    this.arrows.push(arrow.id)
    const dx = to.x + 100 - arrow.x
    const dy = to.y + 38 - arrow.y
    const frames = 10 + this.int(30)
    for (let f = 1; f <= frames; f++) {
      const t = f / frames
      const end = { x: dx * t + this.jitter(), y: dy * t + this.jitter() }
      arrow = { ...arrow, props: { ...(arrow.props as object), end } } as TLShape
      this.log.write(author, this.frameMs(), false, [arrow])
    }
    this.log.write(author, this.frameMs(), false, [this.binding(arrow.id, to.id, 'end')])
    if (this.random() < 0.5) this.type(author, arrow.id, 'richText', this.pick(ARROW_LABELS))
  }

  /** A drag of one or more shapes: one x/y write per shape per pointer frame. */
  private drag(author: Author, ids: string[]): void {
    let shapes = [...new Set(ids)].map((id) => this.shape(id))
    const frames = 15 + this.int(75)
    const vx = (this.random() - 0.5) * 12
    const vy = (this.random() - 0.5) * 12
    for (let f = 0; f < frames; f++) {
      const dx = vx + this.jitter()
      const dy = vy + this.jitter()
      shapes = shapes.map((shape) => ({ ...shape, x: shape.x + dx, y: shape.y + dy }))
      this.log.write(author, f ? this.frameMs() : 0, f === 0, shapes)
    }
  }

  /** A resize from the bottom-right handle: w and h per frame. */
  private resize(author: Author, id: string): void {
    let shape = this.shape(id)
    const props = shape.props as { w: number; h: number }
    const frames = 10 + this.int(30)
    const grow = (this.random() - 0.3) * 4
    for (let f = 0; f < frames; f++) {
      const w = Math.max(40, props.w + grow * (f + 1) + this.jitter())
      const h = Math.max(30, props.h + (grow / 2) * (f + 1) + this.jitter())
      shape = { ...shape, props: { ...(shape.props as object), w, h } } as TLShape
      this.log.write(author, f ? this.frameMs() : 0, f === 0, [shape])
    }
  }

  /** Backspaces a few characters of a label and types a new ending. */
  private relabel(author: Author): void {
    const labelled = [...this.blocks, ...this.notes]
    const id = this.pick(labelled)
    const shape = this.shape(id)
    const field = shape.type === 'block' ? (this.random() < 0.7 ? 'label' : 'annotation') : 'richText'
    const current = this.texts.get(`${id} ${field}`) ?? ''
    const keep = Math.max(0, current.length - 1 - this.int(6))
    let text = current
    for (let i = current.length; i > keep; i--) {
      text = text.slice(0, -1)
      this.setText(author, id, field, text, i === current.length)
    }
    this.type(author, id, field, text + this.pick(['s', ' (v2)', ' x3', ' cluster', ' 2']), text)
  }

  private restyle(author: Author): void {
    const shape = this.shape(this.pick([...this.blocks, ...this.notes, ...this.arrows]))
    const color = this.pick(COLORS)
    this.log.write(author, 0, true, [{ ...shape, props: { ...(shape.props as object), color } } as TLShape])
  }

  /** Deletes a shape and its bindings; arrows bound to a deleted block stay, unbound (as tldraw does). */
  private remove(author: Author): void {
    const r = this.random()
    const preferred = r < 0.5 ? this.blocks : r < 0.8 ? this.arrows : this.notes
    const pool = preferred.length ? preferred : [this.blocks, this.arrows, this.notes].find((ids) => ids.length)!
    const id = this.pick(pool)
    const bindingIds = [...(this.bindings.get(id) ?? [])]
    const unbound: TLRecord[] = []
    for (const bindingId of bindingIds) {
      const binding = this.log.records.get(bindingId) as { fromId: string; toId: string } | undefined
      if (!binding) continue
      for (const other of [binding.fromId, binding.toId]) this.bindings.get(other)?.delete(bindingId)
      if (binding.fromId !== id) {
        const arrow = this.shape(binding.fromId)
        const props = arrow.props as { end: { x: number; y: number } }
        unbound.push({ ...arrow, props: { ...props, end: { x: props.end.x + 0.25, y: props.end.y - 0.5 } } } as TLShape)
      }
    }
    this.log.write(author, 0, true, unbound, [id, ...bindingIds])
    pool.splice(pool.indexOf(id), 1)
    this.bindings.delete(id)
  }

  /** Types `text` after `from`, one store update per keystroke. */
  private type(author: Author, id: string, field: string, text: string, from = ''): void {
    for (let i = from.length + 1; i <= text.length; i++) this.setText(author, id, field, text.slice(0, i), false)
  }

  private setText(author: Author, id: string, field: string, text: string, think: boolean): void {
    const shape = this.shape(id)
    const value = field === 'richText' ? toRichText(text) : text
    const next = { ...shape, props: { ...(shape.props as object), [field]: value } } as TLShape
    this.log.write(author, think ? 0 : 120 + this.int(160), think, [next])
    this.texts.set(`${id} ${field}`, text)
  }

  private binding(fromId: string, toId: string, terminal: 'start' | 'end'): TLRecord {
    const binding = schema.types.binding.validate(
      schema.types.binding.create({
        id: createBindingId(this.nanoid()),
        type: 'arrow',
        fromId: fromId as never,
        toId: toId as never,
        props: {
          terminal,
          normalizedAnchor: { x: this.random(), y: this.random() },
          isExact: false,
          isPrecise: true,
          snap: 'none',
        },
      })
    ) as TLRecord
    for (const id of [fromId, toId]) this.bindings.set(id, (this.bindings.get(id) ?? new Set()).add(binding.id))
    return binding
  }

  private validate(record: Record<string, unknown>): TLShape {
    return schema.types.shape.validate(record) as TLShape
  }

  private shape(id: string): TLShape {
    return this.log.records.get(id) as TLShape
  }

  private shapeId(): string {
    return createShapeId(this.nanoid())
  }

  /** A 21-character id, like tldraw's. */
  private nanoid(): string {
    return Array.from({ length: 21 }, () => ID_ALPHABET[this.int(ID_ALPHABET.length)]).join('')
  }

  private nextIndex(): IndexKey {
    return (this.lastIndex = getIndexAbove(this.lastIndex))
  }

  /** A page coordinate as a drop lands it (not a round number). */
  private coordinate(range: number): number {
    return this.random() * range - 200
  }

  private jitter(): number {
    return (this.random() - 0.5) * 3
  }

  /** A pointer frame (~60 Hz, a little uneven). */
  private frameMs(): number {
    return 14 + this.int(6)
  }

  private int(n: number): number {
    return Math.floor(this.random() * n)
  }

  private pick<T>(values: readonly T[]): T {
    return values[this.int(values.length)]!
  }
}

interface Session {
  entries: TimelineEntry[]
  shapes: number
  finalBoardBytes: number
}

/**
 * The synthetic session: `count` log entries over 60 minutes. The board grows
 * steadily to `count × SHAPES_PER_ENTRY` shapes; the other actions edit it.
 * In-burst delays are kept; the rest of the hour is spread over the idle gaps
 * before each action (exponentially distributed).
 */
export function buildSession(count: number): Session {
  const log = new SessionLog()
  const random = prng(0x5eed)
  const script = new SessionScript(log, random)
  const targetShapes = Math.max(4, Math.round(count * SHAPES_PER_ENTRY))
  while (log.steps.length < count) script.act(script.shapes < (targetShapes * log.steps.length) / count + 2)
  const steps = log.steps.slice(0, count)
  const burstMs = steps.reduce((sum, step) => sum + (step.think ? 0 : step.delay), 0)
  const weights = steps.map((step) => (step.think ? -Math.log(1 - random()) : 0))
  const idleScale = Math.max(0, SESSION_MS - burstMs) / weights.reduce((sum, w) => sum + w, 0)
  let time = START
  const entries = steps.map((step, i): TimelineEntry => {
    if (i) time += step.think ? weights[i]! * idleScale : step.delay
    return { seq: i + 1, time: Math.round(time), update: step.update }
  })
  const session = { entries, shapes: script.shapes, finalBoardBytes: log.encodedBoard().byteLength }
  log.destroy()
  return session
}

/**
 * Seek times (server time) spread at random over the session. Each is made
 * cold by {@link measure} (a seek to the start first), so the order does not
 * matter. (An earlier version picked only times "cold" relative to the
 * previous one, which never terminates when the log is shorter than K.)
 */
export function coldSeekTimes(entries: TimelineEntry[], seeks: number): number[] {
  const random = prng(0x5eec)
  const start = entries[0]!.time
  const span = entries.at(-1)!.time - start
  return Array.from({ length: seeks }, () => start + Math.round(random() * span))
}

/** Bytes of every keyframe a timeline with spacing K keeps (the doc encoded every K entries), per K. */
function keyframeBytes(entries: TimelineEntry[], ks: number[]): Map<number, number> {
  const doc = new Y.Doc({ gc: true })
  const bytes = new Map(ks.map((k) => [k, 0]))
  entries.forEach((entry, i) => {
    Y.applyUpdate(doc, entry.update)
    const due = ks.filter((k) => (i + 1) % k === 0)
    if (!due.length) return
    const size = Y.encodeStateAsUpdate(doc).byteLength
    for (const k of due) bytes.set(k, bytes.get(k)! + size)
  })
  doc.destroy()
  return bytes
}

interface KRun {
  loadMs: number
  p50: number
  p95: number
  max: number
  /** Median of the seeks to the costliest position. */
  worst: number
}

/**
 * Loads the log into a fresh timeline with spacing `k`, times a cold seek to
 * each of `times`, then `worstSeeks` cold seeks to the costliest position:
 * the end of the session, reached from the last keyframe before it plus up
 * to K − 1 updates (the biggest keyframe and the most updates). Each is
 * preceded by a seek to the start, which costs nothing and makes it cold.
 */
function measure(entries: TimelineEntry[], k: number, times: number[], worstSeeks: number): KRun {
  const timeline = new ReplayTimeline(k)
  const t0 = performance.now()
  timeline.append(entries)
  const loadMs = performance.now() - t0
  const seekMs = times.map((time) => {
    // From the start, every seek rebuilds from its keyframe: cold, whatever came before.
    timeline.seekCount(0)
    const start = performance.now()
    timeline.seek(time)
    return performance.now() - start
  })
  const costliest = entries.length % k === 0 ? entries.length - 1 : entries.length
  const worstMs = Array.from({ length: worstSeeks }, () => {
    timeline.seekCount(0)
    const start = performance.now()
    timeline.seekCount(costliest)
    return performance.now() - start
  })
  return {
    loadMs,
    p50: percentile(seekMs, 50),
    p95: percentile(seekMs, 95),
    max: Math.max(...seekMs),
    worst: median(worstMs),
  }
}

const round1 = (value: number) => Math.round(value * 10) / 10
const round2 = (value: number) => Math.round(value * 100) / 100

/**
 * Scenario 8: seek time in a long session's replay for the default K
 * ({@link KEYFRAME_EVERY}, 1000) and other keyframe spacings, the keyframes'
 * memory, the time to load the log, and the log's size per hour of drawing.
 */
export async function run(options: BenchOptions): Promise<BenchRow[]> {
  const count = options.quick ? 1_000 : 20_000
  const seeks = options.quick ? 20 : 200
  const worstSeeks = options.quick ? 3 : 10
  const runs = options.quick ? 1 : 3
  const ks = options.quick ? [KEYFRAME_EVERY] : [KEYFRAME_EVERY, ...OTHER_KS]
  const scenario = `8. Replay of a 60-minute, ${count.toLocaleString('en-US')}-update session`

  const session = buildSession(count)
  const { entries } = session
  const times = coldSeekTimes(entries, seeks)
  // One untimed pass warms the JIT (skipped in quick mode).
  if (!options.quick) measure(entries, KEYFRAME_EVERY, times.slice(0, 20), 2)
  const results = new Map<number, KRun[]>(ks.map((k) => [k, []]))
  for (let i = 0; i < runs; i++) for (const k of ks) results.get(k)!.push(measure(entries, k, times, worstSeeks))
  const memory = keyframeBytes(entries, ks)

  const ours = results.get(KEYFRAME_EVERY)!
  const perK = (value: (run: KRun) => number) =>
    Object.fromEntries(
      OTHER_KS.filter((k) => ks.includes(k)).map((k) => [`K=${k}`, round1(median(results.get(k)!.map(value)))])
    )
  const kRow = (metric: string, value: (run: KRun) => number, goalMs?: number): BenchRow => {
    const mockboard = median(ours.map(value))
    return {
      scenario,
      metric: `${metric}, K=${KEYFRAME_EVERY}`,
      mockboard: round1(mockboard),
      peers: perK(value),
      ratio: null,
      goal: goalMs === undefined ? '—' : `< ${goalMs} ms`,
      met: goalMs === undefined ? null : mockboard < goalMs,
      runs,
      spread: spread(ours.map(value)),
    }
  }
  const logBytes = entries.reduce((sum, entry) => sum + entry.update.byteLength, 0)
  const hours = (entries.at(-1)!.time - entries[0]!.time) / 3_600_000
  const MB = 2 ** 20
  const single = (metric: string, value: number): BenchRow => singleRow(scenario, metric, value)
  return [
    kRow(`seek p50, ${seeks} cold seeks anywhere (ms)`, (r) => r.p50),
    kRow('seek p95 (ms)', (r) => r.p95),
    kRow('seek max (ms)', (r) => r.max),
    kRow(`costliest seek: end of session, median of ${worstSeeks} (ms)`, (r) => r.worst, 100),
    {
      ...single(`keyframe memory (MB), K=${KEYFRAME_EVERY}`, round2(memory.get(KEYFRAME_EVERY)! / MB)),
      peers: Object.fromEntries(
        OTHER_KS.filter((k) => ks.includes(k)).map((k) => [`K=${k}`, round2(memory.get(k)! / MB)])
      ),
    },
    kRow('load whole log into the timeline (ms)', (r) => r.loadMs),
    single('log size per hour of drawing (MB)', round2(logBytes / MB / hours)),
    single('log entry, mean (B)', Math.round(logBytes / entries.length)),
    single(`final board, ${session.shapes} shapes, encoded (KB)`, round1(session.finalBoardBytes / 1024)),
  ]
}
