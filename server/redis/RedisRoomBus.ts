import type { Logger } from 'pino'
import type { RoomBus, RoomBusHandlers, RoomChannel } from '../rooms/RoomBus'
import { accessChannel, headsChannel, heartbeatChannel, roomKeys } from './redisKeys'
import { fanoutLag } from '../ops/metrics'
import { throttledWarning } from '../ops/throttledWarning'
import { toBytes } from '../storage/bytes'
import { isCluster, type RedisClient } from './redisConnection'
import { AppendHeads, decodeHeads } from './AppendHeads'
import { RoomAudience } from './RoomAudience'
import { readLogHeads } from './logHeads'

/** Each server announces itself this often… */
export const HEARTBEAT_MS = 1_000
/** …and is considered gone (its clients' cursors removed) after this much silence. */
export const SERVER_GONE_MS = 3_500

const SEPARATOR = 0x7c // '|'

/** Options of a {@link RedisRoomBus}. */
export interface RedisRoomBusOptions {
  serverId: string
  prefix: string
  logger: Logger
  /** Tests only: true drops an incoming pub/sub message before the bus sees it, as a lost message. */
  dropIncoming?: (channel: string) => boolean
}

/** An awareness update with no entries: a server's hello when it starts holding a room (older servers apply it as nothing). */
const HELLO = new Uint8Array([0])

/**
 * Fan-out between collab servers over Redis pub/sub. One subscriber
 * connection per process carries every room it holds: `<room>:up` (updates,
 * published by the append script) and `<room>:aw` (awareness), plus a
 * heartbeat channel that tells when a server has died. After the subscriber
 * reconnects, one batched read of every held room's log head tells which
 * rooms missed something, and only those read their stream. While they are
 * idle, rooms cost Redis nothing: no timer per room; the tail a lost message
 * leaves is revealed by the writers' heads announcements ({@link AppendHeads}),
 * and awareness renewals nobody else hears are skipped ({@link RoomAudience}).
 *
 * On a Redis Cluster (`Cluster` clients) the room channels are sharded
 * (`SSUBSCRIBE`/`SPUBLISH`): a room's messages travel only within the shard
 * that owns its slot, through one sharded subscriber per primary. Heartbeats
 * and access changes stay on plain pub/sub, which the cluster broadcasts to
 * every node (one small message per server and second). When ioredis rebuilds
 * its sharded subscribers (a failover, a slot move), rooms catch up too.
 */
export class RedisRoomBus implements RoomBus {
  private readonly rooms = new Map<string, Set<RoomBusHandlers>>()
  private readonly channelToRoom = new Map<string, { roomId: string; kind: 'up' | 'aw' }>()
  private readonly lastSeen = new Map<string, number>()
  private readonly timers: ReturnType<typeof setInterval>[] = []
  private everReady = false
  private accessHandler: ((roomId: string, userId: string) => void) | null = null
  private deletionHandler: ((roomId: string) => void) | null = null
  private readonly heads = new AppendHeads()
  private readonly audience = new RoomAudience()

  private readonly sharded: boolean
  /** A failover retries the head read on every reconnect; one line every few seconds says so. */
  private readonly warnHeadsFailed: (fields: Record<string, unknown>) => void

  constructor(
    private readonly publisher: RedisClient,
    private readonly subscriber: RedisClient,
    private readonly options: RedisRoomBusOptions
  ) {
    this.sharded = isCluster(subscriber)
    this.warnHeadsFailed = throttledWarning(options.logger, 'reading the log heads failed; every room reads its log')
    subscriber.on('messageBuffer', this.onMessage)
    subscriber.on('ready', this.onReady)
    if (this.sharded) {
      subscriber.on('smessageBuffer', this.onMessage)
      subscriber.on('subscribersReady', this.onShardsResubscribed)
    }
    this.timers.push(setInterval(this.beat, HEARTBEAT_MS), setInterval(this.checkServers, HEARTBEAT_MS))
    for (const timer of this.timers) timer.unref()
  }

  get serverId(): string {
    return this.options.serverId
  }

