/**
 * With `DATABASE_URL`, rooms, members, invites, sessions and rubric sheets
 * live in PostgreSQL, whether the logs are in SQLite (one server) or Redis
 * (many): what the services write is in PostgreSQL's tables, survives every
 * server restarting, and the embedded store's tables stay empty.
 */
import { afterAll, describe, expect, test } from 'vitest'
import { PLAN_45 } from '@/lib/session/sessionConfig'
import { deploySessions } from '../support/sessionDeployment'
import { sharedPostgres, stopSharedPostgres } from '../support/postgres'

const olga = { userId: 'guest:olga', name: 'Olga' }
const cid = { userId: 'guest:cid', name: 'Cid' }

afterAll(stopSharedPostgres)

describe.each(['embedded', 'redis'] as const)('relational data in PostgreSQL (%s logs)', (mode) => {
  test('boards, members, sessions and scores are written to PostgreSQL and read back after a restart', async () => {
    const postgres = await sharedPostgres()
    const database = await postgres.createDatabase()
    const d = await deploySessions(mode, Date.now(), {}, { DATABASE_URL: database })
    try {
      const { roomId, invites } = await d.access.createRoom(olga)
      await d.access.acceptInvite(invites.candidate, cid)
      const { sessionId } = await d.sessions.start(roomId, olga, {
        problemId: 'url-shortener',
        mode: 'pair',
        level: 'senior',
        plan: PLAN_45,
      })
      await d.sheets.edit(roomId, sessionId, olga, { op: 'score', dimension: 'requirements', score: 3 })
      await d.sessions.control(roomId, olga, { type: 'end' })

      const name = database.split('/').at(-1)!
      const count = async (table: string) =>
        Number((await postgres.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`, name))[0]!.n)
      expect(await count('rooms')).toBe(1)
      expect(await count('room_members')).toBe(2)
      expect(await count('interview_sessions')).toBe(1)
      expect(await count('rubric_sheets')).toBe(1)
      if (d.db) expect(d.db.prepare('SELECT count(*) AS n FROM rooms').get()).toEqual({ n: 0 })

      await d.restart()
      expect((await d.access.listBoards(cid)).map((b) => b.roomId)).toEqual([roomId])
      const [entry] = await d.sessions.listForUser(olga)
      expect(entry?.session.sessionId).toBe(sessionId)
      expect(entry?.given?.scores).toEqual({ requirements: 3 })
    } finally {
      await d.close()
    }
  })
})
