import { inSeries } from './powersAndNines'

/**
 * Worked estimates for the reference card, drawn from the seeds' examples
 * (corrected where the seeds erred: the WebSocket fleet divides peak
 * concurrent connections, and a Bloom filter at 1% needs ~9.6 bits per item).
 * Each states its steps and result in words, and carries the arithmetic as
 * numbers (`computed`, recomputed from the inputs here, and `stated`, the
 * figure the words give) so the test can check they agree within 20%.
 */
export interface WorkedExample {
  id: string
  title: string
  /** The steps, one line each. */
  steps: readonly string[]
  /** What the numbers decide. */
  takeaway: string
  computed: number
  stated: number
}

const DAY = 86_400
const MONTH = 30 * DAY

/** The worked examples, simplest first. */
export const workedExamples: readonly WorkedExample[] = [
  {
    id: 'url-shortener',
    title: 'URL shortener: writes, reads, storage',
    steps: [
      '100M new links a month ÷ 2.6M s ≈ 40 writes/s',
      'Reads 100× writes ≈ 4,000 redirects/s',
      '100M × 500 bytes ≈ 50 GB a month, ~3 TB in 5 years',
    ],
    takeaway: 'Small data, read-heavy: one database with a cache in front is enough.',
    computed: 100e6 / MONTH,
    stated: 40,
  },
  {
    id: 'twitter',
    title: 'Twitter-style timeline: peak write and read load',
    steps: [
      '300M DAU × 2 tweets ÷ 86,400 s ≈ 7K writes/s; peak ×3 ≈ 21K',
      'Timeline reads ~100× writes ≈ 700K/s; peak ≈ 2.1M/s',
    ],
    takeaway: 'Reads dominate: precompute timelines (fan-out on write) and serve them from cache.',
    computed: (300e6 * 2) / DAY,
    stated: 7_000,
  },
  {
    id: 'instagram-egress',
    title: 'Photo app: read bandwidth',
    steps: ['500M DAU × 50 photo views ÷ 86,400 s ≈ 290K reads/s', '290K/s × 2 MB ≈ 580 GB/s of egress'],
    takeaway: 'No origin serves 580 GB/s: a CDN is required, not optional.',
    computed: ((500e6 * 50) / DAY) * 2e6,
    stated: 580e9,
  },
  {
    id: 'ride-locations',
    title: 'Ride sharing: driver location updates',
    steps: ['10M drivers reporting every 5 s ≈ 2M updates/s'],
    takeaway: 'Too many writes for a database: keep the latest position in memory (Redis GEO) and log the rest.',
    computed: 10e6 / 5,
    stated: 2e6,
  },
  {
    id: 'websocket-fleet',
    title: 'Chat: WebSocket servers',
    steps: ['500M users online at peak ÷ 100K connections per server ≈ 5K servers', 'Run at half load: ~10K'],
    takeaway: 'Divide peak concurrent connections, not the 2B registered users.',
    computed: 500e6 / 100e3,
    stated: 5_000,
  },
  {
    id: 'cache-size',
    title: 'Cache sizing with the 80/20 rule',
    steps: ['100M items × 20% hot × 1 KB ≈ 20 GB'],
    takeaway: 'Fits in the memory of a small cache cluster (with replicas).',
    computed: 100e6 * 0.2 * 1e3,
    stated: 20e9,
  },
  {
    id: 'bloom',
    title: 'Bloom filter for 10B URLs at 1% false positives',
    steps: ['~9.6 bits per item (k ≈ 7 hashes)', '10B × 9.6 bits ÷ 8 ≈ 12 GB'],
    takeaway: 'Too big for one process’s heap; shard it or accept a higher false-positive rate.',
    computed: (10e9 * (-Math.log(0.01) / Math.LN2 ** 2)) / 8,
    stated: 12e9,
  },
  {
    id: 'series-availability',
    title: 'Availability of calls in series',
    steps: [
      'Two services at 99.9% that must both answer: 0.999 × 0.999 ≈ 99.8%',
      'That doubles the downtime budget used',
    ],
    takeaway: 'Every synchronous dependency lowers availability; make non-critical calls async or optional.',
    computed: inSeries(0.999, 0.999) * 100,
    stated: 99.8,
  },
]
