import { colorFor } from '@/lib/presence/participantColor'
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

/** Who publishes the presence, as the collab token says. */
export interface PresenceAuthor {
  userId: string
  /** The account name the app signed into the token. */
  name: string
  /** False for observers: no `user:` record of theirs can be on the board, so their name and colour ride on the presence. */
  canWrite: boolean
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
 * a read-only author's states also carry their account name and default
 * colour (`n`, `c`; anything the client put there is replaced);
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
export function gatePresence(
  entries: readonly AwarenessEntry[],
  facts: PresenceFacts,
  author: PresenceAuthor
): GatedPresence {
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
    kept.push({ clientId, clock, state: state === null ? null : stamped(state, author) })
  }
  return { entries: kept, claimed }
}

/** The validated presence with the connection's user in it; `{}` (a client that has not drawn yet) stays as is. */
function stamped(state: unknown, author: PresenceAuthor): unknown {
  if (isEmptyObject(state)) return {}
  const parsed = wirePresenceSchema.safeParse(state)
  if (!parsed.success) throw new AwarenessRejectedError('awareness state is not a valid presence')
  const { n: _name, c: _color, ...presence } = parsed.data
  const look = author.canWrite ? {} : { n: author.name.slice(0, 64) || 'Observer', c: colorFor(author.userId) }
  return { ...presence, u: wireUserId(author.userId), ...look }
}

/** `{}`: what y-protocols' Awareness starts with before the app sets a presence. */
function isEmptyObject(state: unknown): boolean {
  return typeof state === 'object' && state !== null && !Array.isArray(state) && Object.keys(state).length === 0
}
