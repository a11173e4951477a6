import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { COLLAB_MODES, startCluster, type CollabCluster } from '../support/collabModes'
import { connectProvider, eventually, synced } from '../support/providers'

/**
 * A quiet socket is not a dead one. The stock y-websocket client closes and
 * reopens a socket that received nothing for 30 s, and the server never
 * echoes a client's own presence, so a person alone on a board (and every
 * session-document socket) reconnected every ~30 s: the badge flickered
 * "Reconnecting…" and each reconnect fetched a token and re-synced. Now a
 * connection that got nothing for a whole round is sent an empty awareness
 * update (3 bytes, changes nothing), which is what y-websocket's timer counts.
 */
const ROUND_MS = 200
let cluster: CollabCluster
const cleanups: (() => void)[] = []

describe.each(COLLAB_MODES)('quiet keepalive (%s)', (mode) => {
  beforeEach(async () => {
    cluster = await startCluster(mode, { quietKeepaliveMs: ROUND_MS })
  })
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) cleanup()
    await cluster.close()
  })

  test('a lone y-websocket client keeps hearing from the server, and nothing in its awareness changes', async () => {
    const alone = connectProvider(cluster.writerUrl, 'quiet-alone-1')
    cleanups.push(alone.destroy)
    await synced(alone.provider)
    let changes = 0
    alone.provider.awareness.on('change', () => changes++)
    const heard = () => alone.provider.wsLastMessageReceived
    const after = heard()
    // Several rounds of nothing but keepalives: y-websocket's clock of the last message keeps moving.
    await eventually(() => heard() >= after + 3 * ROUND_MS, 5_000, 'three rounds of keepalives')
    expect(alone.provider.wsconnected).toBe(true)
    expect(changes).toBe(0)
  })

  test('a session-document socket (nobody writes it over the wire) keeps hearing from the server too', async () => {
    const session = connectProvider(cluster.readerUrl, 'quiet-session-1', { roomDoc: 'session' })
    cleanups.push(session.destroy)
    await synced(session.provider)
    const after = session.provider.wsLastMessageReceived
    await eventually(
      () => session.provider.wsLastMessageReceived >= after + 3 * ROUND_MS,
      5_000,
      'three rounds of keepalives'
    )
    expect(session.provider.wsconnected).toBe(true)
  })
})
