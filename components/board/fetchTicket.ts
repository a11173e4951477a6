import { AccessDeniedError, type CollabTicket } from '@/lib/collab/TicketedConnection'
import type { RoomDoc } from '@/lib/access/roles'

/** Fetches a collab token for the room from the app (the session cookie identifies the user). */
export async function fetchTicket(roomId: string, doc: RoomDoc = 'board'): Promise<CollabTicket> {
  const response = await fetch(`/api/rooms/${encodeURIComponent(roomId)}/token?doc=${doc}`, { cache: 'no-store' })
  if (response.status === 401) throw new AccessDeniedError('Your session ended. Sign in again to keep working.')
  if (response.status === 403) throw new AccessDeniedError('You are no longer a member of this board.')
  if (!response.ok) throw new Error(`token request failed: ${response.status}`)
  return (await response.json()) as CollabTicket
}
