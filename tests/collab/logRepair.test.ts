import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { Redis } from 'ioredis'
import { roomKeys } from '@/server/redis/redisKeys'
import { startInProcessCollab } from '../support/collabServers'
import { RedisServer } from '../support/redisServer'
import { eventually, synced } from '../support/providers'
import { continuousEditor, writtenKeys, type ContinuousEditor } from '../support/continuousEditor'
import { expectEveryWriteEverywhereOnce } from '../support/failoverLoad'
import { probes } from '../support/boardProbes'

/**
 * The log repair on one Redis node, with the state a failover leaves made by
 * hand, so each path is hit every run: the log loses its last entries, its
 * sequence counter goes back to match (the next appends reuse their
 * numbers) and the fence hash is gone, as on a promoted replica. The
 * failover tests (clusterFailover, sentinelFailover) make the same state
 * with a real `kill -9`.
 */
const LOST = 12
let redis: RedisServer
let admin: Redis
const cleanups: (() => Promise<unknown> | unknown)[] = []
beforeAll(async () => {
  redis = await RedisServer.start()
  admin = new Redis(redis.url)
})
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})
afterAll(async () => {
  admin?.disconnect()
  await redis?.destroy()
})

/**
 * Leaves the log as a promoted replica would have it: its last `count`
 * entries never arrived (the stream rebuilt from the rest, so its last id is
 * the last one kept, and XADD takes the lost numbers again), the counter back
 * at the last entry kept, and no fence.
 */
async function loseTail(room: string, count: number): Promise<void> {
  const keys = roomKeys(redis.config.prefix, room)
  const entries = await admin.xrangeBuffer(keys.log, '-', '+')
  const kept = entries.slice(0, entries.length - count)
  expect(kept.length).toBeGreaterThan(0)
  const rebuilt = admin.multi().del(keys.log)
  for (const [id, fields] of kept) rebuilt.xadd(keys.log, id, ...fields)
  await rebuilt.set(keys.seq, kept.at(-1)![0].toString().split('-')[0]!).del(keys.fence).exec()
}

async function twoEditors(room: string) {
  const servers = [
    await startInProcessCollab({ redis: redis.config }),
    await startInProcessCollab({ redis: redis.config }),
  ]
  for (const server of servers) cleanups.push(() => server.close())
  const editors = servers.map((s, i) => continuousEditor(s.url, room, `e${i}`, (close) => cleanups.push(close)))
  await Promise.all(editors.map((e) => synced(e.provider)))
  return editors
}

/** `writers` each write `count` more times; resolves once every editor holds every write. */
async function writeAWhile(editors: ContinuousEditor[], count: number, writers = editors): Promise<void> {
  const targets = writers.map((e) => e.count + count)
  for (const e of writers) e.start()
  await eventually(() => writers.every((e, i) => e.count >= targets[i]!), 20_000, 'the writes')
  for (const e of writers) e.stop()
  const written = writtenKeys(editors).length
  await eventually(
    () => editors.every((e) => probes(e.doc, 'edits').size === written),
    10_000,
    'every write everywhere'
  )
}

test('both servers write after the log lost its tail: each repairs before appending, and the log holds every write once', async () => {
  const room = 'repair-both-01'
  const editors = await twoEditors(room)
  await writeAWhile(editors, 30)
  await loseTail(room, LOST)
  await writeAWhile(editors, 30)
  await expectEveryWriteEverywhereOnce(editors, redis.config, room, (close) => cleanups.push(close))
})

test('only one server writes after the loss: the other repairs when its bus reconnects and skips none of the entries under reused numbers', async () => {
  const room = 'repair-reader-01'
  const editors = await twoEditors(room)
  await writeAWhile(editors, 30)
  await loseTail(room, LOST)
  // A failover always drops the subscribers' connections; here that is done by hand.
  await admin.client('KILL', 'TYPE', 'pubsub')
  await writeAWhile(editors, 50, [editors[1]!])
  await expectEveryWriteEverywhereOnce(editors, redis.config, room, (close) => cleanups.push(close))
})
