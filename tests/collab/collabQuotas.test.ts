/**
 * Quotas on the collab path, over real sockets, in both modes (embedded;
 * Redis with two servers, writer on A and reader on B). The audit's attacks:
 * a candidate sent 200 updates of ~2 MiB in 11 s, all accepted; one token
 * held 300 sockets. Each test proves the refusal with its close code and
 * that everyone else keeps working, by a barrier write that arrives after
 * the attack, never by waiting and seeing nothing.
 */
import { afterEach, describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'
import { CloseCode } from '@/lib/collab/closeCodes'
import { DEFAULT_SOCKETS_PER_USER } from '@/server/collab/CollabServer'
import { COLLAB_MODES, startCluster, type CollabCluster } from '../support/collabModes'
import { connectProvider, eventually, synced } from '../support/providers'
import { probeWrite, RawPeer, updateFrame } from '../support/rawPeer'
import { probes } from '../support/boardProbes'

const MiB = 1024 * 1024
let cluster: CollabCluster
const cleanups: (() => void)[] = []

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup()
  await cluster.close()
})

function client(room: string, user: string, on: 'writer' | 'reader') {
  const c = connectProvider(on === 'writer' ? cluster.writerUrl : cluster.readerUrl, room, { user })
  cleanups.push(c.destroy)
  return c
}

async function peer(url: string, room: string, user: string, path?: string): Promise<RawPeer> {
  const p = await RawPeer.open(url, room, { user, role: 'candidate', path })
  cleanups.push(() => p.close())
  return p
}

/** An update frame that writes probe `key` (a valid board record) holding a string of about `bytes` bytes, from a fresh client. */
function pasteFrame(key: string, bytes: number): Uint8Array {
  const doc = new Y.Doc()
  probes(doc, 'probe').set(key, 'x'.repeat(bytes))
  return updateFrame(Y.encodeStateAsUpdate(doc))
}

/** Resolves with the code of the provider's next close. */
function nextClose(provider: WebsocketProvider): Promise<number> {
  return new Promise((resolve) => {
    const onClose = (event: CloseEvent | null) => {
      provider.off('connection-close', onClose)
      resolve(event?.code ?? -1)
    }
    provider.on('connection-close', onClose)
  })
}

/** Whether a socket's first event was a frame (`open`: admitted) or its close. */
function firstEvent(p: RawPeer): Promise<string> {
  if (p.received.length > 0) return Promise.resolve('open')
  return new Promise((resolve) => {
    p.socket.once('message', () => resolve('open'))
    void p.closed.then((code) => resolve(`closed ${code}`))
  })
}

/** Resolves once every server's copy of `room` has its accepted updates in the log. */
async function flushed(room: string): Promise<void> {
  for (const server of cluster.servers) {
    if (!server.collab.rooms.has(room)) continue
    const live = await server.collab.rooms.acquire(room)
    await live.flush()
    server.collab.rooms.release(live)
  }
}

/** Keys of `probe` written by the log's entries. */
async function loggedProbeKeys(room: string): Promise<string[]> {
  const doc = new Y.Doc()
  for (const entry of await cluster.servers[0]!.storage.readLog(room)) Y.applyUpdate(doc, entry.update)
  return probes(doc, 'probe').keys()
}

