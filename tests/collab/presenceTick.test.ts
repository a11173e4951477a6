/**
 * A busy room's presence arrives coalesced, on one server and across two
 * (README, Architecture: "Presence is coalesced"). Three people move their
 * cursors 30 times each as fast as their sockets go; someone watching (on
 * the other server in Redis mode, through Redis) gets every person's last
 * position, in a handful of merged messages instead of one per move.
 * `server/rooms/PresenceTick.test.ts` pins the tick's exact behaviour with a
 * fake clock.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { COLLAB_MODES, startCluster, type CollabCluster } from '../support/collabModes'
import { eventually } from '../support/providers'
import { awarenessFrame, RawPeer } from '../support/rawPeer'
import { decodeAwarenessEntries } from '@/server/rooms/awarenessEntries'
import * as decoding from 'lib0/decoding'

const MOVES = 30
const PEOPLE = 3

/** The awareness entries of every awareness message `peer` received, one list per message. */
function awarenessMessages(peer: RawPeer) {
  return peer.received
    .filter((frame) => frame[0] === 1)
    .map((frame) => {
      const decoder = decoding.createDecoder(frame)
      decoding.readVarUint(decoder)
      return decodeAwarenessEntries(decoding.readVarUint8Array(decoder))
    })
}

describe.each(COLLAB_MODES)('presence is coalesced (%s)', (mode) => {
  let cluster: CollabCluster
  const peers: RawPeer[] = []

  beforeEach(async () => {
    cluster = await startCluster(mode)
  })
  afterEach(async () => {
    for (const peer of peers.splice(0)) peer.close()
    await cluster.close()
  })

  test(`${PEOPLE} people moving their cursors ${MOVES} times each reach a watcher as a few merged messages with everyone's last position`, async () => {
    const room = `presence-tick-${mode}`
    const open = async (url: string, user: string) => {
      const peer = await RawPeer.open(url, room, { user, role: 'candidate' })
      peers.push(peer)
      await peer.barrier()
      return peer
    }
    const watcher = await open(cluster.readerUrl, 'user:watcher')
    const movers = await Promise.all(
      Array.from({ length: PEOPLE }, (_, i) => open(cluster.writerUrl, `user:mover${i}`))
    )
    const before = awarenessMessages(watcher).length

    for (let move = 1; move <= MOVES; move++) {
      movers.forEach((mover, i) =>
        mover.send(awarenessFrame([{ clientId: 1000 + i, clock: move, state: { u: 'x', p: 'page', k: [move, i] } }]))
      )
    }
    await Promise.all(movers.map((mover) => mover.barrier()))

    // Everyone's last position arrives…
    const last = () => {
      const newest = new Map<number, number>()
      for (const entries of awarenessMessages(watcher))
        for (const { clientId, state } of entries) newest.set(clientId, (state as { k: number[] }).k[0]!)
      return newest
    }
    await eventually(
      () => movers.every((_, i) => last().get(1000 + i) === MOVES),
      10_000,
      "every mover's last position"
    )
    // …in far fewer messages than the 90 moves (one per 50 ms tick at most).
    const messages = awarenessMessages(watcher).slice(before)
    console.log(`[${mode}] ${PEOPLE * MOVES} moves reached the watcher in ${messages.length} awareness messages`)
    expect(messages.length).toBeLessThanOrEqual(10)
    expect(messages.flat().length).toBeLessThan(PEOPLE * MOVES)
  })
})
