import { afterAll, afterEach, describe, expect, test } from 'vitest'
import { PRESENCE_RECORD_HZ } from '@/server/rooms/PresenceRecorder'
import { ReplayTimeline } from '@/lib/replay/ReplayTimeline'
import { decodeRecordedPresence, type RecordedPresenceSample } from '@/lib/replay/recordedPresence'
import { PLAN_45 } from '@/lib/session/sessionConfig'
import { synced } from '../support/providers'
import { COLLAB_MODES_WITH_CLUSTER, stopSharedRedisCluster, type CollabMode } from '../support/collabModes'
import { deploySessions } from '../support/sessionDeployment'
import { probes, probeValues } from '../support/boardProbes'

const olga = { userId: 'guest:olga', name: 'Olga' }
const cid = { userId: 'guest:cid', name: 'Cid' }
const stranger = { userId: 'guest:mallory', name: 'Mallory' }
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls an async check until it holds (or fails after 10 s). */
async function until(check: () => Promise<boolean>, what: string) {
  for (const start = Date.now(); !(await check()); await sleep(20)) {
    if (Date.now() - start > 10_000) throw new Error(`timed out waiting for ${what}`)
  }
}

/** One deployment per mode; in Redis mode edits go to server B while replay reads through A. */
async function deploy(mode: CollabMode) {
  const d = await deploySessions(mode, Date.now())
  return Object.assign(d, {
    /** A board client (interviewer) on server B. */
    openBoard(roomId: string, user: string) {
      return d.open(roomId, user, 'interviewer', 'board')
    },
  })
}

let deployment: Awaited<ReturnType<typeof deploy>> | null = null
afterEach(async () => {
  await deployment?.close()
  deployment = null
})

/** Every entry of a log, through the replay API's chunks (small chunks, to exercise paging). */
async function readAll(d: NonNullable<typeof deployment>, roomId: string, stream: 'board' | 'presence') {
  const entries = []
  for (let after = 0; ;) {
    const chunk = await d.replay.log(roomId, olga, stream, after, 7, null)
    entries.push(...chunk.entries)
    if (chunk.done) return entries
    after = chunk.entries.at(-1)!.seq
  }
}

afterAll(stopSharedRedisCluster)

describe.each(COLLAB_MODES_WITH_CLUSTER)('replay (%s)', (mode) => {
  test('the board at any moment of the replay is the board as it was live at that moment', async () => {
    const d = (deployment = await deploy(mode))
    const { roomId } = await d.access.createRoom(olga)
    const writer = d.openBoard(roomId, olga.userId)
    await synced(writer.provider)
    const notes = probes(writer.doc, 'script')

    // A scripted session: each edit lands in the log; record the live state right after it.
    const liveAfter = new Map<number, unknown>()
    const seeded = (await readAll(d, roomId, 'board')).length
    for (let i = 0; i < 40; i++) {
      writer.doc.transact(() => {
        notes.set(`k${i % 6}`, i)
        if (i % 4 === 3) notes.delete(`k${(i + 2) % 6}`)
      })
      let logged = 0
      await until(async () => (logged = (await readAll(d, roomId, 'board')).length) === seeded + i + 1, `edit ${i}`)
      liveAfter.set(logged, notes.toJSON())
      await sleep(12)
    }

    const entries = await readAll(d, roomId, 'board')
    const timeline = new ReplayTimeline(8)
    timeline.append(entries.map((e) => ({ seq: e.seq, time: e.time, update: Buffer.from(e.data, 'base64') })))
    // For many moments (each entry's time, and just before the next), the replay shows the live state of then.
    const expectedAt = (time: number) => {
      let state: unknown = {}
      for (const entry of entries) if (entry.time <= time && liveAfter.has(entry.seq)) state = liveAfter.get(entry.seq)
      return state
    }
    const moments = entries.flatMap((e) => [e.time, e.time - 1])
    for (const time of [...moments].reverse().concat(moments)) {
      expect(probeValues(timeline.seek(time).records, 'script'), `at ${time}`).toEqual(expectedAt(time))
    }
  })

  test('only members may replay; rubric notes are on the timeline for the readers of their sheet only', async () => {
    const d = (deployment = await deploy(mode))
    const { roomId, invites } = await d.access.createRoom(olga)
    await d.access.acceptInvite(invites.candidate, cid)
    const { sessionId } = await d.sessions.start(roomId, olga, {
      problemId: 'url-shortener',
      mode: 'pair',
      level: 'senior',
      plan: PLAN_45,
    })
    await d.sheets.edit(roomId, sessionId, olga, {
      op: 'addNote',
      id: 'n1',
      at: 1_000,
      text: 'Clarified the read ratio',
    })

    await expect(d.replay.manifest(roomId, stranger, sessionId)).rejects.toMatchObject({ status: 403 })
    await expect(d.replay.log(roomId, stranger, 'board', 0, 10, null)).rejects.toMatchObject({ status: 403 })
    const candidate = await d.replay.manifest(roomId, cid, sessionId)
    expect(candidate.notes).toBeNull()
    expect(candidate.phases.map((p) => p.id)).toEqual(['requirements'])

    const manifest = await d.replay.manifest(roomId, olga, sessionId)
    expect(manifest.notes).toEqual([
      { id: 'n1', text: 'Clarified the read ratio', by: 'Olga', at: manifest.sessionStart! + 1_000 },
    ])
  })

  test(`cursors are recorded apart from the log, at most ${PRESENCE_RECORD_HZ} per second, ending where they stopped`, async () => {
    const d = (deployment = await deploy(mode))
    const { roomId } = await d.access.createRoom(olga)
    const mover = d.openBoard(roomId, olga.userId)
    await synced(mover.provider)
    for (let i = 0; i <= 50; i++) {
      mover.provider.awareness.setLocalState({ u: 'olga', p: 'page', k: [i * 10, 0] })
      await sleep(20)
    }
    // Read as the replay reads them: the API's entries, decoded into cursor states.
    let presence: RecordedPresenceSample[] = []
    const lastX = () => (presence.at(-1)?.state as { k?: number[] } | null | undefined)?.k?.[0]
    await until(async () => {
      presence = (await readAll(d, roomId, 'presence')).flatMap((e) =>
        decodeRecordedPresence({ time: e.time, author: e.author, update: Buffer.from(e.data, 'base64') })
      )
      return lastX() === 500
    }, 'the last cursor position')
    // About one second of moving: never more than 5 per second (plus the first and the trailing last).
    const span = (presence.at(-1)!.time - presence[0]!.time) / 1000
    expect(presence.length).toBeLessThanOrEqual(Math.ceil(span * PRESENCE_RECORD_HZ) + 2)
    expect(presence.length).toBeGreaterThanOrEqual(3)
    expect(new Set(presence.map((sample) => sample.author))).toEqual(new Set([olga.userId]))
    // The document log holds none of it.
    const board = await readAll(d, roomId, 'board')
    expect(board.every((e) => !Buffer.from(e.data, 'base64').toString('latin1').includes('"k"'))).toBe(true)
  })
})