describe.each(COLLAB_MODES)('collab quotas (%s)', (mode) => {
  test('a burst of 2 MiB updates is cut off with the byte-quota code; a legit pair in the room keeps editing', async () => {
    cluster = await startCluster(mode)
    const room = 'quota-bytes-1'
    const alice = client(room, 'user:alice', 'writer')
    const bob = client(room, 'user:bob', 'reader')
    await Promise.all([synced(alice.provider), synced(bob.provider)])

    let edits = 0
    const editing = setInterval(() => probes(alice.doc, 'edits').set(`e${edits}`, edits++), 10)
    const attacker = await peer(cluster.writerUrl, room, 'user:mallory')
    const frame = 2 * MiB - 256
    for (let i = 0; i < 40; i++) attacker.send(pasteFrame(`flood${i}`, frame))
    const code = await attacker.closed
    clearInterval(editing)
    expect(code).toBe(CloseCode.ByteBudgetExceeded)

    // The barrier: a write after the attack reaches bob, and every edit before it too.
    probes(alice.doc, 'edits').set('after-attack', edits)
    await eventually(() => probes(bob.doc, 'edits').has('after-attack'), 10_000, 'the barrier write to reach bob')
    expect(probes(bob.doc, 'edits').size).toBe(edits + 1)
    probes(bob.doc, 'edits').set('from-bob', true)
    await eventually(() => probes(alice.doc, 'edits').has('from-bob'), 5_000, "bob's edit to reach alice")

    await flushed(room)
    const flooded = (await loggedProbeKeys(room)).filter((key) => key.startsWith('flood'))
    console.log(
      `[${mode}] byte budget: 40 frames of ${(frame / MiB).toFixed(2)} MiB sent, ${flooded.length} accepted ` +
        `before close ${code}; the pair made ${edits} edits, all delivered`
    )
    // 8 MiB burst: four frames at most (plus what refills in the meantime).
    expect(flooded.length).toBeGreaterThanOrEqual(1)
    expect(flooded.length).toBeLessThanOrEqual(4)
  })

  test('a client that stops reading is dropped as too slow once its backlog passes the limit; others get every update', async () => {
    const limit = 512 * 1024
    cluster = await startCluster(mode, {
      limits: { maxBufferedBytes: limit, bytesPerSecond: 64 * MiB, byteBurst: 64 * MiB },
    })
    const room = 'quota-slow-1'
    const bob = client(room, 'user:bob', 'reader')
    await synced(bob.provider)
    const slow = await peer(cluster.readerUrl, room, 'user:slow')
    await slow.barrier()
    slow.socket.pause() // reads nothing more: the server's frames pile up in the kernel and then in its buffer

    // 12 pastes of 1 MiB: far more than the loopback socket buffers (a few MiB) and the limit together.
    const filler = await peer(cluster.writerUrl, room, 'user:filler')
    const pastes = 12
    for (let i = 0; i < pastes; i++) filler.send(pasteFrame(`p${i}`, MiB))
    filler.send(probeWrite('barrier', true)) // after the pastes on the same socket, so it reaches bob after them
    await eventually(() => probes(bob.doc, 'probe').has('barrier'), 20_000, 'every paste and the barrier to reach bob')
    expect(
      probes(bob.doc, 'probe')
        .keys()
        .filter((key) => key.startsWith('p'))
    ).toHaveLength(pastes)
    expect(filler.isOpen).toBe(true)

    // Reading again, the slow client finds the updates that fit, then the close.
    slow.socket.resume()
    expect(await slow.closed).toBe(CloseCode.TryAgainLater)
    const gotPastes = Array.from({ length: pastes }, (_, i) => slow.sawProbe(`p${i}`)).filter(Boolean).length
    console.log(
      `[${mode}] slow reader: got ${gotPastes} of ${pastes} pastes of 1 MiB before close ${CloseCode.TryAgainLater}`
    )
    expect(gotPastes).toBeLessThan(pastes)
  })

  test('the socket past COLLAB_SOCKETS_PER_USER is refused with its code; other users and freed slots still connect', async () => {
    cluster = await startCluster(mode)
    const max = DEFAULT_SOCKETS_PER_USER
    // Opened all at once over many rooms and documents, so some race through admission together.
    const attempts = await Promise.all(
      Array.from({ length: max + 8 }, (_, i) =>
        peer(
          cluster.writerUrl,
          `quota-sockets-${i % 5}`,
          'user:hoarder',
          i % 3 === 1 ? `quota-sockets-${i % 5}/session` : undefined
        )
      )
    )
    // Every admitted socket gets sync step 1 from its room; a refused one only its close.
    const outcome = await Promise.all(attempts.map(firstEvent))
    const open = attempts.filter((p, i) => outcome[i] === 'open' && p.isOpen)
    const refused = await Promise.all(attempts.filter((_, i) => outcome[i] !== 'open').map((p) => p.closed))
    console.log(
      `[${mode}] sockets per user: ${attempts.length} attempts, ${open.length} open, refused with ${[...new Set(refused)]}`
    )
    expect(open).toHaveLength(max)
    expect(refused).toEqual(Array.from({ length: 8 }, () => CloseCode.TooManyConnections))

    // Another user is not affected; in Redis mode the limit is per server process.
    const other = await peer(cluster.writerUrl, 'quota-sockets-0', 'user:other')
    await other.barrier()
    if (mode === 'redis') await (await peer(cluster.readerUrl, 'quota-sockets-0', 'user:hoarder')).barrier()

    // A closed socket frees its slot.
    open[0]!.close()
    await open[0]!.closed
    const again = await peer(cluster.writerUrl, 'quota-sockets-1', 'user:hoarder')
    await again.barrier()
    const oneTooMany = await peer(cluster.writerUrl, 'quota-sockets-2', 'user:hoarder')
    expect(await oneTooMany.closed).toBe(CloseCode.TooManyConnections)
  })

  test('a board at its log quota refuses new writes with "board full", on every server, while it still opens and reads', async () => {
    const quota = MiB
    cluster = await startCluster(mode, { roomLogMaxBytes: quota })
    const room = 'quota-log-1'
    const bob = client(room, 'user:bob', 'reader')
    await synced(bob.provider)

    // A writer on A pastes 300 KB at a time until the board is full.
    const filler = await peer(cluster.writerUrl, room, 'user:filler')
    for (let i = 0; i < 6; i++) filler.send(pasteFrame(`f${i}`, 300_000))
    expect(await filler.closed).toBe(CloseCode.BoardFull)
    await flushed(room) // the updates accepted before the refusal may still be on their way into the log
    const kept = await loggedProbeKeys(room)
    const refusedKey = `f${kept.length}`
    expect(kept).toEqual(Array.from({ length: kept.length }, (_, i) => `f${i}`))
    expect(kept.length).toBe(3) // 3 × 300 KB and the seed fit in 1 MiB; a fourth does not

    // The board still opens for a writer on the other server (its sync step 2 holds nothing new)…
    const alice = client(room, 'user:alice', 'reader')
    await synced(alice.provider)
    expect(probes(alice.doc, 'probe').keys().sort()).toEqual(kept)
    // …whose new content is refused there too (B counted A's appends from the log).
    const closed = nextClose(alice.provider)
    probes(alice.doc, 'probe').set('more', 'y'.repeat(200_000))
    expect(await closed).toBe(CloseCode.BoardFull)

    // A fresh reader on A gets the board as logged: nothing refused was applied there.
    const carol = client(room, 'user:carol', 'writer')
    await synced(carol.provider)
    expect(probes(carol.doc, 'probe').keys().sort()).toEqual(kept)
    // Deleting content still works (it adds nothing), and is the barrier: bob
    // gets it after anything broadcast before it, which holds nothing refused.
    probes(carol.doc, 'probe').delete('f0')
    await eventually(() => !probes(bob.doc, 'probe').has('f0'), 5_000, 'the deletion to reach bob')
    expect(probes(bob.doc, 'probe').keys().sort()).toEqual(kept.slice(1))
    expect(bob.provider.wsconnected).toBe(true)

    await flushed(room)
    const logged = await loggedProbeKeys(room)
    expect(logged).not.toContain(refusedKey)
    expect(logged).not.toContain('more')
    const logBytes = await cluster.servers[0]!.storage.logBytes(room)
    console.log(
      `[${mode}] log quota ${quota} B: log holds ${logBytes} B after ${kept.length} pastes of 300 KB; ` +
        `${refusedKey} and a write from the other server refused with ${CloseCode.BoardFull}`
    )
    expect(logBytes).toBeLessThanOrEqual(quota)
  })
})
