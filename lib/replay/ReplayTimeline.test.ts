import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { isEqual } from '@tldraw/utils'
import { getRecordsMap } from '@/lib/binding/yRecords'
import { probes, probeValues } from '@/tests/support/boardProbes'
import { ReplayTimeline, type BoardState, type TimelineEntry } from './ReplayTimeline'

/** The board's records as the live binding reads them from a doc: every record map, as JSON. */
function docRecords(doc: Y.Doc): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  getRecordsMap(doc).forEach((record, id) => {
    if (record instanceof Y.Map) out[id] = record.toJSON()
  })
  return out
}

/** A replayed board's records, in the same shape. */
const shownRecords = (state: BoardState) => Object.fromEntries(state.records)

/** The probe values (`m`) of a replayed board, as `{ key: value }`. */
const values = (state: BoardState) => probeValues(state.records, 'm')

/** A scripted history: each step sets a key, one second apart, captured as the server would log it. */
function scriptedHistory(steps: number) {
  const doc = new Y.Doc()
  const entries: TimelineEntry[] = []
  const states: Record<string, unknown>[] = []
  doc.on('update', (update: Uint8Array) =>
    entries.push({ seq: entries.length + 1, time: 1000 * (entries.length + 1), update })
  )
  const map = probes(doc, 'm')
  for (let i = 0; i < steps; i++) {
    // Overwrite, add and delete (one update per step), so the history has deletions to get right too.
    doc.transact(() => {
      map.set(`k${i % 7}`, i)
      if (i % 5 === 4) map.delete(`k${(i + 3) % 7}`)
    })
    states.push(map.toJSON())
  }
  return { entries, states, final: map.toJSON() }
}

describe('ReplayTimeline', () => {
  it("the board at any moment equals the live doc's records at that moment, seeking in any order", () => {
    const { entries } = scriptedHistory(230)
    const live: Record<string, unknown>[] = []
    const liveDoc = new Y.Doc()
    for (const entry of entries) {
      Y.applyUpdate(liveDoc, entry.update)
      live.push(docRecords(liveDoc))
    }
    const timeline = new ReplayTimeline(16)
    timeline.append(entries)
    const order = [5, 229, 0, 17, 16, 15, 200, 31, 32, 33, 100, 99, 150, 229, 1]
    for (const count of order) {
      const board = timeline.seekCount(count)
      expect(shownRecords(board), `after ${count} entries`).toEqual(count === 0 ? {} : live[count - 1])
    }
  })

  it('seeks by server time: between two entries shows the earlier one', () => {
    const { entries, states } = scriptedHistory(40)
    const timeline = new ReplayTimeline(8)
    timeline.append(entries)
    expect(values(timeline.seek(10_500))).toEqual(states[9])
    expect(values(timeline.seek(500))).toEqual({})
    expect(values(timeline.seek(1e12))).toEqual(states.at(-1))
  })

  it('grows as chunks stream in, and ignores an entry it already has', () => {
    const { entries, final } = scriptedHistory(50)
    const timeline = new ReplayTimeline(8)
    timeline.append(entries.slice(0, 20))
    timeline.append(entries.slice(15))
    expect(timeline.length).toBe(50)
    expect(values(timeline.seekCount(50))).toEqual(final)
    expect(timeline.span).toEqual({ start: 1000, end: 50_000 })
  })

  it('keeps growing correctly when chunks arrive after seeks or a release, and shares what did not change', () => {
    const { entries, states, final } = scriptedHistory(120)
    const timeline = new ReplayTimeline(8)
    timeline.append(entries.slice(0, 30))
    expect(values(timeline.seekCount(20))).toEqual(states[19])
    // More chunks after a seek, and after the doc that reads them was let go: they must come out right too.
    timeline.release()
    timeline.append(entries.slice(30, 75))
    expect(values(timeline.seekCount(70))).toEqual(states[69])
    timeline.append(entries.slice(75))
    expect(values(timeline.seekCount(3))).toEqual(states[2])
    // Forward from a nearby position: a new board sharing every record version the entries between left alone.
    const before = timeline.seekCount(40)
    const after = timeline.seekCount(43)
    expect(timeline.seekCount(43), 'nothing moved: the same board').toBe(after)
    expect(values(after)).toEqual(states[42])
    const untouched = [...before.records].filter(([id, record]) => isEqual(after.records.get(id), record))
    expect(untouched.length).toBeGreaterThan(0)
    for (const [id, record] of untouched) expect(after.records.get(id), id).toBe(record)
    expect(values(timeline.seekCount(120))).toEqual(final)
    for (let count = 1; count <= 120; count += 7) {
      expect(values(timeline.seekCount(count)), `after ${count} entries`).toEqual(states[count - 1])
    }
  })

  it('names the log position of the board shown at a moment', () => {
    const timeline = new ReplayTimeline(16)
    timeline.append([
      { seq: 3, time: 1000, update: new Uint8Array([0, 0]) },
      { seq: 7, time: 2000, update: new Uint8Array([0, 0]) },
      { seq: 8, time: 2000, update: new Uint8Array([0, 0]) },
    ])
    expect(timeline.seqAt(999)).toBeNull()
    expect(timeline.seqAt(1000)).toBe(3)
    expect(timeline.seqAt(1999)).toBe(3)
    expect(timeline.seqAt(2000)).toBe(8)
    expect(timeline.seqAt(9e12)).toBe(8)
  })
})
