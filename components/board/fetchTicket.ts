import {
  AccessDeniedError,
  BOARD_DELETED,
  NO_LONGER_MEMBER,
  startingWith,
  type CollabTicket,
} from '@/lib/collab/TicketedConnection'
import { fetchJson, HttpError } from '@/lib/http/fetchJson'
import type { RoomDoc } from '@/lib/access/roles'

/** What a refused token fetch tells the user, by status. */
const DENIED: Partial<Record<number, string>> = {
  401: 'Your session ended. Sign in again to keep working.',
  403: NO_LONGER_MEMBER,
  404: BOARD_DELETED,
}

/** Fetches a collab token for the room from the app (the session cookie identifies the user). */
export async function fetchTicket(roomId: string, doc: RoomDoc = 'board'): Promise<CollabTicket> {
  try {
    return await fetchJson<CollabTicket>(`/api/rooms/${encodeURIComponent(roomId)}/token?doc=${doc}`, {
      statusMessage: (status) => `token request failed: ${status}`,
    })
  } catch (error) {
    const denied = error instanceof HttpError ? DENIED[error.status] : undefined
    throw denied ? new AccessDeniedError(denied) : error
  }
}

/**
 * The ticket source of one of the room's documents: `pageTicket` (rendered
 * with the page) for the first connect when there is one, then {@link fetchTicket}.
 */
export function ticketSource(
  roomId: string,
  doc: RoomDoc,
  pageTicket: CollabTicket | null
): () => Promise<CollabTicket> {
  return startingWith(pageTicket, () => fetchTicket(roomId, doc))
}
