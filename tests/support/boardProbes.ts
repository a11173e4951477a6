import * as Y from 'yjs'
import { PageRecordType, type TLRecord } from '@tldraw/tlschema'
import type { IndexKey } from '@tldraw/utils'
import { getRecordsMap, recordToYMap, type YRecord } from '@/lib/binding/yRecords'
import { createBoardSchema } from '@/lib/board/boardSchema'
import { seedBoardDoc } from '@/lib/binding/seedBoardDoc'
import { wireUserId } from '@/lib/presence/presenceWire'

/**
 * Key/value writes for tests, made of records a board server accepts.
 *
 * The collab server validates every board update against tldraw's schema
 * (server/rooms/BoardUpdateGuard.ts), so tests can no longer scribble into
 * made-up top-level maps. A probe entry is a page record
 * (`page:<name>.<key>`) whose `meta.value` holds the value: the smallest
 * valid record, written field by field like the app's own binding.
 *
 * @example
 * ```ts
 * probes(alice.doc, 'edits').set('e1', 1)
 * await eventually(() => probes(bob.doc, 'edits').get('e1') === 1)
 * ```
 */
export function probes(doc: Y.Doc, name: string): ProbeMap {
  return new ProbeMap(getRecordsMap(doc), name)
}

/** A view of the probe records of one name; see {@link probes}. */
export class ProbeMap {
  private readonly prefix: string

  constructor(
    private readonly records: Y.Map<YRecord>,
    name: string
  ) {
    this.prefix = `page:${name}.`
  }

  /** Creates the probe record, or changes its value (one field write). */
  set(key: string, value: unknown): void {
    const id = this.prefix + key
    const existing = this.records.get(id)
    if (existing instanceof Y.Map) {
      existing.set('meta', { value })
      return
    }
    const page = PageRecordType.create({
      id: id as ReturnType<typeof PageRecordType.createId>,
      name: key,
      index: 'a1' as IndexKey,
      meta: { value } as never,
    })
    this.records.set(id, recordToYMap(page))
  }

  /** The value under `key`, or undefined. */
  get(key: string): unknown {
    const record = this.records.get(this.prefix + key)
    return record instanceof Y.Map ? (record.get('meta') as { value?: unknown } | undefined)?.value : undefined
  }

  has(key: string): boolean {
    return this.records.has(this.prefix + key)
  }

  delete(key: string): void {
    this.records.delete(this.prefix + key)
  }

  /** The keys of this probe name, in the doc's order. */
  keys(): string[] {
    return [...this.records.keys()].filter((id) => id.startsWith(this.prefix)).map((id) => id.slice(this.prefix.length))
  }

  get size(): number {
    return this.keys().length
  }

  /** `{ key: value }` for every probe of this name. */
  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.keys().map((key) => [key, this.get(key)]))
  }

  /** Calls `listener` after any change to the board's records. */
  observe(listener: () => void): void {
    this.records.observeDeep(listener)
  }

  unobserve(listener: () => void): void {
    this.records.unobserveDeep(listener)
  }
}

/** `{ key: value }` for every probe of one name among a board's records as plain JSON (a replayed board's). */
export function probeValues(records: ReadonlyMap<string, Readonly<Record<string, unknown>>>, name: string) {
  const prefix = `page:${name}.`
  const out: Record<string, unknown> = {}
  for (const [id, record] of records) {
    if (id.startsWith(prefix)) out[id.slice(prefix.length)] = (record.meta as { value?: unknown } | undefined)?.value
  }
  return out
}

/**
 * A valid shape record on the seeded page (a frame: the shape type with the
 * fewest props), for tests that need "something drawn" without an editor.
 */
export function testShape(id: string, fields: { x?: number; y?: number; name?: string } = {}): TLRecord {
  return {
    id,
    typeName: 'shape',
    type: 'frame',
    x: fields.x ?? 0,
    y: fields.y ?? 0,
    rotation: 0,
    index: 'a1',
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    meta: {},
    props: { w: 100, h: 100, name: fields.name ?? '', color: 'black' },
  } as unknown as TLRecord
}

/** Writes {@link testShape} into a board doc, as the app's binding writes a new record. */
export function drawTestShape(doc: Y.Doc, id: string, fields: Parameters<typeof testShape>[1] = {}): void {
  getRecordsMap(doc).set(id, recordToYMap(testShape(id, fields)))
}

/** A valid tldraw `user:` record for an account, under the id its browser writes. */
export function testUserRecord(accountId: string, fields: { name?: string; color?: string } = {}): TLRecord {
  return createBoardSchema().types.user!.create({
    id: `user:${wireUserId(accountId)}`,
    name: fields.name ?? accountId,
    color: fields.color ?? '#e03131',
  } as never) as TLRecord
}

/**
 * A room's doc (a seeded board holding `shape:a`) and the update a client in
 * step with it makes with `change` (one transaction), not yet applied to the room.
 *
 * @example
 * ```ts
 * const { room, update } = roomAndClientUpdate((records) => records.get('shape:a')!.set('x', 40))
 * ```
 */
export function roomAndClientUpdate(change: (records: Y.Map<YRecord>) => void): { room: Y.Doc; update: Uint8Array } {
  const room = new Y.Doc()
  seedBoardDoc(room, createBoardSchema())
  getRecordsMap(room).set('shape:a', recordToYMap(testShape('shape:a')))
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(room))
  let update: Uint8Array | null = null
  client.on('update', (u: Uint8Array) => (update = u))
  client.transact(() => change(getRecordsMap(client)))
  return { room, update: update! }
}
