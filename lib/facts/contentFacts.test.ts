import { describe, expect, it } from 'vitest'
import { blockCatalog, getBlock, getTemplate, templateCatalog } from '../patterns/catalog'
import { getProblem, problemBank } from '../problems/problemBank'
import { phaseGuides } from '../session/phaseGuides'
import { referenceFacts } from './referenceNumbers'

/** Everything a block's card says, as one string. */
const cardText = (id: string) => {
  const block = getBlock(id)
  expect(block, id).toBeDefined()
  return Object.values(block!.card).join(' ')
}

const problemText = (id: string) => {
  const p = getProblem(id)
  expect(p, id).toBeDefined()
  return [p!.prompt, ...p!.functional, ...p!.nonFunctional, ...p!.scale, ...p!.followUps, ...p!.hints].join(' ')
}

/** All user-facing content, labelled, for claims that must appear nowhere. */
const everything: [where: string, text: string][] = [
  ...blockCatalog.map((b): [string, string] => [`block ${b.id}`, [...Object.values(b.card), b.annotation].join(' ')]),
  ...templateCatalog.map((t): [string, string] => [
    `template ${t.id}`,
    [t.summary, ...t.blocks.map((b) => b.annotation ?? ''), ...t.connections.map((c) => c.note ?? '')].join(' '),
  ]),
  ...problemBank.map((p): [string, string] => [`problem ${p.id}`, problemText(p.id)]),
  ...phaseGuides.map((g): [string, string] => [`guide ${g.id}`, [g.goal, ...g.prompts].join(' ')]),
]

describe('reference numbers', () => {
  it('every fact names a source, and the blocks it lists exist', () => {
    expect(new Set(referenceFacts.map((f) => f.id)).size).toBe(referenceFacts.length)
    for (const fact of referenceFacts) {
      expect(fact.source.length, fact.id).toBeGreaterThan(10)
      for (const id of fact.quotedBy ?? []) expect(getBlock(id), `${fact.id} → ${id}`).toBeDefined()
    }
  })

  it.each(referenceFacts.flatMap((f) => (f.quotedBy ?? []).map((b) => [f.id, b, f.quotes ?? []] as const)))(
    '%s is quoted by %s as the table states it',
    (_, blockId, quotes) => {
      const text = cardText(blockId)
      for (const q of quotes) expect(text, `${blockId} should say "${q}"`).toContain(q)
    }
  )

  it.each(referenceFacts.flatMap((f) => (f.quotedByProblems ?? []).map(([p, q]) => [f.id, p, q] as const)))(
    '%s is quoted by problem %s as "%s"',
    (_, problemId, quote) => {
      expect(problemText(problemId)).toContain(quote)
    }
  )
})

