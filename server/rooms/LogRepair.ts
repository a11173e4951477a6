import { randomBytes } from 'node:crypto'
import * as Y from 'yjs'
import type { Logger } from 'pino'
import type { NewLogEntry, RoomStorage } from '../storage/RoomStorage'
import { LogFenceError, type LogFence } from '../storage/logFence'
import type { LogFollower } from './LogFollower'
import { applyAndCapture } from './captureUpdate'
import { logRepairs } from '../ops/metrics'
import { SYSTEM_AUTHOR } from './seedRoom'

/** Author of the entries a repair appends (they may hold several users' edits). */
export const REPAIR_AUTHOR = SYSTEM_AUTHOR

/** Repairs in a row one append may go through before it gives up (the room then fails and reloads). */
const MAX_REPAIRS_PER_APPEND = 5

/** Times a repair reads the log again because another server appended first. */
const MAX_REPAIR_ROUNDS = 20

/**
 * How long an append retries while Redis is unreachable (a Sentinel failover
 * takes a few seconds) before the room fails. Riding it out keeps the room
 * and its clients: a room that failed reloads from the log that lost entries,
 * and its clients resend them, each to its own server, racing each other into
 * the log twice; a room that waits repairs the log once (compare-and-append).
 */
const UNREACHABLE_RETRY_MS = 15_000
const UNREACHABLE_PAUSE_MS = 250

/**
 * Errors of a Redis that is unreachable or being failed over: ioredis gave up
 * waiting for a reconnect, or a demoted primary refuses writes. Not "Connection
 * is closed" (the storage was closed: fail at once).
 */
function isUnreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  return (
    error.name === 'MaxRetriesPerRequestError' ||
    error.message.startsWith('Reached the max retries') ||
    error.message.startsWith('READONLY')
  )
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Origin of the repair's own changes to its copy of the log's doc. */
const REPAIR = Symbol('repair')

/** What a {@link LogRepair} needs from its room. */
export interface LogRepairHost {
  readonly roomId: string
  /** The room's doc: everything this server accepted or applied. */
  readonly doc: Y.Doc
  readonly storage: RoomStorage
  readonly fence: LogFence
  readonly logger: Logger
  /** Applies an update read from the log to the room's doc (what is new goes to its peers). */
  applyFromLog(update: Uint8Array): void
  /** Stops the room's log follower and installs a fresh one, not started: it keeps what the bus delivers meanwhile. */
  restartFollower(): LogFollower
}

/**
 * Keeps a room's log holding every update this server accepted, across a
 * failover of the Redis node that holds it (see `RedisLogFence`).
 *
 * The room appends through {@link append}, fenced with this server's token.
 * When the fence is gone (the node lost acknowledged writes; or found gone by
 * {@link verifyAfter} after the bus reconnected) the room repairs before anything
 * else is appended: it arms a new token, reads the log (snapshot and entries),
 * applies it to its doc (entries other servers appended under reused sequence
 * numbers), appends the state-vector diff of its doc against the log's doc
 * (what the log lacks: one entry, nothing if nothing was lost) with a
 * compare-and-append (so two servers repairing at once never log the same
 * edit twice: the second reads the first's entry and appends only the rest),
 * and restarts its log follower at the new end of the log (so no entry under
 * a reused number is skipped). Updates accepted before the repair are in its
 * entry: their own appends are skipped ({@link append} returns null).
 *
 * Must run inside the room's write chain: appends and repairs one at a time.
 *
 * @example
 * ```ts
 * const repair = new LogRepair(host)
 * await repair.arm() // before reading the log
 * const index = repair.accepted() // when an update is applied to the doc
 * const seq = await repair.append(index, entry) // in the write chain; null: logged by a repair
 * ```
 */
export class LogRepair {
  private token = ''
  /** Updates accepted so far (their index), and the last one a repair entry holds. */
  private acceptedCount = 0
  private coveredUpTo = 0
  private repairing = false

  constructor(private readonly host: LogRepairHost) {}

  /** A repair for `host`'s room, its fence armed (call before reading the log). */
  static async start(host: LogRepairHost): Promise<LogRepair> {
    const repair = new LogRepair(host)
    await repair.arm()
    return repair
  }

  /** True while a repair runs (the room's log position is being rebuilt: no snapshot now). */
  get busy(): boolean {
    return this.repairing
  }

