/**
 * The replay benchmark's session (scenario 8, also the cold tier's): a
 * synthetic 60-minute system-design interview. Two people (80 % of the
 * actions by the candidate) grow a board to ~440 shapes (palette blocks with
 * a label and a number line, arrows bound to them, labelled note boxes), with
 * most updates being field-level edits: drags (one `x`/`y` write per pointer
 * frame), resizes, labels typed key by key, style changes and a few deletes.
 * Timestamps spread over 60 minutes (bursts of frames and keystrokes, idle
 * gaps between actions). It is generated with a seeded PRNG, so every run
 * and machine replays the same log.
 *
 * The updates are real: each store batch is written the way
 * `StoreYjsBinding` writes it (`recordToYMap` for new records,
 * `writeRecordChanges` for changed fields only, `delete` for removed ones;
 * `lib/binding/yRecords.ts`), in its own transaction of the author's Y.Doc,
 * and the update that transaction emits is one log entry (the provider sends
 * every update by itself, the server logs each). The docs of the server (the
 * seed, entry 1), the interviewer and the candidate each have their own Yjs
 * client id and apply each other's updates, as over the wire. tldraw's editor
 * is not driven (it needs jsdom and would dominate the time): the records it
 * would write are built here, and each new one is checked against the
 * board's schema.
 */
import type { TimelineEntry } from '@/lib/replay/ReplayTimeline'
import { seededRandom } from '../support/seededRandom'
import { SessionLog } from './sessionLog'
import { SessionScript } from './sessionScript'

const SESSION_MS = 60 * 60_000
/** Server time of the first entry (any fixed epoch). */
const START = 1_700_000_000_000
/** Shapes on the board at the end, per log entry (≈440 for 20,000 entries). */
const SHAPES_PER_ENTRY = 0.022

export interface Session {
  entries: TimelineEntry[]
  shapes: number
  finalBoardBytes: number
}

/**
 * The synthetic session: `count` log entries over 60 minutes. The board grows
 * steadily to `count × SHAPES_PER_ENTRY` shapes; the other actions edit it.
 * In-burst delays are kept; the rest of the hour is spread over the idle gaps
 * before each action (exponentially distributed).
 */
export function buildSession(count: number): Session {
  const log = new SessionLog()
  const random = seededRandom(0x5eed)
  const script = new SessionScript(log, random)
  const targetShapes = Math.max(4, Math.round(count * SHAPES_PER_ENTRY))
  while (log.steps.length < count) script.act(script.shapes < (targetShapes * log.steps.length) / count + 2)
  const steps = log.steps.slice(0, count)
  const burstMs = steps.reduce((sum, step) => sum + (step.think ? 0 : step.delay), 0)
  const weights = steps.map((step) => (step.think ? -Math.log(1 - random()) : 0))
  const idleScale = Math.max(0, SESSION_MS - burstMs) / weights.reduce((sum, w) => sum + w, 0)
  let time = START
  const entries = steps.map((step, i): TimelineEntry => {
    if (i) time += step.think ? weights[i]! * idleScale : step.delay
    return { seq: i + 1, time: Math.round(time), update: step.update }
  })
  const session = { entries, shapes: script.shapes, finalBoardBytes: log.encodedBoard().byteLength }
  log.destroy()
  return session
}

/**
 * Seek times (server time) spread at random over the session. Each is made
 * cold by the replay benchmark (a seek to the start first), so the order does not
 * matter. (An earlier version picked only times "cold" relative to the
 * previous one, which never terminates when the log is shorter than K.)
 */
export function coldSeekTimes(entries: TimelineEntry[], seeks: number): number[] {
  const random = seededRandom(0x5eec)
  const start = entries[0]!.time
  const span = entries.at(-1)!.time - start
  return Array.from({ length: seeks }, () => start + Math.round(random() * span))
}
