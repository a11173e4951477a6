import { test, expect, createRoom, joinWithInvite, participant } from './fixtures'

/** Every API route validates its input with zod: bad input gets 400 naming the fields. */
test('API routes answer bad input with 400 and the fields, no session with 401, strangers with 403', async ({
  app,
  browser,
  request,
}) => {
  const alice = await participant(browser, app, 'Alice')
  const room = await createRoom(alice, app)
  const api = alice.request
  const base = `${app.url}/api/rooms`

  // Not signed in.
  expect((await request.post(base)).status()).toBe(401)
  expect((await request.get(`${base}/${room.roomId}/token`)).status()).toBe(401)
  expect((await request.get(`${base}/${room.roomId}/session`)).status()).toBe(401)
  expect((await request.get(`${app.url}/api/problems`)).status()).toBe(401)
  expect((await request.get(`${app.url}/api/sessions`)).status()).toBe(401)

  // Bad params, query and bodies: 400 with the offending fields named.
  const cases = [
    await api.get(`${base}/bad!/token`),
    await api.get(`${base}/${room.roomId}/token?doc=secret`),
    await api.get(`${base}/x`),
    await api.post(`${base}/bad!/swap`),
    await api.delete(`${base}/${room.roomId}/members/${'x'.repeat(200)}`),
    await api.post(`${base}/${room.roomId}/invites/admin`),
    await api.patch(`${base}/${room.roomId}/members/guest:someone`, { data: { role: 'king' } }),
    await api.patch(`${base}/${room.roomId}/members/guest:someone`, { data: { role: 'observer', extra: 1 } }),
    await api.patch(`${base}/${room.roomId}/members/guest:someone`, {
      data: 'not json',
      headers: { 'content-type': 'application/json' },
    }),
    await api.get(`${app.url}/api/problems?category=easy-ones`),
    await api.post(`${base}/${room.roomId}/session`, { data: { mode: 'pair', level: 'senior', plan: [] } }),
    await api.post(`${base}/${room.roomId}/session`, {
      data: {
        problemId: 'url-shortener',
        customPrompt: 'both at once is ambiguous',
        mode: 'pair',
        level: 'senior',
        plan: [{ id: 'x', label: 'X', minutes: 5 }],
      },
    }),
    await api.post(`${base}/${room.roomId}/session/clock`, { data: { type: 'rewind' } }),
    await api.post(`${base}/${room.roomId}/session/clock`, { data: { type: 'extend', minutes: 600 } }),
  ]
  for (const response of cases) {
    expect(response.status(), response.url()).toBe(400)
    const body = (await response.json()) as { error: string; fields: Record<string, string> }
    expect(Object.keys(body.fields).length, response.url()).toBeGreaterThan(0)
  }

  // A stranger (signed in, not a member) is refused.
  const mallory = await participant(browser, app, 'Mallory')
  expect((await mallory.request.get(`${base}/${room.roomId}`)).status()).toBe(403)
  expect((await mallory.request.post(`${base}/${room.roomId}/swap`)).status()).toBe(403)

  // A candidate may not manage the room.
  const bob = await participant(browser, app, 'Bob')
  await joinWithInvite(bob, room.invites.candidate)
  expect((await bob.request.post(`${base}/${room.roomId}/invites/observer`)).status()).toBe(403)
  // …nor run its session: starting, the clock, sharing and saving scores are the interviewer's.
  const session = {
    problemId: 'url-shortener',
    mode: 'pair',
    level: 'senior',
    plan: [{ id: 'x', label: 'X', minutes: 5 }],
  }
  expect((await bob.request.post(`${base}/${room.roomId}/session`, { data: session })).status()).toBe(403)
  const started = await api.post(`${base}/${room.roomId}/session`, { data: session })
  expect(started.status()).toBe(201)
  const { sessionId } = (await started.json()) as { sessionId: string }
  const sheet = `${base}/${room.roomId}/sessions/${sessionId}/sheet`
  expect((await bob.request.post(`${base}/${room.roomId}/session/clock`, { data: { type: 'pause' } })).status()).toBe(
    403
  )
  expect(
    (await bob.request.post(`${base}/${room.roomId}/session/reveal`, { data: { parts: ['scale'] } })).status()
  ).toBe(403)
  expect((await bob.request.get(sheet)).status()).toBe(403)
  expect(
    (await bob.request.patch(sheet, { data: { op: 'score', dimension: 'requirements', score: 4 } })).status()
  ).toBe(403)
  expect((await bob.request.post(`${sheet}/share`, { data: { shared: true } })).status()).toBe(403)
  expect((await mallory.request.get(`${base}/${room.roomId}/session`)).status()).toBe(403)
  expect((await mallory.request.get(sheet)).status()).toBe(403)
  // Sheet edits are validated: an unknown operation or dimension is a 400.
  expect((await api.patch(sheet, { data: { op: 'erase' } })).status()).toBe(400)
  expect((await api.patch(sheet, { data: { op: 'score', dimension: 'made-up', score: 2 } })).status()).toBe(400)
  expect((await api.patch(sheet, { data: { op: 'score', dimension: 'requirements', score: 9 } })).status()).toBe(400)
  expect((await api.patch(sheet, { data: { op: 'score', dimension: 'requirements', score: 3 } })).status()).toBe(200)
  // The candidate's view has no interviewer material, no unrevealed requirements, and no sheet.
  const bobSession = (await (await bob.request.get(`${base}/${room.roomId}/session`)).json()) as {
    problem: { functional: unknown[] }
    sheets: unknown[]
  }
  expect(bobSession.problem).not.toHaveProperty('hints')
  expect(bobSession.problem).not.toHaveProperty('checklist')
  expect(bobSession.problem.functional).toEqual([])
  expect(bobSession.sheets).toEqual([])
  // An unknown problem is a bad request, not a crash.
  expect(
    (await api.post(`${base}/${room.roomId}/session`, { data: { ...session, problemId: 'no-such-problem' } })).status()
  ).toBe(400)
  const view = (await (await bob.request.get(`${base}/${room.roomId}`)).json()) as {
    invites: unknown
    me: { role: string }
  }
  expect(view.me.role).toBe('candidate')
  expect(view.invites).toBeNull()
})
