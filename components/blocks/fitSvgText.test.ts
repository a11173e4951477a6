import { describe, expect, test } from 'vitest'
import { fitSvgText } from './fitSvgText'

describe('fitSvgText', () => {
  test('keeps a label that fits, and cuts one that does not with an ellipsis inside the width', () => {
    // The bug: "Kafka / partitioned log" ran out of its block over its neighbour in the summary's picture.
    expect(fitSvgText('Redis', 120, 16, 'sans')).toBe('Redis')
    const cut = fitSvgText('Kafka / partitioned log', 120, 16, 'sans')
    expect(cut.endsWith('…')).toBe(true)
    expect([...cut].length * 16 * 0.58).toBeLessThanOrEqual(120)
    expect('Kafka / partitioned log'.startsWith(cut.slice(0, -1))).toBe(true)
  })

  test('never splits an emoji or an accented letter, and leaves "…" when almost nothing fits', () => {
    expect(fitSvgText('👩‍💻👩‍💻👩‍💻👩‍💻', 20, 16, 'sans')).toBe('👩‍💻…')
    expect(fitSvgText('Queue', 10, 16, 'sans')).toBe('…')
  })
})
