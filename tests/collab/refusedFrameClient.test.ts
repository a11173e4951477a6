/**
 * The browser's side of a refused frame: when the collab server closes the
 * board's socket with 4400 (a frame it could not accept, such as a presence
 * state that fails the wire schema), y-websocket does not reconnect. The
 * board's `CollabSession` must say so instead of leaving the badge on
 * "Reconnecting…" for ever with the user's edits unsent.
 *
 * Bug it would catch: the state an older client sent when its user selected
 * more than 500 shapes (the server refuses such a presence) left the board
 * silently disconnected.
 */
import { afterEach, expect, test } from 'vitest'
import type { CollabSession } from '@/lib/collab/CollabSession'
import { openBoardSession } from '../support/boardSession'
import { startCluster, type CollabCluster } from '../support/collabModes'
import { eventually } from '../support/providers'

let cluster: CollabCluster
let session: CollabSession | null = null
afterEach(async () => {
  session?.dispose()
  await cluster.close()
})

test('a presence the server refuses (4400) stops the board with a message to reload, and no reconnect loop', async () => {
  cluster = await startCluster('embedded')
  const opened = openBoardSession(cluster.writerUrl, 'refused-frame-client')
  session = opened.session
  const current = session
  await eventually(() => current.getState().connection === 'connected', 10_000, 'the board to connect')

  // What an older client sent for a select-all of 2,000 shapes.
  const selection = Array.from({ length: 2_000 }, (_, i) => `box${i}`)
  current.provider.awareness.setLocalState({ u: 'ada', p: 'page', s: selection })
  await eventually(() => current.getState().denied !== null, 10_000, 'the board to say it stopped')
  expect(current.getState().denied).toMatch(/stopped syncing.*Reload/)
  expect(current.provider.shouldConnect).toBe(false)
  expect(opened.tokensFetched()).toBe(1)
})
