import { describe, expect, it } from 'vitest'
import { PackedLog } from './PackedLog'

describe('PackedLog', () => {
  it('holds updates of any size as they were appended, however many arrive', () => {
    const entries = Array.from({ length: 300 }, (_, i) => ({
      seq: i + 1,
      time: i,
      update: Uint8Array.from({ length: (i * 37) % 900 }, (_, j) => (i + j) % 256),
    }))
    const log = new PackedLog()
    for (const entry of entries) log.push(entry.seq, entry.time, entry.update)
    expect(log.length).toBe(300)
    entries.forEach((entry, i) => {
      expect(log.seq(i)).toBe(entry.seq)
      expect(Buffer.from(log.update(i)).equals(Buffer.from(entry.update)), `update ${i}`).toBe(true)
    })
  })
})