/** Corrected claims: block → text that must not come back. */
const mustNotSay: [blockId: string, wrong: RegExp, why: string][] = [
  ['bloom-filter', /1\.5 GB/, '10B items at 1% need ~12 GB, not 1.5 GB'],
  ['replication', /MySQL default/, 'MySQL replicates asynchronously by default'],
  ['replication', /~50 ms per write/, 'a sync ack costs ~1–2 ms in one region'],
  ['pacelc', /MongoDB (is|are) PC\/EC|Spanner and MongoDB are PC\/EC/, 'MongoDB defaults to PA/EC'],
  ['consistent-hashing', /\((?=[^)]*Redis Cluster)[^)]*\)/, 'Redis Cluster uses fixed hash slots, not a ring'],
  ['message-queue', /300K/, 'SQS FIFO is 300 msg/s per action; standard is nearly unlimited'],
  ['message-queue', /256 KB max/, 'SQS messages may be up to 1 MiB'],
  ['compression', /~1\.5 GB across/, 'the ladder is ~1.5–2x the top rendition'],
  ['media-transcoder', /~1\.5 GB across/, 'the ladder is ~1.5–2x the top rendition'],
  ['websocket', /2B users/, 'divide peak concurrent connections, not users'],
  ['websocket-gateway', /2B users/, 'divide peak concurrent connections, not users'],
  ['distributed-cache', /50-100 ms from a DB/, 'an indexed DB read is ~1–5 ms p50'],
  ['cache-aside', /\(50-100 ms\)/, 'an indexed DB read is ~1–5 ms p50'],
  ['write-through-cache', /\+5-10 ms/, 'the extra cache write is ~1 ms'],
  ['webtransport', /30-50% lower latency/, 'QUIC saves handshake round trips; no general 30–50%'],
  ['edge-compute', /30-50%/, 'QUIC saves handshake round trips; no general 30–50%'],
  ['sse', /1 MB of memory per 1,000/, 'an open stream costs ~10–50 KB (socket buffers and app state), not ~1 KB'],
  ['webrtc', /0-20 ms/, 'peer latency is the network path between the peers'],
  ['cdn', /1M\+ RPS/, 'big CDNs serve tens of millions of requests/s'],
  ['auto-scaling-group', /96 cores/, 'the largest cloud VMs have a few hundred vCPUs'],
  ['routing-service', /20–50x/, 'contraction hierarchies are over 1,000x faster than Dijkstra'],
  ['read-replicas', /10-100x/, 'read capacity grows about linearly with the replica count'],
  ['connection-pool', /100-500 ms/, 'a connection costs a few ms in one region'],
  ['storage-engine', /usually 8 KB/, 'PostgreSQL pages are 8 KB, InnoDB pages 16 KB'],
  ['object-storage', /3 copies/, 'S3 stores redundantly across ≥ 3 zones, often erasure-coded'],
  ['geospatial-index', /~2M writes\/s/, 'one Redis node takes ~100K GEOADDs/s'],
  ['e2e-encryption', /share one key/, 'each sender has its own sender key'],
]

/** Wrong claims that must not appear anywhere in cards, templates, problems or guides. */
const nowhere: [wrong: RegExp, why: string][] = [
  [/(?<!\d)5–20 ms/, 'one database latency set: ~1–5 ms p50, ~10–20 ms p99'],
  [/p99 5–10 ms/, 'one database latency set: ~1–5 ms p50, ~10–20 ms p99'],
  [/\b12 ?[x×](?!\w)/, 'all renditions cost ~1.5–2x the top rendition, not 12x'],
  [/20K servers/, 'WebSocket servers come from peak concurrent connections'],
  [/cross-region replication costs ~50 ms/, 'NYC–London ~70 ms, NYC–Tokyo ~170 ms round trip'],
  [/roughly 10 pages\/s/, 'one crawler machine fetches hundreds of pages/s'],
  [/SSD hit 10–20 ms/, 'an SSD read is ~0.1 ms; edge latency is the network'],
  [/Playback starts in under about 200 ms/, 'a player needs a manifest and a first segment: about 1–2 s'],
]

describe('corrected facts stay corrected', () => {
  it.each(mustNotSay)('%s does not say %s (%s)', (blockId, wrong) => {
    expect(cardText(blockId)).not.toMatch(wrong)
  })

  it.each(nowhere)('nothing says %s (%s)', (wrong) => {
    const hits = everything.filter(([, text]) => wrong.test(text)).map(([where]) => where)
    expect(hits).toEqual([])
  })

  it('the URL shortener starter redirects with 302, so every click reaches the service', () => {
    const notes = getTemplate('url-shortener-starter')!
      .connections.map((c) => c.note ?? '')
      .join(' ')
    expect(notes).toContain('302')
    expect(notes).not.toContain('301')
  })
})

/**
 * Scale lines whose arithmetic must hold: the text as the bank states it, the
 * value recomputed from its inputs, and the value the text claims. Within 20%.
 */
