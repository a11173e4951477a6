/**
 * The guard's shortcut for field sets ({@link predictFieldSets}) must say
 * exactly what Yjs will do, or nothing: a wrong prediction would let an
 * invalid record past the board's validation. Three clients edit a board
 * with every kind of change (field and props sets, new and deleted records
 * and fields, whole props replaced), each working on a stale copy between
 * random syncs so their edits race; for every update the room receives, a
 * prediction (when there is one) must equal the records after applying it,
 * and every other record must be left as it was. The updates are decoded
 * as the server decodes them ({@link decodeUpdate}), and its fast decoder
 * must read each one exactly as Yjs does, or decline.
 */
import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { createBoardSchema } from '@/lib/board/boardSchema'
import { seedBoardDoc } from '@/lib/binding/seedBoardDoc'
import { getRecordsMap, recordToYMap } from '@/lib/binding/yRecords'
import { testShape } from '@/tests/support/boardProbes'
import { predictFieldSets } from './predictFieldSets'
import { decodeFieldSets, decodeUpdate } from './decodeFieldSets'
import { applyAndCapture } from './captureUpdate'

const schema = createBoardSchema()

/** A small seeded random generator, so a failure replays. */
function random(seed: number): () => number {
  return () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31
}

function recordsJson(doc: Y.Doc): Record<string, unknown> {
  return getRecordsMap(doc).toJSON()
}

describe('predictFieldSets', () => {
  test('a shape move is predicted: the record with its new x and y', () => {
    const room = new Y.Doc()
    seedBoardDoc(room, schema)
    getRecordsMap(room).set('shape:a', recordToYMap(testShape('shape:a')))
    const client = new Y.Doc()
    Y.applyUpdate(client, Y.encodeStateAsUpdate(room))
    let update: Uint8Array | null = null
    client.on('update', (u: Uint8Array) => (update = u))
    client.transact(() => {
      getRecordsMap(client).get('shape:a')!.set('x', 40)
      getRecordsMap(client).get('shape:a')!.set('y', 50)
    })
    const predicted = predictFieldSets(room, getRecordsMap(room), Y.decodeUpdate(update!))
    expect(predicted).toEqual([
      { id: 'shape:a', before: testShape('shape:a'), after: { ...testShape('shape:a'), x: 40, y: 50 } },
    ])
  })

  test.each([1, 2, 3, 4, 5])(
    'racing clients, every kind of edit (seed %i): a prediction is exact or absent',
    (seed) => {
      const rand = random(seed)
      const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)]!
      const room = new Y.Doc()
      seedBoardDoc(room, schema)
      for (const id of ['shape:a', 'shape:b']) getRecordsMap(room).set(id, recordToYMap(testShape(id)))
      const clients = [0, 1, 2].map(() => {
        const doc = new Y.Doc()
        Y.applyUpdate(doc, Y.encodeStateAsUpdate(room))
        const outbox: Uint8Array[] = []
        doc.on('update', (u: Uint8Array, origin: unknown) => origin !== 'sync' && outbox.push(u))
        return { doc, outbox }
      })
      let predictions = 0
      let fastDecodes = 0
      for (let step = 0; step < 400; step++) {
        const client = pick(clients)
        const records = getRecordsMap(client.doc)
        const ids = [...records.keys()].filter((id) => id.startsWith('shape:'))
        const id = ids.length ? pick(ids) : null
        const record = id ? records.get(id) : undefined
        const edit = rand()
        client.doc.transact(() => {
          if (!record || edit < 0.05) {
            const newId = `shape:n${step}`
            records.set(newId, recordToYMap(testShape(newId)))
          } else if (edit < 0.45) record.set(pick(['x', 'y', 'rotation']), Math.round(rand() * 100))
          else if (edit < 0.55) {
            record.set('x', step)
            record.set('y', step) // a move
          } else if (edit < 0.7) {
            const props = record.get('props')
            if (props instanceof Y.Map) props.set(pick(['w', 'h']), step)
            else record.set('opacity', 0.5)
          } else if (edit < 0.75) record.set('props', { w: 1, h: 2 })
          else if (edit < 0.78) record.set('props', new Y.Map(Object.entries({ w: 3, h: 4 })))
          else if (edit < 0.8)
            record.set('meta', new Y.Map()) // a nested map with nothing in it
          else if (edit < 0.82) record.delete(pick(['opacity', 'meta']))
          else if (edit < 0.85) {
            record.set('x', step)
            if (rand() < 0.5) record.delete('meta')
            else records.delete(pick(ids)) // a set and a deletion in one update
          } else if (edit < 0.9) records.delete(id!)
          else if (edit < 0.95) record.set('x', 'not a number')
          else {
            record.set('x', 1)
            record.set('x', 2) // the same field twice
          }
        })
        // The room receives some client's pending updates, in that client's order.
        const sender = pick(clients)
        for (const update of sender.outbox.splice(0, 1 + Math.floor(rand() * 2))) {
          // The server's fast decoder reads exactly what Yjs reads, when it reads anything.
          const fast = decodeFieldSets(update)
          if (fast) fastDecodes++
          if (fast) expect(fast).toEqual(Y.decodeUpdate(update))
          const before = recordsJson(room)
          const predicted = predictFieldSets(room, getRecordsMap(room), decodeUpdate(update))
          const changed = applyAndCapture(room, update, 'peer')
          const after = recordsJson(room)
          if (!predicted) continue
          predictions++
          // The server relays such an update as it came (see applyPredicted): it is what Yjs would have encoded.
          if (fast) expect(changed).toEqual(update)
          const predictedIds = new Set(predicted.map((p) => p.id))
          for (const p of predicted) {
            expect(p.before).toEqual(before[p.id])
            expect(p.after).toEqual(after[p.id])
          }
          for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
            if (!predictedIds.has(key)) expect(after[key], key).toEqual(before[key])
          }
        }
        // Now and then a client catches up with the room.
        if (rand() < 0.3) Y.applyUpdate(pick(clients).doc, Y.encodeStateAsUpdate(room), 'sync')
      }
      expect(predictions).toBeGreaterThan(20) // the shortcut is taken, not just declined
      expect(fastDecodes).toBeGreaterThan(20)
    }
  )
})
