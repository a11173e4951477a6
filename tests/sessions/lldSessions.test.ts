import { afterEach, describe, expect, test } from 'vitest'
import { PLAN_45, PLAN_LLD, type SessionConfig } from '@/lib/session/sessionConfig'
import { deploySessions, type SessionDeployment } from '../support/sessionDeployment'

const olga = { userId: 'guest:olga', name: 'Olga' }
const T0 = 1_900_000_000_000

let deployment: SessionDeployment | null = null
afterEach(async () => {
  await deployment?.close()
  deployment = null
})

// The plan and rubric rules live in the session service, above the store, so one mode covers them.
describe('LLD sessions (embedded)', () => {
  test('an LLD problem starts only on the LLD plan (minutes may change), and its sheet scores the LLD rubric', async () => {
    const d = (deployment = await deploySessions('embedded', T0))
    const { roomId } = await d.access.createRoom(olga)
    const lld: SessionConfig = { problemId: 'parking-lot', mode: 'solo', level: 'senior', plan: PLAN_45 }
    await expect(d.sessions.start(roomId, olga, lld)).rejects.toMatchObject({ status: 400 })
    const reordered = [...PLAN_LLD].reverse()
    await expect(d.sessions.start(roomId, olga, { ...lld, plan: reordered })).rejects.toMatchObject({ status: 400 })

    const longer = PLAN_LLD.map((p) => (p.id === 'lld-concurrency' ? { ...p, minutes: 15 } : p))
    const { sessionId } = await d.sessions.start(roomId, olga, { ...lld, plan: longer })
    await d.sheets.edit(roomId, sessionId, olga, { op: 'score', dimension: 'lld-concurrency', score: 4 })
    await d.sheets.edit(roomId, sessionId, olga, { op: 'score', dimension: 'requirements', score: 3 })
    // Estimation is not part of an LLD round.
    await expect(
      d.sheets.edit(roomId, sessionId, olga, { op: 'score', dimension: 'estimation', score: 3 })
    ).rejects.toMatchObject({ status: 400 })
    expect((await d.sheets.mine(roomId, sessionId, olga)).sheet.scores).toEqual({
      'lld-concurrency': 4,
      requirements: 3,
    })
  })

  test('an HLD session refuses LLD dimensions', async () => {
    const d = (deployment = await deploySessions('embedded', T0))
    const { roomId } = await d.access.createRoom(olga)
    const hld: SessionConfig = { problemId: 'url-shortener', mode: 'solo', level: 'senior', plan: PLAN_45 }
    const { sessionId } = await d.sessions.start(roomId, olga, hld)
    await expect(
      d.sheets.edit(roomId, sessionId, olga, { op: 'score', dimension: 'lld-concurrency', score: 3 })
    ).rejects.toMatchObject({ status: 400 })
  })
})