  async join(roomId: string, handlers: RoomBusHandlers): Promise<RoomChannel> {
    const keys = roomKeys(this.options.prefix, roomId)
    let subscribers = this.rooms.get(roomId)
    if (!subscribers) {
      subscribers = new Set()
      this.rooms.set(roomId, subscribers)
      this.channelToRoom.set(keys.updates, { roomId, kind: 'up' })
      this.channelToRoom.set(keys.awareness, { roomId, kind: 'aw' })
      this.audience.track(roomId)
    }
    subscribers.add(handlers)
    await this.subscriberReady()
    if (this.sharded) await this.shardSubscribe(keys.updates, keys.awareness)
    else await this.subscriber.subscribe(keys.updates, keys.awareness)
    if (subscribers.size === 1) this.publishAwareness(roomId, keys.awareness, HELLO)
    return {
      publishAwareness: (update, renewal = false) => {
        if (this.audience.shouldPublish(roomId, renewal)) this.publishAwareness(roomId, keys.awareness, update)
      },
      announceAppend: (seq) => this.heads.note(roomId, seq),
      leave: async () => {
        subscribers.delete(handlers)
        if (subscribers.size > 0 || this.rooms.get(roomId) !== subscribers) return
        this.rooms.delete(roomId)
        this.audience.drop(roomId)
        this.channelToRoom.delete(keys.updates)
        this.channelToRoom.delete(keys.awareness)
        if (this.sharded) await this.subscriber.sunsubscribe(keys.updates, keys.awareness)
        else await this.subscriber.unsubscribe(keys.updates, keys.awareness)
      },
    }
  }

  async publishAccessChange(roomId: string, userId: string): Promise<void> {
    await this.publisher.publish(accessChannel(this.options.prefix), `${roomId}|${userId}`)
  }

  onAccessChange(handler: (roomId: string, userId: string) => void): void {
    this.accessHandler = handler
  }

  // On the access channel too, as the room id alone (an access change is `<room>|<user>`; ids hold no '|').
  async publishRoomDeleted(roomId: string): Promise<void> {
    await this.publisher.publish(accessChannel(this.options.prefix), roomId)
  }

