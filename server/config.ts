import path from 'node:path'
import { z } from 'zod'
import { DEFAULT_REDIS_PREFIX } from './redis/redisKeys'
import { parseRedisNodes, type RedisConfig } from './redis/redisConnection'
import { parseIceServers, parseTurnUrls, type IceSettings } from './call/iceConfig'
import type { PostgresConfig } from './postgres/postgresTier'

/** An optional value checked by `parse` (which throws a readable error). */
const parsedBy = (parse: (value: string) => unknown) =>
  z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      if (!value) return
      try {
        parse(value)
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message })
      }
    })

/** An optional `host:port,host:port,…` list (`REDIS_CLUSTER_NODES`, `REDIS_SENTINELS`). */
const redisNodeList = () =>
  parsedBy((value) => {
    try {
      parseRedisNodes(value)
    } catch (error) {
      throw new Error(`expected host:port,host:port,… (${(error as Error).message})`)
    }
  })

const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATA_DIR: z.string().min(1).default('./data'),
    COLLAB_MAX_FRAME_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(2 * 1024 * 1024),
    SQLITE_SYNCHRONOUS: z.enum(['NORMAL', 'FULL']).default('NORMAL'),
    AUTH_SECRET: z.string().min(16, 'use at least 16 characters').optional(),
    COLLAB_FRAMES_PER_SECOND: z.coerce.number().positive().default(300),
    COLLAB_FRAME_BURST: z.coerce.number().positive().default(600),
    COLLAB_BYTES_PER_SECOND: z.coerce
      .number()
      .positive()
      .default(256 * 1024),
    COLLAB_BYTE_BURST: z.coerce
      .number()
      .positive()
      .default(8 * 1024 * 1024),
    COLLAB_SOCKETS_PER_USER: z.coerce.number().int().min(1).default(32),
    ROOM_LOG_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024 * 1024)
      .default(64 * 1024 * 1024),
    REDIS_URL: z.string().url().optional(),
    REDIS_CLUSTER_NODES: redisNodeList(),
    REDIS_SENTINELS: redisNodeList(),
    REDIS_SENTINEL_NAME: z.string().optional(),
    REDIS_PREFIX: z
      .string()
      .regex(/^[\w:.-]*$/)
      .default(DEFAULT_REDIS_PREFIX),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'expected postgres://user:password@host:port/database')
      .optional(),
    ARCHIVE_IDLE_MS: z.coerce
      .number()
      .int()
      .min(1_000)
      .default(10 * 60 * 1000),
    AUDIO_DIR: z.string().min(1).optional(),
    AUDIO_CHUNK_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(16 * 1024)
      .default(512 * 1024),
    // At least one chunk's worth (a track smaller than a chunk could never take one).
    AUDIO_TRACK_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(16 * 1024)
      .default(64 * 1024 * 1024),
    ICE_SERVERS: parsedBy(parseIceServers),
    TURN_URLS: parsedBy(parseTurnUrls),
    TURN_SECRET: z.string().min(16, 'use at least 16 characters').optional(),
    TURN_CREDENTIAL_TTL_SECONDS: z.coerce
      .number()
      .int()
      .min(60)
      .default(12 * 60 * 60),
    ICE_TRANSPORT_POLICY: z.enum(['all', 'relay']).default('all'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .refine((e) => [e.REDIS_URL, e.REDIS_CLUSTER_NODES, e.REDIS_SENTINELS].filter(Boolean).length <= 1, {
    message: 'set only one of REDIS_URL (one node), REDIS_CLUSTER_NODES (a cluster) and REDIS_SENTINELS (Sentinel)',
    path: ['REDIS_URL'],
  })
  .refine((e) => !e.REDIS_SENTINELS || e.REDIS_SENTINEL_NAME, {
    message: 'required with REDIS_SENTINELS: the name the Sentinels monitor the primary under',
    path: ['REDIS_SENTINEL_NAME'],
  })
  .refine((e) => !e.REDIS_SENTINEL_NAME || e.REDIS_SENTINELS, {
    message: 'only means something with REDIS_SENTINELS (the Sentinels to ask for that primary)',
    path: ['REDIS_SENTINEL_NAME'],
  })
  .refine((e) => !e.TURN_URLS === !e.TURN_SECRET, {
    message: "set TURN_URLS and TURN_SECRET together (coturn's static-auth-secret)",
    path: ['TURN_SECRET'],
  })
  .refine((e) => e.COLLAB_BYTE_BURST >= e.COLLAB_MAX_FRAME_BYTES, {
    message: 'must be at least COLLAB_MAX_FRAME_BYTES, or a frame that large could never be accepted',
    path: ['COLLAB_BYTE_BURST'],
  })

/** Server configuration, read from the environment (see README "Configuration"). */
export interface ServerConfig {
  port: number
  host: string
  dataDir: string
  maxFrameBytes: number
  sqliteSynchronous: 'NORMAL' | 'FULL'
  /**
   * Redis mode when set: many collab servers share rooms through one Redis
   * node (`REDIS_URL`), a Redis Cluster (`REDIS_CLUSTER_NODES`) or a primary
   * found through Sentinel (`REDIS_SENTINELS`, `REDIS_SENTINEL_NAME`), with
   * `REDIS_PREFIX`.
   */
  redis: RedisConfig | undefined
  /**
   * `DATABASE_URL`: rooms, members, invites, sessions and sheets live in
   * PostgreSQL; with Redis, idle logs are archived there after
   * `ARCHIVE_IDLE_MS`. Absent: everything stays in SQLite or Redis.
   */
  postgres: PostgresConfig | undefined
  /** `AUTH_SECRET`; when absent the embedded default keeps a generated one in DATA_DIR. */
  authSecret: string | undefined
  /** Per-connection budgets (token buckets): frames, and bytes. */
  limits: { framesPerSecond: number; frameBurst: number; bytesPerSecond: number; byteBurst: number }
  /** Collab sockets one user may hold open on one server process. */
  socketsPerUser: number
  /** Update bytes one room's log may hold. */
  roomLogMaxBytes: number
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL']
  /** Session recordings: where their files go (`AUDIO_DIR`, default `DATA_DIR/audio`) and their caps. */
  audio: { dir: string; chunkMaxBytes: number; trackMaxBytes: number }
  /** The audio call's STUN/TURN servers (`ICE_SERVERS`, `TURN_URLS` + `TURN_SECRET`, `ICE_TRANSPORT_POLICY`). */
  ice: IceSettings
}

/** The Redis deployment the (validated) environment names, if any. */
function redisFromEnv(e: z.infer<typeof envSchema>): RedisConfig | undefined {
  const prefix = e.REDIS_PREFIX
  if (e.REDIS_CLUSTER_NODES) return { clusterNodes: parseRedisNodes(e.REDIS_CLUSTER_NODES), prefix }
  if (e.REDIS_SENTINELS && e.REDIS_SENTINEL_NAME) {
    return { sentinels: parseRedisNodes(e.REDIS_SENTINELS), sentinelName: e.REDIS_SENTINEL_NAME, prefix }
  }
  return e.REDIS_URL ? { url: e.REDIS_URL, prefix } : undefined
}

/**
 * Parses and validates the server's environment variables. Exits with a
 * readable message instead of starting with a bad value.
 */
export function readServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')
    console.error(`Invalid configuration:\n${problems}`)
    process.exit(1)
  }
  const e = parsed.data
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    maxFrameBytes: e.COLLAB_MAX_FRAME_BYTES,
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS,
    redis: redisFromEnv(e),
    postgres: e.DATABASE_URL ? { url: e.DATABASE_URL, archiveIdleMs: e.ARCHIVE_IDLE_MS } : undefined,
    authSecret: e.AUTH_SECRET || undefined,
    limits: {
      framesPerSecond: e.COLLAB_FRAMES_PER_SECOND,
      frameBurst: e.COLLAB_FRAME_BURST,
      bytesPerSecond: e.COLLAB_BYTES_PER_SECOND,
      byteBurst: e.COLLAB_BYTE_BURST,
    },
    socketsPerUser: e.COLLAB_SOCKETS_PER_USER,
    roomLogMaxBytes: e.ROOM_LOG_MAX_BYTES,
    logLevel: e.LOG_LEVEL,
    audio: {
      dir: path.resolve(e.AUDIO_DIR ?? path.join(e.DATA_DIR, 'audio')),
      chunkMaxBytes: e.AUDIO_CHUNK_MAX_BYTES,
      trackMaxBytes: e.AUDIO_TRACK_MAX_BYTES,
    },
    ice: {
      servers: parseIceServers(e.ICE_SERVERS),
      turn:
        e.TURN_URLS && e.TURN_SECRET
          ? { urls: parseTurnUrls(e.TURN_URLS), secret: e.TURN_SECRET, ttlSeconds: e.TURN_CREDENTIAL_TTL_SECONDS }
          : null,
      transportPolicy: e.ICE_TRANSPORT_POLICY,
    },
  }
}
