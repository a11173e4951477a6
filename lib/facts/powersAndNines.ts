/**
 * Powers of two and the nines of availability, computed rather than typed,
 * so the card cannot drift from the arithmetic. The `nines` reference fact
 * (`referenceNumbers.ts`) quotes the same downtime; the test checks both.
 */

/** One power of two with its decimal approximation and byte unit. */
export interface PowerOfTwo {
  power: number
  /** Exact value, with thousands separators. */
  exact: string
  /** Rough decimal size: "~1 thousand". */
  approx: string
  /** The binary unit it names, when it names one. */
  unit: string
}

const NAMES: Record<number, [approx: string, unit: string]> = {
  10: ['~1 thousand', '1 KiB'],
  16: ['~65 thousand', '64 KiB'],
  20: ['~1 million', '1 MiB'],
  30: ['~1 billion', '1 GiB'],
  32: ['~4.3 billion', '4 GiB (a 32-bit id space)'],
  40: ['~1.1 trillion', '1 TiB'],
  50: ['~1.1 quadrillion', '1 PiB'],
  64: ['~1.8 × 10^19', 'a 64-bit id space'],
}

/** The powers of two worth knowing by heart, smallest first. */
export const powersOfTwo: readonly PowerOfTwo[] = Object.entries(NAMES).map(([p, [approx, unit]]) => ({
  power: Number(p),
  exact: (2n ** BigInt(p)).toLocaleString('en-US'),
  approx,
  unit,
}))

/** Seconds in a year of 365.25 days. */
export const YEAR_S = 365.25 * 86_400

/** One availability target and the downtime it allows. */
export interface NinesRow {
  /** e.g. "99.9%". */
  availability: string
  /** Downtime allowed per year, per 30-day month and per day, in seconds. */
  perYearS: number
  perMonthS: number
  perDayS: number
}

/** Availability targets from two to five nines. */
export const ninesRows: readonly NinesRow[] = ['99', '99.9', '99.95', '99.99', '99.999'].map((a) => {
  const down = 1 - Number(a) / 100
  return {
    availability: `${a}%`,
    perYearS: down * YEAR_S,
    perMonthS: down * 30 * 86_400,
    perDayS: down * 86_400,
  }
})

/**
 * A duration in seconds as a person would say it: "3.65 days", "8.77 h",
 * "52.6 min", "5.26 min", "8.6 s".
 *
 * @example
 * ```ts
 * formatDuration(0.001 * 365.25 * 86_400) // '8.77 h'
 * ```
 */
export function formatDuration(seconds: number): string {
  const units: [number, string][] = [
    [86_400, 'days'],
    [3_600, 'h'],
    [60, 'min'],
  ]
  for (const [size, unit] of units) if (seconds >= size) return `${threeDigits(seconds / size)} ${unit}`
  return `${threeDigits(seconds)} s`
}

/** Three significant digits: 8.766 → "8.77", 52.596 → "52.6", 525.96 → "526". */
const threeDigits = (x: number) => Number(x.toPrecision(3)).toString()

/** Availability of services that must all work (in series): the product of theirs. */
export function inSeries(...availabilities: number[]): number {
  return availabilities.reduce((a, b) => a * b, 1)
}
