import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { isEqual } from '@tldraw/utils'
import { getMetaMap, getRecordsMap, readDocSchema, SCHEMA_FIELD } from '@/lib/binding/yRecords'
import { ReplayTimeline, type BoardState, type TimelineEntry } from './ReplayTimeline'
import { seededRandom } from '@/tests/support/seededRandom'

const REMOTE = Symbol('remote')

/**
 * A random board history as a server would log it: three replicas edit the
 * records map the way the binding does (whole records, fields, props keys)
 * and in every other way a doc allows (fields deleted, props replaced, Yjs
 * types nested deeper, values that are not records, the schema rewritten,
 * other top-level maps), each seeing the log only up to a random lag, so
 * their edits race (concurrent writes to one field, edits of records deleted
 * meanwhile). A few neighbouring entries are swapped, so some arrive before
 * what they depend on and wait in Yjs until it comes.
 */
function randomHistory(seed: number, steps: number): TimelineEntry[] {
  const random = seededRandom(seed)
  const int = (n: number) => Math.floor(random() * n)
  const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()]
  const log: Uint8Array[] = []
  for (const doc of docs)
    doc.on('update', (update: Uint8Array, origin: unknown) => origin !== REMOTE && log.push(update))
  const seen = [0, 0, 0]
  let made = 0
  const newRecord = (id: string) => {
    const record = new Y.Map<unknown>()
    for (const [key, value] of Object.entries({
      id,
      typeName: 'shape',
      x: int(500),
      y: int(500),
      rotation: 0,
      meta: {},
    }))
      record.set(key, value)
    const props = new Y.Map<unknown>()
    props.set('w', 100 + int(50))
    props.set('color', 'black')
    props.set('richText', { type: 'doc', content: [{ type: 'paragraph', text: `t${int(9)}` }] })
    record.set('props', props)
    return record
  }
  const edit = (doc: Y.Doc) => {
    const records = getRecordsMap(doc)
    const ids = [...records.keys()]
    const id = ids.length ? ids[int(ids.length)]! : `shape:${made++}`
    const record = records.get(id)
    const r = random()
    if (!(record instanceof Y.Map) || r < 0.18) {
      const target = r < 0.1 ? `shape:${made++}` : id
      return records.set(target, newRecord(target))
    }
    const props = record.get('props')
    if (r < 0.42) record.set(random() < 0.5 ? 'x' : 'y', int(1000) + random())
    else if (r < 0.56 && props instanceof Y.Map)
      props.set(random() < 0.5 ? 'w' : 'color', random() < 0.5 ? int(300) : `c${int(6)}`)
    else if (r < 0.6) record.delete(random() < 0.5 ? 'rotation' : 'meta')
    else if (r < 0.63) record.set('props', new Y.Map<unknown>())
    else if (r < 0.68 && props instanceof Y.Map) {
      const deep = props.get('deep')
      if (deep instanceof Y.Map) deep.set(`k${int(3)}`, int(100))
      else props.set('deep', new Y.Map<unknown>([['k0', int(100)]]))
    } else if (r < 0.72) {
      const list = record.get('list')
      if (list instanceof Y.Array) list.push([int(10)])
      else record.set('list', Y.Array.from([int(10)]))
    } else if (r < 0.8) records.delete(id)
    else if (r < 0.83) (records as Y.Map<unknown>).set(random() < 0.5 ? id : `junk:${int(3)}`, int(10))
    else if (r < 0.85) getMetaMap(doc).set(SCHEMA_FIELD, { schemaVersion: 2, sequences: { v: int(4) } })
    else if (r < 0.88) doc.getMap('other').set('a', int(10))
    else record.set('meta', { note: `n${int(20)}` })
  }
  while (log.length < steps) {
    const c = int(3)
    const doc = docs[c]!
    const upTo = seen[c]! + int(log.length - seen[c]! + 1)
    for (; seen[c]! < upTo; seen[c]!++) Y.applyUpdate(doc, log[seen[c]!]!, REMOTE)
    doc.transact(() => {
      for (let n = 1 + int(3); n > 0; n--) edit(doc)
    })
  }
  for (let i = 1; i + 1 < log.length; i++) if (random() < 0.02) [log[i], log[i + 1]] = [log[i + 1]!, log[i]!]
  for (const doc of docs) doc.destroy()
  // Some entries share a server time (a burst within a millisecond).
  let time = 1_000
  return log.map((update, i) => ({ seq: i + 1, time: (time += random() < 0.1 ? 0 : 1 + int(900)), update }))
}

/** The board after every entry, as a plain Yjs replay of the log reads it (records and schema). */
function plainReplay(entries: TimelineEntry[]) {
  const doc = new Y.Doc()
  const read = () => {
    const records: Record<string, unknown> = {}
    getRecordsMap(doc).forEach((record, id) => {
      if (record instanceof Y.Map) records[id] = record.toJSON()
    })
    return { records, schema: readDocSchema(doc) }
  }
  const states = [read()]
  for (const entry of entries) {
    Y.applyUpdate(doc, entry.update)
    states.push(read())
  }
  doc.destroy()
  return states
}

/** Fails, saying where and how, unless the replayed board equals the plain replay's (strictly: no extra undefined fields). */
function expectBoard(state: BoardState, expected: ReturnType<typeof plainReplay>[number], where: string) {
  const actual = { records: Object.fromEntries(state.records), schema: state.schema }
  // lodash's isEqual is as strict here and much faster; toStrictEqual only to report a difference.
  if (!isEqual(actual, expected)) expect(actual, where).toStrictEqual(expected)
}

describe('ReplayTimeline against a plain Yjs replay', () => {
  it.each([1, 2])('seed %i: every position, in random order, while loading and after', (seed) => {
    const entries = randomHistory(seed, 800)
    const expected = plainReplay(entries)
    const random = seededRandom(seed * 7919)
    const int = (n: number) => Math.floor(random() * n)
    const timeline = new ReplayTimeline(40)
    // Loading in chunks of random size, seeking into what is loaded so far, sometimes releasing the doc in between.
    for (let loaded = 0; loaded < entries.length;) {
      const next = Math.min(entries.length, loaded + 1 + int(300))
      timeline.append(entries.slice(Math.max(0, loaded - int(3)), next))
      loaded = next
      if (random() < 0.4) timeline.release()
      for (let i = 0; i < 5; i++) {
        const count = int(loaded + 1)
        expectBoard(timeline.seekCount(count), expected[count]!, `after ${count} entries (loading)`)
      }
    }
    timeline.release()
    // Every position once in random order, each followed now and then by a short play forward.
    const order = entries.map((_, i) => i + 1).concat(0)
    for (let i = order.length - 1; i > 0; i--) {
      const j = int(i + 1)
      ;[order[i], order[j]] = [order[j]!, order[i]!]
    }
    for (const count of order) {
      expectBoard(timeline.seekCount(count), expected[count]!, `after ${count} entries`)
      if (random() < 0.1) {
        for (let step = count + 1; step <= Math.min(entries.length, count + 60); step += 1 + int(8)) {
          expectBoard(timeline.seekCount(step), expected[step]!, `played to ${step}`)
        }
      }
    }
    // By server time: the last entry at or before it.
    for (let i = 0; i < 200; i++) {
      const entry = entries[int(entries.length)]!
      const time = entry.time - int(2)
      const count = entries.filter((e) => e.time <= time).length
      expectBoard(timeline.seek(time), expected[count]!, `at ${time}`)
    }
  })
})
