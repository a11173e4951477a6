import type { LogFence } from '../storage/logFence'
import type { RedisClient } from './redisConnection'
import { roomKeys } from './redisKeys'

/**
 * How long a fence token lives unless armed again. A token that expires
 * under a loaded room only costs that room one repair check (its next append
 * is refused and finds nothing missing); the expiry bounds what servers that
 * died leave behind.
 */
export const FENCE_TTL_MS = 24 * 60 * 60 * 1000

/**
 * Writes this server's token into the room's fence hash without replicating
 * or persisting it (`redis.set_repl(redis.REPL_NONE)`: neither the replicas
 * nor the AOF see the write). KEYS: fence. ARGV: serverId, token, ttl (ms).
 */
const ARM_SCRIPT = `
redis.set_repl(redis.REPL_NONE)
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1
`

/**
 * The log fence of `RedisRoomStorage` (see {@link LogFence}).
 *
 * Why a fence: Redis replicates asynchronously, so a promoted replica (Redis
 * Cluster or Sentinel failover) may lack the last appends its primary
 * acknowledged, and hand their sequence numbers out again. The replica's data
 * is always a prefix of the primary's writes. A token written on the primary
 * only (`REPL_NONE`) is missing on any node that took over, and on a node that
 * restarted from its AOF (which may also have lost the last second with
 * `appendfsync everysec`), but stays through every event that loses nothing (a
 * client reconnect, a network blip, another server's restart). So the
 * append script's one `HGET` tells, atomically with the append, whether the
 * log may have lost what this server holds: cheaper and sturdier than
 * comparing sequence numbers (which another server's appends may already have
 * reused past this server's watermark) or replication ids (per node, not per
 * room, and an extra `INFO` per append or per reconnect, racing the appends
 * queued meanwhile).
 */
export class RedisLogFence implements LogFence {
  constructor(
    private readonly redis: RedisClient,
    private readonly options: { serverId: string; prefix: string }
  ) {}

  async arm(roomId: string, token: string): Promise<void> {
    await this.redis.eval(
      ARM_SCRIPT,
      1,
      roomKeys(this.options.prefix, roomId).fence,
      this.options.serverId,
      token,
      FENCE_TTL_MS
    )
  }

  async holds(roomId: string, token: string): Promise<boolean> {
    return (await this.redis.hget(roomKeys(this.options.prefix, roomId).fence, this.options.serverId)) === token
  }
}
