/**
 * The visible-text rule where the API applies it to board names
 * (`PATCH /api/rooms/<id>`, the real route on the embedded deployment): the
 * finding's name is refused with a sentence and nothing is stored; a real
 * name is stored trimmed and in NFC.
 */
import { afterEach, describe, expect, test, vi } from 'vitest'
import * as roomRoute from '@/app/api/rooms/[roomId]/route'
// eslint-disable-next-line no-restricted-imports -- a test, not browser code: it runs the rule in the real route
import { currentActor } from '@/server/auth/session'
import { deploySessions, type SessionDeployment } from '@/tests/support/sessionDeployment'

vi.mock('@/server/auth/session', () => ({ currentActor: vi.fn() }))

const olga = { userId: 'guest:olga', name: 'Olga' }
let deployment: SessionDeployment | null = null
afterEach(async () => {
  await deployment?.close()
  deployment = null
})

describe('renaming a board (PATCH /api/rooms/<id>)', () => {
  test('an invisible or deceptive name gets 400 with why, and the name stays; a real one is stored in NFC', async () => {
    const d = (deployment = await deploySessions('embedded'))
    d.installAppContext()
    vi.mocked(currentActor).mockResolvedValue(olga)
    const { roomId } = await d.access.createRoom(olga, 'Design review')
    const params = { params: Promise.resolve({ roomId }) }
    const rename = async (name: string) => {
      const init = { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name }) }
      const response = await roomRoute.PATCH(new Request(`http://localhost/api/rooms/${roomId}`, init), params)
      return { status: response.status, body: (await response.json()) as unknown }
    }
    for (const bad of ['\u202E\u0000evil\uD800', '\u200B\u200B', 'Plan\u202Etxt.exe', `Z${'\u0301'.repeat(39)}`]) {
      const answer = await rename(bad)
      expect(answer.status, JSON.stringify(bad)).toBe(400)
      expect(answer.body).toMatchObject({ fields: { name: expect.stringMatching(/^A board name /) } })
    }
    expect((await d.access.view(roomId, olga)).name).toBe('Design review')
    expect(await rename('  Cafe\u0301 design 👩‍💻 ')).toEqual({ status: 200, body: { ok: true } })
    expect((await d.access.view(roomId, olga)).name).toBe('Café design 👩‍💻')
  })
})
