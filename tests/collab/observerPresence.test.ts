import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { Role } from '@/lib/access/roles'
import { colorFor } from '@/lib/presence/participantColor'
import { fromWirePresence } from '@/lib/presence/presenceWire'
import { COLLAB_MODES, startCluster, type CollabCluster } from '../support/collabModes'
import { connectProvider, eventually, synced } from '../support/providers'
import { awarenessFrame, RawPeer } from '../support/rawPeer'

/**
 * An observer's cursor under their own name. Names and colours normally come
 * from each participant's `user:` record on the board, but an observer may
 * not write to the board, so everyone saw the observer's cursor (and their
 * avatar in the people menu) as a grey "Guest". The server now stamps a
 * read-only participant's account name and default colour on their presence;
 * what a client claims there is replaced, and writers' frames stay as lean as before.
 */
let cluster: CollabCluster
const cleanups: (() => void)[] = []

async function member(room: string, userId: string, role: Role): Promise<void> {
  await cluster.servers[0]!.directory.putMember(room, { userId, name: userId, role, joinedAt: Date.now() })
}

async function peer(room: string, user: string, name: string, role: Role): Promise<RawPeer> {
  const p = await RawPeer.open(cluster.writerUrl, room, { user, name, role })
  cleanups.push(() => p.close())
  return p
}

describe.each(COLLAB_MODES)('observer presence (%s)', (mode) => {
  beforeEach(async () => {
    cluster = await startCluster(mode, { checkMembers: true })
  })
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) cleanup()
    await cluster.close()
  })

  test("an observer's cursor carries their account name and colour; a client's claim is replaced; a writer's carries none", async () => {
    const room = 'observer-look-1'
    await member(room, 'guest:olga', 'interviewer')
    await member(room, 'guest:cid', 'candidate')
    await member(room, 'guest:oscar', 'observer')
    const olga = connectProvider(cluster.readerUrl, room, { user: 'guest:olga' })
    cleanups.push(olga.destroy)
    await synced(olga.provider)

    const oscar = await peer(room, 'guest:oscar', 'Oscar', 'observer')
    oscar.send(
      awarenessFrame([
        { clientId: 4242, clock: 1, state: { u: 'x', p: 'page', k: [5, 5], n: 'The Boss', c: '#000000' } },
      ])
    )
    const cid = await peer(room, 'guest:cid', 'Cid', 'candidate')
    cid.send(awarenessFrame([{ clientId: 4343, clock: 1, state: { u: 'x', p: 'page', k: [7, 7], n: 'Not Cid' } }]))
    await Promise.all([oscar.barrier(), cid.barrier()])

    const states = olga.provider.awareness.getStates()
    await eventually(() => states.get(4242)?.k?.[0] === 5 && states.get(4343)?.k?.[0] === 7, 5_000, 'both cursors')
    expect(states.get(4242)).toMatchObject({ u: 'guest_oscar', n: 'Oscar', c: colorFor('guest:oscar') })
    expect(states.get(4343)).toMatchObject({ u: 'guest_cid' })
    expect(states.get(4343)).not.toHaveProperty('n')
    expect(states.get(4343)).not.toHaveProperty('c')

    // Olga's board: the observer has no user record, so their cursor wears the stamped look, not "Guest".
    const noRecord = () => null
    expect(fromWirePresence(4242, states.get(4242), 0, noRecord)).toMatchObject({
      userName: 'Oscar',
      color: colorFor('guest:oscar'),
    })
    // A participant with a user record keeps the name and colour they chose.
    const record = () => ({ name: 'Oscar P.', color: '#11B3A3' })
    expect(fromWirePresence(4242, states.get(4242), 0, record)).toMatchObject({
      userName: 'Oscar P.',
      color: '#11B3A3',
    })
  })
})