  onRoomDeleted(handler: (roomId: string) => void): void {
    this.deletionHandler = handler
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer)
    this.subscriber.disconnect()
    this.publisher.disconnect()
  }

  /** Publishes on a room's awareness channel, noting whether any other server heard it. */
  private publishAwareness(roomId: string, channel: string, update: Uint8Array): void {
    const message = Buffer.concat([Buffer.from(`${this.options.serverId}|`), update])
    const sent = this.sharded ? this.publisher.spublish(channel, message) : this.publisher.publish(channel, message)
    void sent.then((receivers) => this.audience.published(roomId, Number(receivers))).catch(() => undefined)
  }

  /** Once a second: the heartbeat, and the heads of rooms this server appended to lately (if any). */
  private readonly beat = (): void => {
    const { prefix, serverId } = this.options
    void this.publisher.publish(heartbeatChannel(prefix), serverId).catch(() => undefined)
    const heads = this.heads.encode(serverId)
    if (heads) void this.publisher.publish(headsChannel(prefix), heads).catch(() => undefined)
  }

  private onHeads(message: string): void {
    const announced = decodeHeads(message)
    if (!announced || announced.serverId === this.options.serverId) return
    this.lastSeen.set(announced.serverId, Date.now())
    for (const [roomId, seq] of announced.heads) {
      for (const h of this.rooms.get(roomId) ?? []) h.onHead(seq)
    }
  }

  private readonly onMessage = (channelBuffer: Buffer, message: Buffer): void => {
    const channel = channelBuffer.toString()
    if (this.options.dropIncoming?.(channel)) return
    if (channel === heartbeatChannel(this.options.prefix)) {
      this.lastSeen.set(message.toString(), Date.now())
      return
    }
    if (channel === headsChannel(this.options.prefix)) return this.onHeads(message.toString())
    if (channel === accessChannel(this.options.prefix)) {
      const [roomId, userId] = message.toString().split('|')
      if (roomId && userId) this.accessHandler?.(roomId, userId)
      else if (roomId && userId === undefined) this.deletionHandler?.(roomId)
      return
    }
    const target = this.channelToRoom.get(channel)
    const handlers = target && this.rooms.get(target.roomId)
    if (!target || !handlers) return
    try {
      const first = message.indexOf(SEPARATOR)
      const serverId = message.subarray(0, first).toString()
      // Any message proves the sender alive: a server that dies before its
      // first heartbeat reached us must still be noticed as gone.
      if (serverId !== this.options.serverId) {
        this.lastSeen.set(serverId, Date.now())
        if (this.audience.heard(target.roomId, serverId)) for (const h of handlers) h.onServerJoined(serverId)
      }
      if (target.kind === 'aw') {
        if (serverId === this.options.serverId) return
        const update = toBytes(message.subarray(first + 1))
        if (update.byteLength === HELLO.byteLength && update[0] === HELLO[0]) return
        for (const h of handlers) h.onAwareness(update, serverId)
        return
      }
      const second = message.indexOf(SEPARATOR, first + 1)
      const third = message.indexOf(SEPARATOR, second + 1)
      const seq = Number(message.subarray(first + 1, second).toString())
      const appendedAt = Number(message.subarray(second + 1, third).toString())
      const update = toBytes(message.subarray(third + 1))
      const fromSelf = serverId === this.options.serverId
      if (!fromSelf) fanoutLag.observe(Math.max(0, Date.now() - appendedAt) / 1000)
      for (const h of handlers) h.onUpdate(seq, update, fromSelf)
    } catch (error) {
      this.options.logger.warn({ err: error, channel }, 'undecodable bus message')
    }
  }

  /**
   * Resolves once the subscriber connection is ready. Subscribing earlier,
   * while ioredis still runs its ready check, breaks the connection.
   */
  private subscriberReady(timeoutMs = 5_000): Promise<void> {
    if (this.subscriber.status === 'ready') return Promise.resolve()
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.subscriber.off('ready', onReady)
        reject(new Error('redis subscriber not ready'))
      }, timeoutMs)
      const onReady = () => {
        clearTimeout(timer)
        resolve()
      }
      this.subscriber.once('ready', onReady)
    })
  }

  /**
   * SSUBSCRIBE to a room's channels (one slot) on the shard that owns them.
   * Right after the cluster is ready ioredis may still be creating its sharded
   * subscribers, which refuses the command: retry for a few seconds.
   */
  private async shardSubscribe(...channels: string[]): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.subscriber.ssubscribe(...channels)
        return
      } catch (error) {
        if (attempt >= 50) throw error
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    }
  }

  /** ioredis rebuilt its sharded subscribers (failover, slot move): anything may have been missed. */
  private readonly onShardsResubscribed = (): void => {
    void this.catchUpAll()
  }

  /**
   * After a reconnect: every room checks its log's failover fence, then one
   * batched read of every held room's log head (see {@link readLogHeads});
   * only rooms behind it then read their stream. If even that fails, every
   * room reads its stream as it can.
   */
  private async catchUpAll(): Promise<void> {
    // Each room checks its log's fence (one HGET; see LogRepair) before the batched head read.
    for (const handlers of this.rooms.values()) for (const h of handlers) h.onReconnected()
    const roomIds = [...this.rooms.keys()]
    try {
      const heads = await readLogHeads(this.publisher, this.options.prefix, roomIds)
      for (const [roomId, seq] of heads) for (const h of this.rooms.get(roomId) ?? []) h.onHead(seq)
    } catch (error) {
      this.warnHeadsFailed({ err: error })
      for (const handlers of this.rooms.values()) for (const h of handlers) h.onResync()
    }
  }

  private readonly onReady = (): void => {
    void this.subscriber
      .subscribe(
        heartbeatChannel(this.options.prefix),
        accessChannel(this.options.prefix),
        headsChannel(this.options.prefix)
      )
      .catch(() => undefined)
    // Everything published while we were away was dropped: catch up from the
    // log, and give other servers a fresh grace period before declaring them gone.
    const now = Date.now()
    for (const server of this.lastSeen.keys()) this.lastSeen.set(server, now)
    if (!this.everReady) {
      this.everReady = true
      return
    }
    this.options.logger.info({ rooms: this.rooms.size }, 'bus reconnected; rooms catch up from the log')
    void this.catchUpAll()
  }

  private readonly checkServers = (): void => {
    if (this.subscriber.status !== 'ready') return
    const now = Date.now()
    for (const [server, seen] of this.lastSeen) {
      if (server === this.options.serverId || now - seen < SERVER_GONE_MS) continue
      this.lastSeen.delete(server)
      this.audience.forgetServer(server)
      this.options.logger.info({ server }, 'server gone; removing its clients’ presence')
      for (const handlers of this.rooms.values()) for (const h of handlers) h.onServerGone(server)
    }
  }
}
