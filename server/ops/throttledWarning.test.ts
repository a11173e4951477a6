import { describe, expect, it } from 'vitest'
import { throttledWarning } from './throttledWarning'

describe('throttledWarning', () => {
  it('logs the first at once, then one line per interval saying how many it held back', () => {
    const lines: [Record<string, unknown>, string][] = []
    let clock = 0
    const warn = throttledWarning(
      { warn: (fields: object, message: string) => lines.push([fields as Record<string, unknown>, message]) } as never,
      'redis down',
      5_000,
      () => clock
    )
    // A failover: every reconnection attempt reports an error, 10 a second for 12 s.
    for (clock = 0; clock < 12_000; clock += 100) warn({ attempt: clock / 100 })
    expect(lines).toEqual([
      [{ attempt: 0 }, 'redis down'],
      [{ attempt: 50, suppressed: 49 }, 'redis down'],
      [{ attempt: 100, suppressed: 49 }, 'redis down'],
    ])
  })
})
