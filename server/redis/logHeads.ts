import { roomKeys } from './redisKeys'
import { isCluster, type RedisClient } from './redisConnection'

/** Keys per `MGET` when reading many heads from one node. */
const MGET_CHUNK = 1_000

/**
 * The last sequence number of each room's log (its `:seq` counter, which the
 * append script raises in the same step as the `XADD`), read in one batch:
 * what a server needs after a reconnect to tell which of its rooms missed
 * something, without reading any room's stream. Rooms without a log map to 0.
 *
 * On one node (or Sentinel) that is one `MGET` per 1,000 rooms, all sent at
 * once. On a Redis Cluster a command may not span slots and every room has
 * its own slot, so it is one `GET` per room, all sent at once (ioredis writes
 * them back to back on each primary's connection); still one round of cheap
 * reads instead of an `XRANGE` per room.
 *
 * @example
 * ```ts
 * const heads = await readLogHeads(redis, 'mb:', ['abc', 'def']) // Map { 'abc' => 12, 'def' => 0 }
 * ```
 */
export async function readLogHeads(
  redis: RedisClient,
  prefix: string,
  roomIds: readonly string[]
): Promise<Map<string, number>> {
  const keys = roomIds.map((roomId) => roomKeys(prefix, roomId).seq)
  let values: (string | null)[]
  if (isCluster(redis)) {
    values = await Promise.all(keys.map((key) => redis.get(key)))
  } else {
    const chunks: Promise<(string | null)[]>[] = []
    for (let i = 0; i < keys.length; i += MGET_CHUNK) chunks.push(redis.mget(keys.slice(i, i + MGET_CHUNK)))
    values = (await Promise.all(chunks)).flat()
  }
  return new Map(roomIds.map((roomId, i) => [roomId, Number(values[i] ?? 0)]))
}
