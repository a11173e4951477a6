import { wirePresenceSchema, wireUserId } from '@/lib/presence/presenceWire'
import type { AwarenessEntry } from './awarenessEntries'
import { AwarenessRejectedError } from './errors'

/** What the gate needs to know about the room's awareness. */
export interface PresenceFacts {
  /** The awareness client id this connection already publishes, if any. */
  claimed: number | undefined
  /** The clock the room has for `clientId`, or undefined if it never saw it. */
  clockOf(clientId: number): number | undefined
  /** True when `clientId` is the room's own, another local peer's, or another server's. */
  ownedByOthers(clientId: number): boolean
}

/** The entries to apply, and the client id this connection publishes from now on. */
export interface GatedPresence {
  entries: AwarenessEntry[]
  claimed: number | undefined
}

/**
 * Decides which entries of a connection's awareness update the room applies.
 *
 * A connection publishes exactly one awareness client id: the first one it
 * sets a state for that nobody else holds. Its states must be valid compact
 * presence (`lib/presence/presenceWire.ts`) and are stamped with the
 * connection's user (`u`), so nobody can show a cursor under another name;
 * `null` (leaving) and `{}` (y-protocols' initial state, before the app sets
 * a presence) are accepted for its own id.
 *
 * Entries for ids other people hold are dropped without a word: the stock
 * y-websocket client echoes every awareness change back to the server,
 * including other people's states and its local expiry of stale ones
 * (`null`), so a client clearing another's state is dropped, not closed.
 *
 * An id the room has never seen, once the connection holds its own, can only
 * be invented: the whole frame is refused (the connection closes with 4400),
 * so a flood of invented ids records and relays nothing.
 *
 * @throws AwarenessRejectedError for an invalid state or an invented id.
 */
export function gatePresence(entries: readonly AwarenessEntry[], facts: PresenceFacts, userId: string): GatedPresence {
  let claimed = facts.claimed
  const kept: AwarenessEntry[] = []
  for (const entry of entries) {
    const { clientId, clock, state } = entry
    if (clientId !== claimed) {
      if (facts.ownedByOthers(clientId)) continue
      const known = facts.clockOf(clientId)
      if (known === undefined && (claimed !== undefined || state === null)) {
        throw new AwarenessRejectedError('a connection may publish one awareness client id')
      }
      // A stale echo of someone who left, or a removal of someone else's state: nothing to do.
      if (claimed !== undefined || state === null || (known !== undefined && clock <= known)) continue
      claimed = clientId
    }
    kept.push({ clientId, clock, state: state === null ? null : stamped(state, userId) })
  }
  return { entries: kept, claimed }
}

/** The validated presence with the connection's user in it; `{}` (a client that has not drawn yet) stays as is. */
function stamped(state: unknown, userId: string): unknown {
  if (isEmptyObject(state)) return {}
  const parsed = wirePresenceSchema.safeParse(state)
  if (!parsed.success) throw new AwarenessRejectedError('awareness state is not a valid presence')
  return { ...parsed.data, u: wireUserId(userId) }
}

/** `{}`: what y-protocols' Awareness starts with before the app sets a presence. */
function isEmptyObject(state: unknown): boolean {
  return typeof state === 'object' && state !== null && !Array.isArray(state) && Object.keys(state).length === 0
}
