/**
 * What the replay benchmark's two people do, action by action: palette
 * blocks with a label and a number line, arrows bound to them, note boxes,
 * drags (one `x`/`y` write per pointer frame), resizes, labels typed key by
 * key, style changes and a few deletes, chosen with a seeded PRNG.
 */
import { createBindingId, createShapeId, toRichText, type TLRecord, type TLShape } from '@tldraw/tlschema'
import { getIndexAbove, type IndexKey } from '@tldraw/utils'
import { FIRST_PAGE_ID } from '@/lib/binding/seedBoardDoc'
import { CANDIDATE, INTERVIEWER, schema, type Author, type SessionLog } from './sessionLog'

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
export class SessionScript {
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
    const block = this.newShape('block', () => this.scatter(), {
      w: 200,
      h: 76,
      kind,
      label: '',
      annotation: '',
      color: 'black',
    })
    this.log.write(author, 0, true, [block])
    this.blocks.push(block.id)
    this.type(author, block.id, 'label', label)
    if (this.random() < 0.6) this.type(author, block.id, 'annotation', annotation)
  }

  private createNote(author: Author): void {
    const note = this.newShape('geo', () => this.scatter(), {
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
    })
    this.log.write(author, 0, true, [note])
    this.notes.push(note.id)
    this.type(author, note.id, 'richText', this.pick(NOTES))
  }

  /** Drawn from one block to another: created bound at the start, end dragged, bound at the end, maybe labelled. */
  private createArrow(author: Author): void {
    const from = this.shape(this.pick(this.blocks))
    const to = this.shape(this.pick(this.blocks.filter((id) => id !== from.id)))
    let arrow = this.newShape('arrow', () => ({ x: from.x + 100, y: from.y + 38 }), {
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

  /** A new shape on the first page: its id first, then its place, then its index (the order the random draws keep). */
  private newShape(type: string, place: () => { x: number; y: number }, props: Record<string, unknown>): TLShape {
    const id = this.shapeId()
    const { x, y } = place()
    return this.validate({
      id,
      typeName: 'shape',
      type,
      x,
      y,
      rotation: 0,
      index: this.nextIndex(),
      parentId: FIRST_PAGE_ID,
      isLocked: false,
      opacity: 1,
      meta: {},
      props,
    })
  }

  /** Somewhere on the 3,000 × 2,000 canvas. */
  private scatter(): { x: number; y: number } {
    return { x: this.coordinate(3_000), y: this.coordinate(2_000) }
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
