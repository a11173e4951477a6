/**
 * A seeded PRNG (mulberry32): numbers in [0, 1), the same sequence for a seed
 * on every run and machine, for generated histories and sessions.
 *
 * @example
 * ```ts
 * const random = seededRandom(0x5eed)
 * const coin = random() < 0.5
 * ```
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
