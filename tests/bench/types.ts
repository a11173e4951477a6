/** One line of the benchmark table. */
export interface BenchRow {
  /** Scenario number and name, e.g. `2. 1 writer → 100 observers, one server`. */
  scenario: string
  /** What is measured, e.g. `p99 delivery (ms)`. */
  metric: string
  /** Mockboard's median over the runs. */
  mockboard: number | null
  /** Each peer's median over the runs (null when not applicable). */
  peers: Record<string, number | null>
  /** Mockboard ÷ the peer the goal is stated against (lower is better unless noted). */
  ratio?: { against: string; value: number } | null
  /** The goal in words, e.g. `< 100 B`, `≤ 1.1× reference`. */
  goal?: string
  /** Whether the goal is met; null when there is no goal. */
  met?: boolean | null
  /** How many runs the medians are taken from. */
  runs: number
  /** Spread of Mockboard's runs, e.g. `2.1–2.6`. */
  spread?: string
}

/** Options every scenario gets. */
export interface BenchOptions {
  /** Tiny sizes and one run: keeps the harness from rotting (`npm test`). */
  quick: boolean
}

/** Median of a list (NaN for an empty one). */
export function median(values: number[]): number {
  if (!values.length) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** The p-th percentile (0–100) of a list, nearest rank. */
export function percentile(values: number[], p: number): number {
  if (!values.length) return Number.NaN
  const sorted = Float64Array.from(values).sort()
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank]!
}

/** `min–max` of runs, for the spread column. */
export function spread(values: number[], digits = 1): string {
  if (values.length < 2) return ''
  return `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`
}

/** A row of one measurement with no peer and no goal (a size, a count). */
export function singleRow(scenario: string, metric: string, value: number): BenchRow {
  return { scenario, metric, mockboard: value, peers: {}, ratio: null, goal: '—', met: null, runs: 1 }
}
