import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ReplayTimeline, type TimelineEntry } from './ReplayTimeline'

/** A scripted history: each step sets a key, one second apart, captured as the server would log it. */
function scriptedHistory(steps: number) {
  const doc = new Y.Doc()
  const entries: TimelineEntry[] = []
  const states: Record<string, unknown>[] = []
  doc.on('update', (update: Uint8Array) =>
    entries.push({ seq: entries.length + 1, time: 1000 * (entries.length + 1), update })
  )
  const map = doc.getMap<number>('m')
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
  it('the doc at any moment equals the live doc at that moment, seeking in any order', () => {
    const { entries } = scriptedHistory(230)
    const live: Record<string, unknown>[] = []
    const liveDoc = new Y.Doc()
    for (const entry of entries) {
      Y.applyUpdate(liveDoc, entry.update)
      live.push(liveDoc.getMap('m').toJSON())
    }
    const timeline = new ReplayTimeline(16)
    timeline.append(entries)
    const order = [5, 229, 0, 17, 16, 15, 200, 31, 32, 33, 100, 99, 150, 229, 1]
    for (const count of order) {
      const doc = timeline.seekCount(count)
      expect(doc.getMap('m').toJSON(), `after ${count} entries`).toEqual(count === 0 ? {} : live[count - 1])
    }
  })

  it('seeks by server time: between two entries shows the earlier one', () => {
    const { entries, states } = scriptedHistory(40)
    const timeline = new ReplayTimeline(8)
    timeline.append(entries)
    expect(timeline.seek(10_500).getMap('m').toJSON()).toEqual(states[9])
    expect(timeline.seek(500).getMap('m').toJSON()).toEqual({})
    expect(timeline.seek(1e12).getMap('m').toJSON()).toEqual(states.at(-1))
  })

  it('grows as chunks stream in, and ignores an entry it already has', () => {
    const { entries, final } = scriptedHistory(50)
    const timeline = new ReplayTimeline(8)
    timeline.append(entries.slice(0, 20))
    timeline.append(entries.slice(15))
    expect(timeline.length).toBe(50)
    expect(timeline.seekCount(50).getMap('m').toJSON()).toEqual(final)
    expect(timeline.span).toEqual({ start: 1000, end: 50_000 })
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
