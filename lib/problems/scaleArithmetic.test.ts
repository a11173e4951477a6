import { describe, expect, it } from 'vitest'
import { problemBank } from './problemBank'

/**
 * Reads a scale line that starts from daily active users and a per-user
 * action count, e.g. "50M DAU × 20 article checks/day ≈ 1B/day ≈ 11.6K/s,
 * peak ×3 ≈ 35K/s" or "300M DAU posting about 2 tweets/day: ~600M
 * tweets/day, ~7K writes/s (peak ~21K)", and returns the numbers it states,
 * so a test can recompute them. Lines without a per-user count per day
 * (e.g. "100M DAU riders, 10M drivers") return undefined.
 */
interface DauLine {
  dau: number
  perUser: number
  /** The stated daily total, if any. */
  perDay?: number
  /** The stated average per second, if any. */
  perSecond?: number
  /** The stated peak per second, if any. */
  peak?: number
  /** The stated peak factor ("peak ×3"), if any. */
  peakFactor?: number
}

const units: Record<string, number> = { '': 1, K: 1e3, M: 1e6, B: 1e9 }

/** "11.6K" → 11,600; "2,300" → 2,300. */
function parseQuantity(text: string): number {
  const m = /^([\d.,]+)([KMB]?)$/.exec(text.trim())
  if (!m) return Number.NaN
  return Number(m[1]!.replace(/,/g, '')) * units[m[2]!]!
}

const NUM = String.raw`(\d[\d.,]*[KMB]?)`

/** The numbers a DAU scale line states, or undefined when it states no per-user count. */
function parseDauLine(line: string): DauLine | undefined {
  // A count straight after DAU (no letters glued to its digits) followed by
  // at most three words and "/day" is a per-user count; "500M reads/day" is not.
  const head = new RegExp(
    String.raw`(\d[\d.,]*[KMB]?)\s*DAU\b[^\d]*?(\d[\d.,]*)\s+[a-z][a-z-]*(?: [a-z-]+){0,2}\/day`
  ).exec(line)
  if (!head) return undefined
  const rest = line.slice(head.index + head[0].length)
  const result: DauLine = { dau: parseQuantity(head[1]!), perUser: parseQuantity(head[2]!) }
  const perDay = new RegExp(String.raw`^[^/]*?[≈~]\s*${NUM}(?: [a-z-]+){0,2}\/day`).exec(rest)
  if (perDay) result.perDay = parseQuantity(perDay[1]!)
  const beforePeak = rest.split('peak')[0]!
  const perSecond = new RegExp(String.raw`[≈~]\s*${NUM}(?: [a-z-]+){0,2}\/s`).exec(beforePeak)
  if (perSecond) result.perSecond = parseQuantity(perSecond[1]!)
  const peak = new RegExp(String.raw`peak\s*(?:×\s*([\d.]+)\s*≈\s*)?~?${NUM}`).exec(rest)
  if (peak) {
    result.peak = parseQuantity(peak[2]!)
    if (peak[1]) result.peakFactor = Number(peak[1])
  }
  return result
}

const DAY = 86_400
const within = (computed: number, stated: number, tolerance = 0.2) => Math.abs(computed - stated) / stated <= tolerance

/** Every scale line of the bank that states DAU and a per-user count per day. */
const dauLines = problemBank.flatMap((p) =>
  p.scale.flatMap((line) => {
    const parsed = parseDauLine(line)
    return parsed ? [[p.id, line, parsed] as const] : []
  })
)

describe('DAU scale arithmetic (DAU × actions / 86,400 × peak factor)', () => {
  it('the parser reads both phrasings', () => {
    expect(parseDauLine('10M DAU × 0.1 pastes/day ≈ 1M pastes/day ≈ 12/s, peak ×3 ≈ 35/s')).toEqual({
      dau: 10e6,
      perUser: 0.1,
      perDay: 1e6,
      perSecond: 12,
      peak: 35,
      peakFactor: 3,
    })
    expect(parseDauLine('300M DAU posting about 2 tweets/day: ~600M tweets/day, ~7K writes/s (peak ~21K)')).toEqual({
      dau: 300e6,
      perUser: 2,
      perDay: 600e6,
      perSecond: 7e3,
      peak: 21e3,
    })
    expect(parseDauLine('100M DAU riders, 10M drivers')).toBeUndefined()
    expect(parseDauLine('Reddit-style variant: 10M DAU, 500M feed reads/day, under 100 ms')).toBeUndefined()
    expect(parseQuantity('11.6K')).toBe(11_600)
    expect(parseQuantity('2,300')).toBe(2_300)
  })

  it('finds the DAU lines of the bank, and each states a total or a rate to check', () => {
    expect(dauLines.length).toBeGreaterThanOrEqual(6)
    for (const [id, line, parsed] of dauLines)
      expect(parsed.perDay ?? parsed.perSecond, `${id}: "${line}" states no total or rate`).toBeDefined()
  })

  it.each(dauLines)('%s: "%s" holds', (_, __, { dau, perUser, perDay, perSecond, peak, peakFactor }) => {
    const day = dau * perUser
    if (perDay !== undefined) expect(within(day, perDay), `${day}/day vs ${perDay}`).toBe(true)
    if (perSecond !== undefined) expect(within(day / DAY, perSecond), `${day / DAY}/s vs ${perSecond}`).toBe(true)
    if (peak !== undefined) {
      if (peakFactor !== undefined)
        expect(within((day / DAY) * peakFactor, peak), `${(day / DAY) * peakFactor} vs ${peak}`).toBe(true)
      else {
        const factor = peak / (day / DAY)
        expect(factor, 'an unstated peak factor should lie between 1.5 and 5').toBeGreaterThanOrEqual(1.5)
        expect(factor).toBeLessThanOrEqual(5)
      }
    }
  })
})
