import { describe, expect, it } from 'vitest'
import { getBlock } from '../patterns/catalog'
import { formatNs, latencyRows, roundTrips } from './latencyNumbers'
import { formatDuration, inSeries, ninesRows, powersOfTwo } from './powersAndNines'
import { checkedAgainst } from './factSources'
import { referenceFacts } from './referenceNumbers'
import { throughputRules } from './throughputRules'
import { workedExamples } from './workedExamples'

const fact = (id: string) => {
  const f = referenceFacts.find((x) => x.id === id)
  expect(f, id).toBeDefined()
  return f!
}

describe('estimation reference: latencies', () => {
  it('rows are sourced, unique and ordered fastest first', () => {
    expect(new Set(latencyRows.map((r) => r.id)).size).toBe(latencyRows.length)
    for (const row of latencyRows) expect(row.source.length, row.id).toBeGreaterThan(5)
    const ns = latencyRows.map((r) => r.ns)
    expect(ns).toEqual([...ns].sort((a, b) => a - b))
  })

  it('rows that restate a reference fact say what the fact says', () => {
    const restating = latencyRows.filter((r) => r.fact)
    expect(restating.length).toBeGreaterThanOrEqual(2)
    for (const row of restating) expect(fact(row.fact!).value, row.id).toContain(row.shown)
  })

  it('round trips sit above the speed-of-light floor and match the cross-region fact', () => {
    for (const trip of roundTrips) expect(trip.ms, `${trip.from}–${trip.to}`).toBeGreaterThan(trip.floorMs)
    const value = fact('cross-region-round-trip').value
    for (const trip of roundTrips.filter((t) => t.from === 'New York' && ['London', 'Tokyo'].includes(t.to)))
      expect(value).toContain(`NYC–${trip.to} ~${trip.ms} ms`)
  })

  it('formats durations the way the card shows them', () => {
    expect(formatNs(1)).toBe('1 ns')
    expect(formatNs(150_000)).toBe('150 µs')
    expect(formatNs(1_500_000)).toBe('1.5 ms')
    expect(formatNs(2e9)).toBe('2 s')
  })
})

describe('estimation reference: powers of two and nines', () => {
  it('powers of two are exact', () => {
    for (const p of powersOfTwo)
      expect(p.exact.replaceAll(',', ''), `2^${p.power}`).toBe((2n ** BigInt(p.power)).toString())
    expect(powersOfTwo.find((p) => p.power === 10)?.exact).toBe('1,024')
  })

  it('downtime per year matches the nines fact and the failover card', () => {
    const year = (a: string) => formatDuration(ninesRows.find((r) => r.availability === a)!.perYearS)
    expect(year('99%')).toBe('3.65 days')
    expect(year('99.95%')).toBe('4.38 h')
    const value = fact('nines').value
    for (const [a, shown] of [
      ['99.9%', '8.77 h'],
      ['99.99%', '52.6 min'],
      ['99.999%', '5.26 min'],
    ] as const) {
      expect(year(a)).toBe(shown)
      expect(value).toContain(`${a} ≈ ${shown}`)
    }
  })

  it('availability in series multiplies', () => {
    expect(inSeries(0.999, 0.999)).toBeCloseTo(0.998, 3)
  })
})

describe('estimation reference: throughput and worked examples', () => {
  it.each(throughputRules.flatMap((r) => (r.quotedBy ?? []).map((b) => [r.id, b, r.quote ?? ''] as const)))(
    '%s is quoted by %s as the table states it',
    (_, blockId, quote) => {
      const block = getBlock(blockId)
      expect(block, blockId).toBeDefined()
      expect(Object.values(block!.card).join(' ')).toContain(quote)
    }
  )

  it.each(workedExamples.map((e) => [e.id, e] as const))('%s: the arithmetic holds within 20%%', (_, example) => {
    expect(example.steps.length).toBeGreaterThan(0)
    expect(Math.abs(example.computed - example.stated) / example.stated).toBeLessThanOrEqual(0.2)
  })
})

describe('cards say what their numbers were checked against', () => {
  it('a corrected card names the primary source of its fact', () => {
    expect(checkedAgainst('bloom-filter').join(' ')).toContain('Bloom 1970')
    expect(checkedAgainst('message-queue').join(' ')).toContain('AWS SQS')
    expect(checkedAgainst('client')).toEqual([])
  })
})
