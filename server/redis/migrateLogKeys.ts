import type { Logger } from 'pino'
import { legacyLogKey, roomKeys, roomPatterns } from './redisKeys'
import { isCluster, scanAll, type RedisClient } from './redisConnection'

/**
 * Moves the session and presence logs of releases before cluster support
 * from `mb:{<room>.<log>}:…` (their own hash tag, another slot than the
 * room's) to `mb:{<room>}.<log>:…`, so every key of a room shares its slot.
 * Board logs kept their names. Runs at start-up (`CollabStack.migrate`), one
 * `RENAMENX` per key: idempotent, and a key a concurrent start already moved
 * is skipped. Stop the servers of the older release before starting this
 * one, or they keep writing the old names (a later start moves a log only
 * while the new name is still free, and logs a warning otherwise).
 *
 * Only a single node can hold old keys (the older release could not run on
 * a cluster); on a cluster, where a rename across slots is refused, any
 * found are reported and left alone.
 *
 * @returns how many keys were moved.
 */
export async function migrateLogKeys(redis: RedisClient, prefix: string, logger: Logger): Promise<number> {
  const found = (await scanAll(redis, roomPatterns.legacyLogs(prefix))).flatMap((key) => {
    const legacy = legacyLogKey(prefix, key)
    return legacy ? [{ key, ...legacy }] : []
  })
  if (found.length === 0) return 0
  if (isCluster(redis)) {
    logger.warn({ keys: found.length }, 'old-layout log keys on a cluster left in place (cannot rename across slots)')
    return 0
  }
  let moved = 0
  for (const { key, logKey, suffix } of found) {
    const keys = roomKeys(prefix, logKey)
    const target = { log: keys.log, seq: keys.seq, bytes: keys.bytes, snap: keys.snapshot }[suffix]
    if (!target) continue
    try {
      if ((await redis.renamenx(key, target)) === 1) moved++
      else logger.warn({ key, target }, 'old-layout log key not moved: the new name is taken')
    } catch {
      // Moved by a server starting at the same time.
    }
  }
  logger.info({ moved }, 'moved session and presence logs under their room hash tag')
  return moved
}
