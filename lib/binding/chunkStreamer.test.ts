// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { ChunkStreamer, IDLE_TARGET_MS, PRESENT_TARGET_MS, type Scheduler } from './chunkStreamer'
import { PRESENT_MS, QUIET_MS, watchUserInput } from './userInput'

/** Tasks the test runs by hand. */
function manual() {
  const tasks: (() => void)[] = []
  const schedule: Scheduler = (task) => {
    tasks.push(task)
    return () => tasks.splice(tasks.indexOf(task), 1)
  }
  return { tasks, schedule, runOne: () => tasks.shift()?.() }
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['performance', 'Date'] })
})
afterEach(() => {
  vi.useRealTimers()
})

describe('ChunkStreamer', () => {
  test('starts no chunk while the user is busy, and loads as soon as they stop', () => {
    const chunks = manual()
    const waits = manual()
    let busy = true
    let left = 3
    const loaded: number[] = []
    const streamer = new ChunkStreamer(
      (count) => {
        loaded.push(count)
        return left-- > 0 ? count : 0
      },
      { schedule: chunks.schedule, wait: waits.schedule, busy: () => busy }
    )
    streamer.start()
    chunks.runOne()
    expect(loaded).toEqual([])
    // Still busy a little later: still nothing.
    vi.advanceTimersByTime(100)
    waits.runOne()
    chunks.runOne()
    expect(loaded).toEqual([])
    busy = false
    waits.runOne()
    chunks.runOne()
    expect(loaded).toHaveLength(1)
    expect(streamer.running).toBe(true)
  })

  test('a user busy for good (a pointer never released) delays the load by at most a second', () => {
    const chunks = manual()
    const waits = manual()
    const loaded: number[] = []
    const streamer = new ChunkStreamer((count) => (loaded.push(count), 0), {
      schedule: chunks.schedule,
      wait: waits.schedule,
      busy: () => true,
    })
    streamer.start()
    for (let waited = 0; waited < 1_000; waited += 50) {
      chunks.runOne()
      expect(loaded).toEqual([])
      vi.advanceTimersByTime(50)
      waits.runOne()
    }
    chunks.runOne()
    expect(loaded).toHaveLength(1)
    expect(streamer.running).toBe(false)
  })

  test('loads in long chunks while nobody touches the page, and in short ones from the moment someone does', () => {
    // Each chunk costs a fixed 20 ms (tldraw's pass over what is mounted) and 1 ms a record.
    const chunks = manual()
    let present = false
    const took: number[] = []
    const streamer = new ChunkStreamer(
      (count) => {
        took.push(20 + count)
        vi.advanceTimersByTime(20 + count)
        return count
      },
      { schedule: chunks.schedule, present: () => present }
    )
    streamer.start()
    for (let i = 0; i < 8; i++) chunks.runOne()
    // Nobody there: chunks grow to the long target (fewer passes over the board, so it is whole sooner).
    expect(took.at(-1)).toBeGreaterThan(IDLE_TARGET_MS * 0.9)
    expect(took.at(-1)).toBeLessThanOrEqual(IDLE_TARGET_MS * 1.1)

    // The user moves the pointer: the very next chunk is short, not one halving after another.
    present = true
    chunks.runOne()
    expect(took.at(-1)).toBeLessThanOrEqual(PRESENT_TARGET_MS * 1.2)
    for (let i = 0; i < 4; i++) chunks.runOne()
    expect(Math.abs(took.at(-1)! - PRESENT_TARGET_MS)).toBeLessThan(PRESENT_TARGET_MS * 0.1)

    // They leave: long chunks again (scaled at once; the fixed part makes it a little short of the target).
    present = false
    chunks.runOne()
    expect(took.at(-1)).toBeGreaterThan(IDLE_TARGET_MS * 0.8)
    streamer.stop()
  })

  test('stop cancels a pending wait', () => {
    const chunks = manual()
    const waits = manual()
    const streamer = new ChunkStreamer(() => 1, { schedule: chunks.schedule, wait: waits.schedule, busy: () => true })
    streamer.start()
    chunks.runOne()
    expect(waits.tasks).toHaveLength(1)
    streamer.stop()
    expect(waits.tasks).toHaveLength(0)
    expect(streamer.running).toBe(false)
  })
})

describe('watchUserInput', () => {
  test('is busy while a pointer is pressed and for a moment after moves, keys and releases', () => {
    const input = watchUserInput(window)
    try {
      expect(input.busy()).toBe(false)
      window.dispatchEvent(new Event('pointerdown'))
      vi.advanceTimersByTime(5_000)
      expect(input.busy()).toBe(true)
      window.dispatchEvent(new Event('pointerup'))
      expect(input.busy()).toBe(true)
      vi.advanceTimersByTime(QUIET_MS)
      expect(input.busy()).toBe(false)
      window.dispatchEvent(new Event('keydown'))
      expect(input.busy()).toBe(true)
      vi.advanceTimersByTime(QUIET_MS)
      expect(input.busy()).toBe(false)
    } finally {
      input.dispose()
    }
    window.dispatchEvent(new Event('pointerdown'))
    expect(input.busy()).toBe(false)
  })

  test('counts the user present while a pointer is pressed and for a while after any input', () => {
    const input = watchUserInput(window)
    try {
      expect(input.present()).toBe(false)
      window.dispatchEvent(new Event('pointermove'))
      vi.advanceTimersByTime(QUIET_MS)
      expect([input.busy(), input.present()]).toEqual([false, true])
      vi.advanceTimersByTime(PRESENT_MS - QUIET_MS)
      expect(input.present()).toBe(false)
      window.dispatchEvent(new Event('pointerdown'))
      vi.advanceTimersByTime(PRESENT_MS * 5)
      expect(input.present()).toBe(true)
      window.dispatchEvent(new Event('pointerup'))
      vi.advanceTimersByTime(PRESENT_MS)
      expect(input.present()).toBe(false)
    } finally {
      input.dispose()
    }
  })
})