const DAY = 86_400
const MONTH = 30 * DAY
const arithmetic: [problemId: string, text: string, computed: number, stated: number][] = [
  ['url-shortener', '100M new short links per month (about 40 writes/s)', 100e6 / MONTH, 40],
  ['url-shortener', '10B redirects per month (about 4,000 reads/s)', 10e9 / MONTH, 4_000],
  ['url-shortener', '~50 GB per month', 100e6 * 500, 50e9],
  [
    'twitter',
    '300M DAU posting about 2 tweets/day: ~600M tweets/day, ~7K writes/s (peak ~21K)',
    (300e6 * 2) / DAY,
    7_000,
  ],
  ['twitter', '~700K timeline reads/s (peak ~2.1M at the same 3x)', ((300e6 * 2) / DAY) * 100 * 3, 2.1e6],
  ['uber', '~200M rides/day: ~2,300 ride requests/s', 200e6 / DAY, 2_300],
  ['uber', 'Drivers report location every 4–5 s: ~2M location updates/s', 10e6 / 5, 2e6],
  ['uber', '~1 KB per trip: ~200 GB/day', 200e6 * 1e3, 200e9],
  ['ride-booking-lld', '~200M rides/day, about 2,300 ride writes/s', 200e6 / DAY, 2_300],
  ['post-service-lld', '300M DAU × 2 posts/day ≈ 600M posts/day', 300e6 * 2, 600e6],
  ['post-service-lld', '~7K writes/s on average, ~21K at peak', (300e6 * 2) / DAY, 7_000],
  ['location-service-lld', '10M drivers reporting every 5 s ≈ 2M updates/s', 10e6 / 5, 2e6],
  ['dropbox', 'About 2 uploads per user per day at ~5 MB each: ~1 PB uploaded per day', 100e6 * 2 * 5e6, 1e15],
  ['dropbox', '~12 GB/s upload', 1e15 / DAY, 12e9],
  ['web-crawler', '10K pages/s: a full pass in about 11–12 days', 10e9 / 10e3 / DAY, 11.5],
  ['web-crawler', '10B pages, ~100 KB each: ~1 PB of content', 10e9 * 100e3, 1e15],
  ['web-crawler', 'About 1 GB/s download bandwidth', 10e3 * 100e3, 1e9],
  ['netflix', '~1.4M concurrent streams on average', 1e9 / (30 * 24), 1.4e6],
  ['distributed-message-queue', '1 GB/s × 604,800 s ≈ 600 TB', 1e9 * 7 * DAY, 600e12],
  ['distributed-message-queue', 'At ~100 MB/s of writes per broker: ~30 brokers', (3 * 1e9) / 100e6, 30],
  ['unique-id-generator', '2^41 ms ≈ 69 years', 2 ** 41 / 1000 / (365.25 * DAY), 69],
  ['unique-id-generator', '4,096 IDs per ms per generator, about 4M IDs/s each', 2 ** 12 * 1000, 4e6],
  ['pastebin', 'Average paste 10 KB: ~10 GB/day, ~3.7 TB/year', 1e6 * 10e3 * 365, 3.7e12],
  ['pastebin', 'Read:write 10:1: ~120 reads/s', (1e6 * 10) / DAY, 120],
  ['pinterest', '10M new pins/day ≈ 116 writes/s', 10e6 / DAY, 116],
  ['pinterest', 'Read:write about 500:1', 5e9 / 10e6, 500],
  ['has-user-read', '~9.6 bits each ≈ 1.2 KB per user', (1000 * 9.6) / 8, 1.2e3],
  ['has-user-read', '100M users × 1.2 KB ≈ 120 GB', 100e6 * 1.2e3, 120e9],
  ['tinder', 'Swipe record ~50 bytes: ~250 GB/day', 5e9 * 50, 250e9],
  ['hash-ring-lld', '1,500 points on the ring; a binary search takes about 11 comparisons', Math.log2(1500), 11],
  ['hash-ring-lld', 'Adding an 11th node moves about 1/11 ≈ 9%', 1 / 11, 0.09],
  ['bloom-filter-lld', '1M items ≈ 9.6M bits ≈ 1.2 MB; 10B items ≈ 12 GB', (10e9 * 9.6) / 8, 12e9],
  ['bloom-filter-lld', 'At 1% false positives: ~9.6 bits per item and k ≈ 7', -Math.log(0.01) / Math.LN2 ** 2, 9.6],
  ['connection-pool-lld', '2,000 queries/s × ~5 ms each', 2000 * 0.005, 10],
  ['connection-pool-lld', 'At the ~20 ms p99 the same load needs about 40', 2000 * 0.02, 40],
  ['connection-pool-lld', '20 app servers × 10 connections = 200: twice that default', 200 / 100, 2],
  ['redis-lock-lld', '~830 lock attempts/s', 50e3 / 60, 830],
  ['saga-orchestrator-lld', '1,000 orders/s at peak × 3 steps = 3,000 step commands/s', 1000 * 3, 3000],
  ['movie-booking-lld', '200 screens × 5 shows/day × 200 seats = 200K seats a day', 200 * 5 * 200, 200e3],
  ['hotel-reservation', '1M × 0.7 / 3 ≈ 233K reservations/day ≈ 3 writes/s', (1e6 * 0.7) / 3 / DAY, 3],
  ['hotel-reservation', '~300 searches/s', ((1e6 * 0.7) / 3 / DAY) * 100, 300],
  ['metrics-monitoring', '10M active time series scraped every 10 s: ~1M points/s', 10e6 / 10, 1e6],
  ['metrics-monitoring', '~86B points/day', 1e6 * DAY, 86e9],
  ['metrics-monitoring', '~1.4 bytes/point after compression ≈ 120 GB/day', 1e6 * DAY * 1.37, 120e9],
  ['ad-click-aggregation', '1B clicks/day ≈ 11.6K/s, peak ×5 ≈ 58K/s', (1e9 / DAY) * 5, 58e3],
  ['ad-click-aggregation', '~100 bytes per raw click: ~100 GB/day', 1e9 * 100, 100e9],
  ['digital-wallet', '~200 bytes per entry: ~8 GB/day, ~3 TB/year', 40e6 * 200 * 365, 3e12],
  ['nearby-friends', '10M / 30 ≈ 334K location updates/s', 10e6 / 30, 334e3],
  ['nearby-friends', '~40 subscribers per update ≈ 13M pushes/s', (10e6 / 30) * 400 * 0.1, 13e6],
  ['nearby-friends', '~100 WebSocket servers', 10e6 / 100e3, 100],
  ['live-comments', '~100 gateway servers', 10e6 / 100e3, 100],
  ['live-comments', 'would be 1B messages/s', 1e3 * 1e6, 1e9],
  ['live-comments', '~10M messages/s for that stream', 10 * 1e6, 10e6],
  ['object-store', '10B objects × 10 MB average ≈ 100 PB', 10e9 * 10e6, 100e15],
  ['object-store', 'erasure coding 8+4 needs 150 PB (1.5×)', (100e15 * 12) / 8, 150e15],
  ['object-store', '~10 TB of metadata', 10e9 * 1e3, 10e12],
  ['stock-exchange', '1B / 23,400 s ≈ 43K orders/s', 1e9 / (6.5 * 3600), 43e3],
  ['stock-exchange', 'Peak ×5 at the open and close: ~214K orders/s', (1e9 / (6.5 * 3600)) * 5, 214e3],
  ['email-service', '~4B deliveries/day', 100e6 * 40, 4e9],
  ['email-service', '~200 TB/day received', 4e9 * 50e3, 200e12],
  ['online-judge', '1M / 5,400 s ≈ 185 submissions/s', (100e3 * 10) / (90 * 60), 185],
  ['online-judge', '185 × 2 ≈ 370 cores busy', ((100e3 * 10) / (90 * 60)) * 2, 370],
  ['local-delivery', '~200K location updates/s', 1e6 / 5, 200e3],
  ['token-bucket-lld', '1M active keys × ~50 bytes (tokens and last refill time) ≈ 50 MB', 1e6 * 50, 50e6],
]

describe('scale arithmetic', () => {
  it.each(arithmetic)('%s: "%s" holds', (problemId, text, computed, stated) => {
    expect(getProblem(problemId)!.scale.join(' '), problemId).toContain(text)
    expect(Math.abs(computed - stated) / stated, `${computed} vs ${stated}`).toBeLessThanOrEqual(0.2)
  })
})
