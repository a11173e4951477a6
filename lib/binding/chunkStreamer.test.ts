// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { ChunkStreamer, type Scheduler } from './chunkStreamer'
import { QUIET_MS, watchUserInput } from './userInput'

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
})
