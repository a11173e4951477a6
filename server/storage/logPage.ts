import type { LogPageBounds } from './RoomStorage'

/**
 * How many of the entries whose update sizes are `sizes` (in log order) one
 * page holds: at most `maxEntries`, and no more than `maxBytes` in all,
 * except that the first entry always fits (a page never comes back empty
 * while the log has more). Shared by the stores that read sizes first.
 *
 * @example
 * ```ts
 * pageSize([3, 3, 3], { maxEntries: 10, maxBytes: 7 }) // 2
 * pageSize([9, 1], { maxEntries: 10, maxBytes: 7 }) // 1: the first entry always fits
 * ```
 */
export function pageSize(sizes: readonly number[], bounds: LogPageBounds): number {
  let bytes = 0
  let count = 0
  for (const size of sizes) {
    if (count >= bounds.maxEntries) break
    if (count > 0 && bytes + size > bounds.maxBytes) break
    bytes += size
    count++
  }
  return count
}
