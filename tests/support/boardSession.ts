import WebSocket from 'ws'
import { atom } from '@tldraw/state'
import { UserRecordType, createUserId } from '@tldraw/tlschema'
import { CollabSession } from '@/lib/collab/CollabSession'
import { testToken } from './tokens'

/** A board's own client in a test, and how many tokens it has fetched (one per connect). */
export interface TestBoardSession {
  session: CollabSession
  tokensFetched(): number
}

/**
 * Opens `room` at `collabUrl` with the board's `CollabSession` (the app's own
 * client, over a real socket) as Ada, a candidate, without local persistence.
 */
export function openBoardSession(collabUrl: string, room: string): TestBoardSession {
  const user = atom(
    'user',
    UserRecordType.create({ id: createUserId('ada'), name: 'Ada', color: '#000', imageUrl: '' })
  )
  let tokens = 0
  const session = new CollabSession({
    collabUrl,
    roomId: room,
    user,
    persistLocally: false,
    WebSocketPolyfill: WebSocket,
    fetchTicket: async () => {
      tokens++
      return { token: await testToken(room, { user: 'user:ada', role: 'candidate' }), role: 'candidate' }
    },
  })
  return { session, tokensFetched: () => tokens }
}
