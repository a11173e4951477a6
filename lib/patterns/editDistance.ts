/**
 * Optimal-string-alignment distance: insertions, deletions, substitutions and
 * swaps of two neighbouring letters each cost 1. Swaps matter here: "redsi"
 * and "kafak" are the typos people make, and plain Levenshtein counts them
 * as two.
 *
 * @example
 * ```ts
 * editDistance('redsi', 'redis') // 1
 * editDistance('lod balancer', 'load balancer') // 1
 * ```
 */
export function editDistance(a: string, b: string): number {
  const cols = b.length + 1
  // One flat row-major table; at(i, j) is the distance between a[0, i) and b[0, j).
  const table = new Uint16Array((a.length + 1) * cols)
  const at = (i: number, j: number) => table[i * cols + j] as number
  for (let i = 0; i <= a.length; i++) {
    for (let j = 0; j <= b.length; j++) {
      if (i === 0 || j === 0) {
        table[i * cols + j] = i + j
        continue
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1)
      table[i * cols + j] = best
    }
  }
  return at(a.length, b.length)
}
