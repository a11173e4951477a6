import { afterEach, describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import pino from 'pino'
import { PLAN_45 } from '@/lib/session/sessionConfig'
import { readSession } from '@/lib/session/sessionDoc'
import { legacySessionId, migrateLegacySessions } from '@/server/sessions/migrateLegacySessions'
import type { RoomStorage } from '@/server/storage/RoomStorage'
import { deploySessions, type SessionDeployment } from '../support/sessionDeployment'
import { roomLogKey } from '@/server/storage/roomLogKey'

/**
 * A data directory (or a Redis) written by the one-session-per-room release
 * opens with its session and rubric intact: the record becomes a session,
 * the rubric in the room's private document becomes the interviewer's sheet,
 * and the session document loses its shared copy (which everyone could read).
 */
let deployment: SessionDeployment | null = null
afterEach(async () => {
  await deployment?.close()
  deployment = null
})

const T0 = 1_900_000_000_000
const olga = { userId: 'guest:olga', name: 'Olga' }
const cid = { userId: 'guest:cid', name: 'Cid' }

/** Appends a change to a stored doc's log, as the old release's server did. */
async function writeLegacyDoc(storage: RoomStorage, key: string, change: (doc: Y.Doc) => void) {
  const doc = new Y.Doc()
  let update: Uint8Array | null = null
  doc.on('update', (u: Uint8Array) => (update = u))
  doc.transact(() => change(doc))
  await storage.appendUpdate(key, { time: T0, author: olga.userId, update: update! })
}

describe.each(['embedded', 'redis'] as const)('migration from one session per room (%s)', (mode) => {
  test('the old session, its rubric and its shared copy move to the session model; running it twice changes nothing', async () => {
    const d = (deployment = await deploySessions(mode, T0))
    const { roomId, invites } = await d.access.createRoom(olga)
    await d.access.acceptInvite(invites.candidate, cid)
    const config = { problemId: 'url-shortener', mode: 'pair', level: 'senior', plan: PLAN_45 }
    const legacyRecord = {
      roomId,
      title: 'URL shortener',
      problemId: 'url-shortener',
      mode: 'pair',
      level: 'senior',
      startedAt: T0,
      endedAt: T0 + 45 * 60_000,
      startedBy: olga.userId,
      participants: [olga.userId, cid.userId],
      candidateId: cid.userId,
      scores: { requirements: 3 },
      recommendation: 'hire',
      scoresShared: true,
    }
    // The old release's three places: the record, the private rubric doc, the session doc.
    if (d.db) {
      d.db.exec('CREATE TABLE sessions (room TEXT PRIMARY KEY, started INTEGER NOT NULL, record TEXT NOT NULL)')
      d.db
        .prepare('INSERT INTO sessions (room, started, record) VALUES (?, ?, ?)')
        .run(roomId, T0, JSON.stringify(legacyRecord))
    } else {
      await d.redisClient!.set(`${d.redis!.prefix}{${roomId}}:session`, JSON.stringify(legacyRecord))
    }
    await writeLegacyDoc(d.storage, roomLogKey(roomId, 'private'), (doc) => {
      const rubric = doc.getMap<unknown>('rubric')
      const scores = new Y.Map<number>()
      const notes = new Y.Array<unknown>()
      rubric.set('scores', scores)
      rubric.set('notes', notes)
      scores.set('requirements', 3)
      notes.push([{ id: 'n1', at: 60_000, text: 'Asked about the read ratio', by: 'Olga' }])
      rubric.set('recommendation', 'hire')
    })
    await writeLegacyDoc(d.storage, roomLogKey(roomId, 'session'), (doc) => {
      const map = doc.getMap<unknown>('session')
      const events = new Y.Array<unknown>()
      map.set('config', config)
      map.set('startedBy', olga.userId)
      map.set('events', events)
      events.push([
        { type: 'start', at: T0 },
        { type: 'end', at: T0 + 45 * 60_000 },
      ])
      map.set('sharedRubric', { scores: { requirements: 3 }, flags: [], notes: [], recommendation: 'hire' })
    })

    const legacy = d.sqliteStore?.legacy() ?? d.redisStore!.legacy()
    const deps = {
      legacy,
      store: d.store,
      storage: d.storage,
      directory: d.directory,
      logger: pino({ level: 'silent' }),
    }
    expect(await migrateLegacySessions(deps)).toBe(1)
    expect(await migrateLegacySessions({ ...deps, legacy: d.sqliteStore?.legacy() ?? d.redisStore!.legacy() })).toBe(0)

    const sessionId = legacySessionId(roomId)
    const olgaView = await d.sessions.view(roomId, olga)
    expect(olgaView.session).toMatchObject({ sessionId, title: 'URL shortener', endedAt: T0 + 45 * 60_000 })
    expect(olgaView.sheets).toHaveLength(1)
    expect(olgaView.sheets[0]).toMatchObject({
      mine: true,
      sheet: { scores: { requirements: 3 }, recommendation: 'hire', notes: [{ text: 'Asked about the read ratio' }] },
    })
    // It was shared: the candidate reads the shared copy, and it is in their history.
    expect((await d.sessions.view(roomId, cid)).sheets[0]?.sheet.scores).toEqual({ requirements: 3 })
    expect((await d.sessions.listForUser(cid)).map((h) => h.session.sessionId)).toEqual([sessionId])

    // The session doc now names the session and no longer carries the shared copy.
    const sessionDoc = d.open(roomId, cid.userId, 'candidate', 'session')
    await new Promise<void>((resolve) => sessionDoc.provider.once('sync', () => resolve()))
    expect(readSession(sessionDoc.doc)?.id).toBe(sessionId)
    expect(sessionDoc.doc.getMap('session').has('sharedRubric')).toBe(false)
  })
})