  /** Arms a fresh token. Call before reading the log, so any loss after the read trips the fence. */
  async arm(): Promise<void> {
    const token = randomBytes(9).toString('base64url')
    await this.host.fence.arm(this.host.roomId, token)
    this.token = token
  }

  /** Counts an update just applied to the doc; pass the index to {@link append}. */
  accepted(): number {
    return ++this.acceptedCount
  }

  /** True while the fence holds (no loss since it was armed). */
  holds(): Promise<boolean> {
    return this.host.fence.holds(this.host.roomId, this.token)
  }

  /**
   * Appends accepted update number `index`, fenced. Resolves with its
   * sequence number, or null when a repair's entry already holds it.
   */
  async append(index: number, entry: NewLogEntry): Promise<number | null> {
    const deadline = Date.now() + UNREACHABLE_RETRY_MS
    for (let repairs = 0; ;) {
      if (index <= this.coveredUpTo) return null
      try {
        return await this.host.storage.appendUpdate(this.host.roomId, { ...entry, fence: { token: this.token } })
      } catch (error) {
        if (error instanceof LogFenceError && repairs++ < MAX_REPAIRS_PER_APPEND) await this.repair()
        else if (isUnreachable(error) && Date.now() < deadline) await pause(UNREACHABLE_PAUSE_MS)
        else throw error
      }
    }
  }

  /**
   * After `chain` (a room's write chain), unless the room `failed()` by then:
   * repairs the log if its fence is gone (the bus reconnected: a failover may
   * have happened). A check that cannot reach Redis is only logged (the next
   * append is fenced anyway); a repair that fails goes to `fail`, because the
   * room no longer follows its log.
   */
  verifyAfter(chain: Promise<void>, failed: () => boolean, fail: (error: unknown) => void): Promise<void> {
    return chain.then(async () => {
      if (failed()) return
      const holds = await this.holds().catch((error: unknown) => {
        this.host.logger.warn({ err: error, room: this.host.roomId }, 'log fence check failed')
        return true
      })
      if (!holds) await this.repair().catch(fail)
    })
  }

  /** Puts back into the log whatever the doc holds that the log lacks (see the class). */
  async repair(): Promise<void> {
    this.repairing = true
    try {
      await this.arm()
      const follower = this.host.restartFollower()
      for (let attempt = 1; ; attempt++) {
        const appended = await this.appendMissing()
        if (appended === 'moved' && attempt < MAX_REPAIR_ROUNDS) continue
        if (appended === 'moved') throw new Error(`room ${this.host.roomId}: the log kept moving during its repair`)
        follower.start(appended.top)
        logRepairs.inc({ appended: appended.bytes > 0 ? 'yes' : 'no' })
        if (appended.bytes > 0) {
          this.host.logger.warn(
            { room: this.host.roomId, seq: appended.top, bytes: appended.bytes },
            'the log had lost accepted updates (failover); appended them again'
          )
        }
        return
      }
    } finally {
      this.repairing = false
    }
  }

  /**
   * Reads the log into a doc of its own (and into the room's), then appends
   * the room doc's diff against it right after the log's last entry. Resolves
   * with the log's new end, or `moved` when another server appended first.
   */
  private async appendMissing(): Promise<{ top: number; bytes: number } | 'moved'> {
    const logDoc = new Y.Doc()
    try {
      const stored = await this.host.storage.loadRoom(this.host.roomId)
      let top = 0
      for (const update of [stored.snapshot, ...stored.entries]) {
        if (!update) continue
        Y.applyUpdate(logDoc, update.update)
        this.host.applyFromLog(update.update)
        top = update.seq
      }
      // Synchronously with the diff: every update accepted so far is in it.
      this.coveredUpTo = this.acceptedCount
      const diff = Y.encodeStateAsUpdate(this.host.doc, Y.encodeStateVector(logDoc))
      // What the diff changes in the log's doc is exactly what the log lacks (null: nothing).
      const missing = applyAndCapture(logDoc, diff, REPAIR)
      if (!missing) return { top, bytes: 0 }
      const entry = { time: Date.now(), author: REPAIR_AUTHOR, update: missing }
      try {
        const seq = await this.host.storage.appendUpdate(this.host.roomId, {
          ...entry,
          fence: { token: this.token, afterSeq: top },
        })
        return { top: seq, bytes: missing.byteLength }
      } catch (error) {
        if (!(error instanceof LogFenceError)) throw error
        if (error.reason === 'lost') await this.arm() // another failover meanwhile: start over
        return 'moved'
      }
    } finally {
      logDoc.destroy()
    }
  }
}
