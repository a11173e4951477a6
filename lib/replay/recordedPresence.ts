import type { PresenceSample } from './PresenceTrack'

/**
 * How recorded cursors are stored in a board's presence log (`<room>.presence`),
 * shared by the server that writes them and the replay that reads them.
 *
 * One log entry holds every cursor change a server took in one recording
 * tick, as JSON: `{ "p": [{ "c": client, "s": state, "a": author, "d": ms }] }`,
 * where `d` is how long before the entry's time the state was taken (the
 * entry's time is when the tick was written). One entry a tick for the whole
 * room, not one per cursor: with 50 people moving, that is 5 appends a second
 * instead of 250 (each an fsync'd row or a Redis script call).
 *
 * Logs written before this format hold one change per entry, `{ "c", "s" }`,
 * authored by the entry; {@link decodeRecordedPresence} reads both.
 */
export interface RecordedPresenceBatch {
  p: RecordedPresenceState[]
}

/** One cursor change in a {@link RecordedPresenceBatch}. */
export interface RecordedPresenceState {
  /** Awareness client id. */
  c: number
  /** Its presence state, or null when it left. */
  s: unknown
  /** The user whose connection published it. */
  a: string
  /** Milliseconds before the entry's time that it was taken (0 or more). */
  d: number
}

/** A cursor change with the user who made it: what the recorder takes (at `time`) and what replay reads back. */
export interface RecordedPresenceSample extends PresenceSample {
  author: string
}

const encoder = new TextEncoder()
const decoder = new TextDecoder()

/** The bytes of one presence log entry written at `time`, holding `samples` (each taken at its own time, no later). */
export function encodePresenceBatch(samples: readonly RecordedPresenceSample[], time: number): Uint8Array {
  const batch: RecordedPresenceBatch = {
    p: samples.map((sample) => ({
      c: sample.client,
      s: sample.state,
      a: sample.author,
      d: Math.max(0, time - sample.time),
    })),
  }
  return encoder.encode(JSON.stringify(batch))
}

/**
 * The cursor changes one presence log entry holds, oldest first: a batch, or
 * one change in the older single-change format (its author is the entry's).
 * Anything else (not JSON, a malformed change) yields nothing, or only the
 * well-formed changes.
 */
export function decodeRecordedPresence(entry: {
  time: number
  author: string
  update: Uint8Array
}): RecordedPresenceSample[] {
  let value: unknown
  try {
    value = JSON.parse(decoder.decode(entry.update))
  } catch {
    return []
  }
  if (!value || typeof value !== 'object') return []
  const { p, c, s } = value as { p?: unknown; c?: unknown; s?: unknown }
  if (typeof c === 'number') return [{ time: entry.time, client: c, state: s ?? null, author: entry.author }]
  if (!Array.isArray(p)) return []
  const samples: RecordedPresenceSample[] = []
  for (const item of p as Partial<RecordedPresenceState>[]) {
    if (!item || typeof item.c !== 'number' || typeof item.a !== 'string') continue
    const before = typeof item.d === 'number' && item.d > 0 ? item.d : 0
    samples.push({ time: entry.time - before, client: item.c, state: item.s ?? null, author: item.a })
  }
  return samples.sort((x, y) => x.time - y.time)
}
