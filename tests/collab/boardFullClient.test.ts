/**
 * The browser's side of the quotas: the board's `CollabSession` (the app's
 * own client, over a real socket) turns a quota close into a notice the UI
 * shows, and stops reconnecting, so a full board does not refuse the same
 * unsaved edit every few seconds. Embedded mode: the client code is the same
 * in both.
 *
 * Bugs it would catch: a quota close handled like a network drop (the badge
 * says "Reconnecting…" for ever and nothing explains it), a full board
 * retried in a loop, and a notice that survives the user's reconnect.
 */
import { afterEach, expect, test } from 'vitest'
import { CloseCode } from '@/lib/collab/closeCodes'
import type { CollabSession } from '@/lib/collab/CollabSession'
import { openBoardSession } from '../support/boardSession'
import { startCluster, type CollabCluster } from '../support/collabModes'
import { eventually } from '../support/providers'
import { probes } from '../support/boardProbes'

let cluster: CollabCluster
let session: CollabSession | null = null
afterEach(async () => {
  session?.dispose()
  await cluster.close()
})

test('a full board: the write is refused with 4413, the session shows the notice, turns read-only and does not retry', async () => {
  cluster = await startCluster('embedded', { roomLogMaxBytes: 64 * 1024 })
  const room = 'board-full-client'
  const opened = openBoardSession(cluster.writerUrl, room)
  session = opened.session
  const current = session
  await eventually(() => current.getState().connection === 'connected', 10_000, 'the board to connect')

  probes(current.doc, 'probe').set('paste', 'x'.repeat(100 * 1024))
  await eventually(() => current.getState().notice !== null, 10_000, 'a notice')
  const { notice } = current.getState()
  expect(notice).toMatchObject({ code: CloseCode.BoardFull, readOnly: true, canRetry: false })
  expect(notice!.message).toMatch(/board is full/)
  // No reconnect loop: the provider stays down, and no new token was fetched.
  const fetched = opened.tokensFetched()
  expect(current.provider.shouldConnect).toBe(false)
  expect(opened.tokensFetched()).toBe(fetched)

  // The user asks to reconnect: the notice clears, and the unsaved edit is refused again.
  current.reconnect()
  expect(current.getState().notice).toBeNull()
  await eventually(() => current.getState().notice?.code === CloseCode.BoardFull, 10_000, 'the notice again')
  expect(opened.tokensFetched()).toBe(fetched + 1)
})
