/**
 * Latency numbers for estimates: one canonical set, each row with its
 * source. The seeds give four tables that disagree (an SSD read of 16 µs or
 * 150 µs, a database query of 5–20 ms or p99 5–10 ms, one cross-region figure
 * of 50–150 ms); where they do, the row says which value we teach. Rows that
 * restate a fact of `referenceNumbers.ts` name it in `fact`, and the test
 * checks they agree.
 */
export interface LatencyRow {
  id: string
  /** The operation, e.g. "Main memory reference". */
  what: string
  /** Typical time in nanoseconds, for ordering and the bar on the card. */
  ns: number
  /** How the card shows it, e.g. "~100 ns". */
  shown: string
  source: string
  /** A reference fact this row restates (`referenceFacts` id). */
  fact?: string
  /** What the seeds said instead, when we chose between them. */
  note?: string
}

const US = 1e3
const MS = 1e6
const S = 1e9

/** Latencies from a CPU cache to an LLM call, fastest first. */
export const latencyRows: readonly LatencyRow[] = [
  {
    id: 'l1',
    what: 'L1 cache reference',
    ns: 1,
    shown: '~1 ns',
    source: 'Dean, "Numbers everyone should know" (0.5 ns); seeds 001/002/004 (0.5–1 ns)',
  },
  {
    id: 'l2',
    what: 'L2 cache reference',
    ns: 5,
    shown: '~4–7 ns',
    source: 'Dean (7 ns); seeds 002 (~5 ns), 004 (4 ns)',
  },
  {
    id: 'ram',
    what: 'Main memory reference',
    ns: 100,
    shown: '~100 ns',
    source: 'Dean; all seeds agree',
  },
  {
    id: 'ssd-random',
    what: 'SSD random read (4 KB)',
    ns: 100 * US,
    shown: '~100 µs',
    source: 'NVMe datasheets (tens of µs to ~150 µs for NAND flash); Dean (150 µs)',
    note: 'Seeds give 16 µs (002, 004), 150 µs (001) and "~50 ms" (004 cheat sheet, an error).',
  },
  {
    id: 'dc-rtt',
    what: 'Round trip inside one data centre or region',
    ns: 0.5 * MS,
    shown: '~0.5–2 ms',
    source: 'Dean (0.5 ms in a data centre); cloud intra-region latency',
    fact: 'in-region-round-trip',
  },
  {
    id: 'ssd-seq',
    what: 'Read 1 MB sequentially from an NVMe SSD',
    ns: 500 * US,
    shown: '~0.3–1 ms',
    source: 'NVMe sequential reads of ~1–3 GB/s; Dean (1 ms, 2009 SSDs)',
  },
  {
    id: 'cache-get',
    what: 'Redis or Memcached GET in the same region',
    ns: 0.75 * MS,
    shown: '~0.5–1 ms',
    source: 'Seeds 002 (~0.5 ms), 004 (~1 ms): one network round trip plus microseconds of work',
  },
  {
    id: 'db-indexed',
    what: 'Indexed database lookup',
    ns: 3 * MS,
    shown: '~1–5 ms p50, ~10–20 ms p99',
    source: 'Reference fact db-indexed-read',
    fact: 'db-indexed-read',
    note: 'Seeds give 5–20 ms (002), ~5 ms (004) and p99 5–10 ms (001).',
  },
  {
    id: 'hdd-seek',
    what: 'Disk seek (7,200 rpm HDD)',
    ns: 10 * MS,
    shown: '~10 ms',
    source: 'Dean (10 ms); seed 001 (10 ms seek)',
    note: 'Seed 004 gives 2 ms for a random HDD read, which is faster than the disk can spin.',
  },
  {
    id: 'cdn-hit',
    what: 'CDN edge hit, as the user sees it',
    ns: 10 * MS,
    shown: '~5–20 ms',
    source: 'Seed 002 (~5 ms); mostly the network to the nearest PoP',
  },
  {
    id: 'dns',
    what: 'DNS lookup, not cached',
    ns: 30 * MS,
    shown: '~20–100 ms',
    source: 'Seed 002 (~30 ms first lookup); then cached for the TTL',
  },
  {
    id: 'new-https',
    what: 'New HTTPS connection, New York to London',
    ns: 2 * 70 * MS,
    shown: '2 round trips ≈ 140 ms (TCP + TLS 1.3)',
    source: 'RFC 8446 (TLS 1.3 full handshake: 1 round trip after TCP’s); QUIC needs 1 (RFC 9000)',
  },
  {
    id: 'llm',
    what: 'Full LLM response',
    ns: 2 * S,
    shown: '~1–3 s (stream tokens)',
    source: 'Seed 004 cheat sheet',
  },
]

/** A round trip between two places, in milliseconds. */
export interface RoundTrip {
  from: string
  to: string
  ms: number
  /** The speed-of-light floor over the great-circle distance in fibre (~200,000 km/s), for comparison. */
  floorMs: number
}

/**
 * Round trips between regions, from public inter-region ping tables (e.g.
 * AWS us-east-1, us-west-1, eu-west-2, eu-central-1, ap-northeast-1),
 * rounded. The seeds give one figure, "~50 ms" (002) to "150 ms" (001, 004);
 * the real ones depend on the pair.
 */
export const roundTrips: readonly RoundTrip[] = [
  { from: 'London', to: 'Frankfurt', ms: 15, floorMs: 6 },
  { from: 'New York', to: 'San Francisco', ms: 65, floorMs: 41 },
  { from: 'New York', to: 'London', ms: 70, floorMs: 56 },
  { from: 'New York', to: 'Tokyo', ms: 170, floorMs: 108 },
  { from: 'London', to: 'Tokyo', ms: 220, floorMs: 96 },
]

/** Source of {@link roundTrips}, for the card's footnote. */
export const ROUND_TRIP_SOURCE =
  'Public inter-region ping tables (AWS region pairs), rounded; floor = great-circle distance ÷ 200,000 km/s × 2'

/**
 * A duration in nanoseconds as the card shows it: "100 ns", "16 µs",
 * "1.5 ms", "2 s".
 *
 * @example
 * ```ts
 * formatNs(150_000) // '150 µs'
 * ```
 */
export function formatNs(ns: number): string {
  const units: [number, string][] = [
    [S, 's'],
    [MS, 'ms'],
    [US, 'µs'],
  ]
  for (const [size, unit] of units) if (ns >= size) return `${round(ns / size)} ${unit}`
  return `${round(ns)} ns`
}

const round = (x: number) => (x >= 10 ? Math.round(x).toString() : (Math.round(x * 10) / 10).toString())
