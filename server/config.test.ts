/**
 * The quota settings parse with their documented defaults, and a byte burst
 * smaller than the largest frame (which could then never be accepted) stops
 * the server at start with a message instead of running with it; so do
 * Redis settings that contradict each other (two deployments, Sentinels
 * without the primary's name).
 */
import { afterEach, describe, expect, test, vi } from 'vitest'
import { readServerConfig } from './config'

afterEach(() => vi.restoreAllMocks())

/** An environment with only `vars` set. */
const env = (vars: Record<string, string>) => vars as unknown as NodeJS.ProcessEnv

describe('readServerConfig: collab quotas', () => {
  test('defaults: 256 KiB/s with an 8 MiB burst, 32 sockets per user, 64 MiB of log per room', () => {
    const config = readServerConfig(env({}))
    expect(config.limits).toEqual({
      framesPerSecond: 300,
      frameBurst: 600,
      bytesPerSecond: 256 * 1024,
      byteBurst: 8 * 1024 * 1024,
    })
    expect(config.socketsPerUser).toBe(32)
    expect(config.roomLogMaxBytes).toBe(64 * 1024 * 1024)
  })

  test('each is read from its variable', () => {
    const config = readServerConfig(
      env({
        COLLAB_BYTES_PER_SECOND: '1000',
        COLLAB_BYTE_BURST: '4194304',
        COLLAB_SOCKETS_PER_USER: '5',
        ROOM_LOG_MAX_BYTES: '10485760',
      })
    )
    expect(config.limits.bytesPerSecond).toBe(1000)
    expect(config.limits.byteBurst).toBe(4 * 1024 * 1024)
    expect(config.socketsPerUser).toBe(5)
    expect(config.roomLogMaxBytes).toBe(10 * 1024 * 1024)
  })

  test.each([
    [{ COLLAB_BYTE_BURST: '1048576' }, /COLLAB_BYTE_BURST: must be at least COLLAB_MAX_FRAME_BYTES/],
    [{ COLLAB_SOCKETS_PER_USER: '0' }, /COLLAB_SOCKETS_PER_USER/],
    [{ ROOM_LOG_MAX_BYTES: 'lots' }, /ROOM_LOG_MAX_BYTES/],
    [{ REDIS_CLUSTER_NODES: '10.0.0.1' }, /REDIS_CLUSTER_NODES: expected host:port/],
    [{ REDIS_CLUSTER_NODES: '10.0.0.1:99999' }, /REDIS_CLUSTER_NODES/],
    [{ REDIS_CLUSTER_NODES: 'a:1', REDIS_URL: 'redis://b:2' }, /REDIS_URL: set only one of/],
    [{ REDIS_SENTINELS: 'a:1', REDIS_SENTINEL_NAME: 'p', REDIS_URL: 'redis://b:2' }, /set only one of/],
    [{ REDIS_SENTINELS: 'a:1', REDIS_SENTINEL_NAME: 'p', REDIS_CLUSTER_NODES: 'b:2' }, /set only one of/],
    [{ REDIS_SENTINELS: 'a:26379' }, /REDIS_SENTINEL_NAME: required with REDIS_SENTINELS/],
    [{ REDIS_SENTINEL_NAME: 'primary' }, /REDIS_SENTINEL_NAME: only means something with REDIS_SENTINELS/],
    [{ REDIS_SENTINELS: 'a', REDIS_SENTINEL_NAME: 'p' }, /REDIS_SENTINELS: expected host:port/],
    [{ DATABASE_URL: 'mysql://db/mockboard' }, /DATABASE_URL: expected postgres:/],
    [{ DATABASE_URL: 'postgres://db/m', ARCHIVE_IDLE_MS: '10' }, /ARCHIVE_IDLE_MS/],
  ])('%o is refused at start with a message', (vars, message) => {
    const errors: string[] = []
    vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line))
    vi.spyOn(process, 'exit').mockImplementation(() => {
      throw new Error('exit')
    })
    expect(() => readServerConfig(env(vars))).toThrow('exit')
    expect(errors.join('\n')).toMatch(message)
  })
})

describe('readServerConfig: Redis', () => {
  test('REDIS_CLUSTER_NODES lists seed nodes (IPv6 in brackets); REDIS_URL one node; neither the embedded store', () => {
    const cluster = readServerConfig(env({ REDIS_CLUSTER_NODES: '10.0.0.1:7000, redis-b:7001,[::1]:7002' }))
    expect(cluster.redis).toEqual({
      prefix: 'mb:',
      clusterNodes: [
        { host: '10.0.0.1', port: 7000 },
        { host: 'redis-b', port: 7001 },
        { host: '::1', port: 7002 },
      ],
    })
    expect(readServerConfig(env({ REDIS_URL: 'redis://r:6379', REDIS_PREFIX: 'x:' })).redis).toEqual({
      url: 'redis://r:6379',
      prefix: 'x:',
    })
    expect(readServerConfig(env({})).redis).toBeUndefined()
  })

  test('REDIS_SENTINELS lists Sentinels and REDIS_SENTINEL_NAME names the primary they monitor', () => {
    const config = readServerConfig(
      env({ REDIS_SENTINELS: '10.0.0.1:26379, [::1]:26380', REDIS_SENTINEL_NAME: 'mockboard', REDIS_PREFIX: 'x:' })
    )
    expect(config.redis).toEqual({
      prefix: 'x:',
      sentinelName: 'mockboard',
      sentinels: [
        { host: '10.0.0.1', port: 26379 },
        { host: '::1', port: 26380 },
      ],
    })
  })
})

describe('readServerConfig: PostgreSQL', () => {
  test('DATABASE_URL turns the PostgreSQL tier on; idle logs are archived after 10 minutes unless ARCHIVE_IDLE_MS says', () => {
    expect(readServerConfig(env({})).postgres).toBeUndefined()
    expect(readServerConfig(env({ DATABASE_URL: 'postgres://u:p@db:5432/mockboard' })).postgres).toEqual({
      url: 'postgres://u:p@db:5432/mockboard',
      archiveIdleMs: 600_000,
    })
    const config = readServerConfig(env({ DATABASE_URL: 'postgresql://db/m', ARCHIVE_IDLE_MS: '60000' }))
    expect(config.postgres?.archiveIdleMs).toBe(60_000)
  })
})
