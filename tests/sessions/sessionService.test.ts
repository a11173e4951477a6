import { afterAll, afterEach, describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import type WebSocket from 'ws'
import { readSession } from '@/lib/session/sessionDoc'
import { computeTimer } from '@/lib/session/timer'
import { PLAN_45, type SessionConfig } from '@/lib/session/sessionConfig'
import { getProblem } from '@/lib/problems/problemBank'
import { MAX_SHEET_NOTES } from '@/lib/rubric/rubricSheet'
import { encodeSyncMessage, SyncType } from '@/server/collab/messages'
import { COLLAB_MODES_WITH_CLUSTER, stopSharedRedisCluster } from '../support/collabModes'
import { deploySessions, type SessionDeployment } from '../support/sessionDeployment'
import { eventually, synced } from '../support/providers'
import { openRawSocket } from '../support/rawClient'
import { testToken } from '../support/tokens'
import { drawTestShape } from '../support/boardProbes'

const olga = { userId: 'guest:olga', name: 'Olga' }
const cid = { userId: 'guest:cid', name: 'Cid' }
const dana = { userId: 'guest:dana', name: 'Dana' }
const config: SessionConfig = { problemId: 'url-shortener', mode: 'pair', level: 'senior', plan: PLAN_45 }
const T0 = 1_900_000_000_000
const SECRET_NOTE = 'weak on caching, would not hire'

let deployment: SessionDeployment | null = null
afterEach(async () => {
  await deployment?.close()
  deployment = null
})

async function roomWithCandidate(d: SessionDeployment) {
  const { roomId, invites } = await d.access.createRoom(olga)
  await d.access.acceptInvite(invites.candidate, cid)
  return { roomId, invites }
}

/**
 * A raw socket on the room's session doc that records every frame the server
 * sends it (it asks for the whole doc first, as a real client does).
 */
async function recordSessionFrames(d: SessionDeployment, roomId: string, user: { userId: string }) {
  const token = await testToken(roomId, { user: user.userId, role: 'candidate' })
  const socket: WebSocket = await openRawSocket(d.clientUrl, roomId, { token, path: `${roomId}/session` })
  const frames: Buffer[] = []
  socket.on('message', (data: Buffer) => frames.push(data))
  socket.send(encodeSyncMessage(SyncType.Step1, Y.encodeStateVector(new Y.Doc())))
  return { socket, text: () => Buffer.concat(frames).toString('latin1'), frames }
}

/** True when `socket` closes (or has closed) within `ms`. */
function closedWithin(socket: WebSocket, ms: number): Promise<boolean> {
  if (socket.readyState === socket.CLOSING || socket.readyState === socket.CLOSED) return Promise.resolve(true)
  return new Promise((resolve) => {
    const onClose = () => {
      clearTimeout(timer)
      resolve(true)
    }
    const timer = setTimeout(() => {
      socket.off('close', onClose)
      resolve(false)
    }, ms)
    socket.once('close', onClose)
  })
}

/** Writes a bare shape record into a board doc through a real client (what the summary's board reads). */
function drawShape(doc: Y.Doc, id: string) {
  drawTestShape(doc, id)
}

afterAll(stopSharedRedisCluster)

describe.each(COLLAB_MODES_WITH_CLUSTER)('sessions (%s)', (mode) => {
  test('the interviewer starts a session; everyone reads it live, stamped with server time', async () => {
    const d = (deployment = await deploySessions(mode, T0))
    const { roomId } = await roomWithCandidate(d)
    const candidateView = d.open(roomId, cid.userId, 'candidate', 'session')
    await synced(candidateView.provider)

    const record = await d.sessions.start(roomId, olga, config)
    await eventually(
      () => readSession(candidateView.doc)?.id === record.sessionId,
      10_000,
      'the session to reach the candidate'
    )
    expect(readSession(candidateView.doc)).toMatchObject({ config, events: [{ type: 'start', at: T0 }], revealed: [] })
    expect(record.participants).toEqual([
      { userId: olga.userId, name: 'Olga', roles: ['interviewer'] },
      { userId: cid.userId, name: 'Cid', roles: ['candidate'] },
    ])

    d.advance(6 * 60_000)
    await d.sessions.control(roomId, olga, { type: 'next' })
    await eventually(() => readSession(candidateView.doc)!.events.length === 2)
    const view = computeTimer(PLAN_45, readSession(candidateView.doc)!.events, T0 + 7 * 60_000)
    expect(view).toMatchObject({ phaseIndex: 1, phaseRemainingMs: 4 * 60_000 })
  })

  test('only interviewers run the clock; nobody writes the session document over the wire', async () => {
    const d = (deployment = await deploySessions(mode, T0))
    const { roomId } = await roomWithCandidate(d)
    await d.sessions.start(roomId, olga, config)
    await expect(d.sessions.control(roomId, cid, { type: 'pause' })).rejects.toMatchObject({ status: 403 })
    await expect(d.sessions.start(roomId, cid, config)).rejects.toMatchObject({ status: 403 })
    await expect(d.sessions.reveal(roomId, cid, ['scale'])).rejects.toMatchObject({ status: 403 })

    // A candidate writing the session doc directly is dropped, and so is an interviewer doing it.
    for (const [user, role] of [
      [cid.userId, 'candidate'],
      [olga.userId, 'interviewer'],
    ] as const) {
      const sneaky = d.open(roomId, user, role, 'session')
      await synced(sneaky.provider)
      sneaky.doc.getMap('session').set('config', { ...config, mode: 'solo' })
    }
    // Barrier: a server-made change after the sneaky writes must arrive; then the sneaky ones must not have.
    const witness = d.open(roomId, olga.userId, 'interviewer', 'session')
    await synced(witness.provider)
    await d.sessions.control(roomId, olga, { type: 'pause' })
    await eventually(() => readSession(witness.doc)?.events.at(-1)?.type === 'pause', 10_000, 'the barrier')
    expect(readSession(witness.doc)?.config.mode).toBe('pair')
  })

  test('two sessions in a row: the second starts with an empty rubric; each keeps its own scores', async () => {
    const d = (deployment = await deploySessions(mode, T0))
    const { roomId } = await roomWithCandidate(d)
    const first = await d.sessions.start(roomId, olga, config)
    await d.sheets.edit(roomId, first.sessionId, olga, { op: 'score', dimension: 'requirements', score: 2 })
    await d.sheets.edit(roomId, first.sessionId, olga, { op: 'addNote', id: 'n1', at: 1000, text: SECRET_NOTE })
    await expect(d.sessions.start(roomId, olga, config)).rejects.toMatchObject({ status: 409 })
    d.advance(40 * 60_000)
    await d.sessions.control(roomId, olga, { type: 'end' })

    d.advance(60 * 60_000)
    const second = await d.sessions.start(roomId, olga, { ...config, problemId: 'rate-limiter' })
    expect(second.sessionId).not.toBe(first.sessionId)
    const fresh = await d.sheets.mine(roomId, second.sessionId, olga)
    expect(fresh.sheet).toMatchObject({ scores: {}, notes: [], recommendation: null })
    await d.sheets.edit(roomId, second.sessionId, olga, { op: 'score', dimension: 'requirements', score: 4 })

    // Sharing the second sheet never shares the first.
    await d.sheets.share(roomId, second.sessionId, olga, true)
    const candidateSees = await d.sessions.view(roomId, cid, second.sessionId)
    expect(candidateSees.sheets.map((s) => s.sheet.scores)).toEqual([{ requirements: 4 }])
    expect(JSON.stringify(await d.sessions.view(roomId, cid, first.sessionId))).not.toContain(SECRET_NOTE)

    const history = await d.sessions.listForUser(olga)
    expect(history.map((h) => [h.session.sessionId, h.given?.scores])).toEqual([
      [second.sessionId, { requirements: 4 }],
      [first.sessionId, { requirements: 2 }],
    ])
    const candidateHistory = await d.sessions.listForUser(cid)
    expect(candidateHistory.map((h) => [h.session.sessionId, h.roles, h.received.map((s) => s.scores)])).toEqual([
      [second.sessionId, ['candidate'], [{ requirements: 4 }]],
      [first.sessionId, ['candidate'], []],
    ])
    expect((await d.sessions.listForRoom(roomId, cid)).map((s) => s.sessionId)).toEqual([
      second.sessionId,
      first.sessionId,
    ])
  })

  test('a sheet is private to its author; a shared copy reaches the candidate; edits after sharing do not', async () => {
    const d = (deployment = await deploySessions(mode, T0))
    const { roomId, invites } = await roomWithCandidate(d)
    await d.access.acceptInvite(invites.interviewer, dana)
    const { sessionId } = await d.sessions.start(roomId, olga, config)
    await d.sheets.edit(roomId, sessionId, olga, { op: 'score', dimension: 'requirements', score: 3 })
    await d.sheets.edit(roomId, sessionId, olga, { op: 'flag', flag: 'no-estimation', on: true })
    await expect(
      d.sheets.edit(roomId, sessionId, olga, { op: 'score', dimension: 'made-up', score: 3 })
    ).rejects.toMatchObject({ status: 400 })

    // The candidate and the co-interviewer read nothing of it; the candidate has no sheet to write.
    expect((await d.sessions.view(roomId, cid)).sheets).toEqual([])
    expect((await d.sessions.view(roomId, dana)).sheets).toEqual([])
    await expect(d.sheets.mine(roomId, sessionId, cid)).rejects.toMatchObject({ status: 403 })
    await expect(
      d.sheets.edit(roomId, sessionId, cid, { op: 'score', dimension: 'requirements', score: 4 })
    ).rejects.toMatchObject({ status: 403 })

    // Opened to co-interviewers: Dana reads it, the candidate still does not.
    await d.sheets.openToInterviewers(roomId, sessionId, olga, true)
    expect((await d.sessions.view(roomId, dana)).sheets.map((s) => s.authorName)).toEqual(['Olga'])
    expect((await d.sessions.view(roomId, cid)).sheets).toEqual([])

    await d.sheets.share(roomId, sessionId, olga, true)
    await d.sheets.edit(roomId, sessionId, olga, { op: 'score', dimension: 'requirements', score: 1 })
    const shared = (await d.sessions.view(roomId, cid)).sheets
    expect(shared).toHaveLength(1)
    expect(shared[0]!.sheet).toMatchObject({ scores: { requirements: 3 }, flags: ['no-estimation'] })
    await d.sheets.share(roomId, sessionId, olga, false)
    expect((await d.sessions.view(roomId, cid)).sheets).toEqual([])

    // Submitted: final.
    await d.sheets.submit(roomId, sessionId, olga)
    await expect(
      d.sheets.edit(roomId, sessionId, olga, { op: 'score', dimension: 'requirements', score: 2 })
    ).rejects.toMatchObject({ status: 409 })
    // …in what it says, not in who reads it. The bug: submitting before sharing kept it from the candidate for good.
    await d.sheets.share(roomId, sessionId, olga, true)
    const final = (await d.sessions.view(roomId, cid)).sheets
    expect(final.map((s) => s.sheet.scores)).toEqual([{ requirements: 1 }])
  })

  test('a role swap never hands the rubric to the new interviewer, over any socket or API; the owner swaps back and stays admin', async () => {
    const d = (deployment = await deploySessions(mode, T0))
    const { roomId } = await roomWithCandidate(d)
    const frames = await recordSessionFrames(d, roomId, cid)
    const { sessionId } = await d.sessions.start(roomId, olga, config)
    await d.sheets.edit(roomId, sessionId, olga, { op: 'addNote', id: 'secret', at: 60_000, text: SECRET_NOTE })
    await d.sheets.edit(roomId, sessionId, olga, { op: 'score', dimension: 'trade-offs', score: 1 })

    await d.access.swapRoles(roomId, olga)
    expect(await d.access.roleOf(roomId, cid.userId)).toBe('interviewer')
    const cidView = await d.sessions.view(roomId, cid)
    expect(cidView.role).toBe('interviewer')
    expect(JSON.stringify(cidView)).not.toContain(SECRET_NOTE)
    expect(cidView.sheets).toEqual([])
    // The former candidate cannot score this session, nor read the note on the replay's timeline.
    await expect(d.sheets.mine(roomId, sessionId, cid)).rejects.toMatchObject({ status: 403 })
    expect(JSON.stringify(await d.replay.manifest(roomId, cid, sessionId))).not.toContain(SECRET_NOTE)
    // The owner, now candidate, still reads their own sheet, and still runs the board.
    expect((await d.sessions.view(roomId, olga)).sheets.map((s) => s.sheet.notes[0]?.text)).toEqual([SECRET_NOTE])
    await expect(d.access.setRole(roomId, cid, olga.userId, 'observer')).rejects.toMatchObject({ status: 403 })
    await expect(d.access.removeMember(roomId, cid, olga.userId)).rejects.toMatchObject({ status: 403 })
    await expect(d.access.rotateInvite(roomId, cid, 'candidate')).rejects.toMatchObject({ status: 403 })
    expect((await d.access.view(roomId, cid)).invites).toBeNull()
    expect((await d.access.view(roomId, olga)).invites).not.toBeNull()

    await d.access.swapRoles(roomId, olga)
    expect(await d.access.roleOf(roomId, olga.userId)).toBe('interviewer')
    expect(await d.access.roleOf(roomId, cid.userId)).toBe('candidate')

    // The swap closed the former candidate's socket (4409, access changed); a new one gets the whole doc.
    // The swap back reaches the other server asynchronously (on a cluster, plain pub/sub crosses the
    // cluster bus), so its notice may still close a socket opened right after it with 4409: the app's
    // client then reconnects with a new token, and so does this one.
    const opened = [await recordSessionFrames(d, roomId, cid)]
    while (opened.length < 4 && (await closedWithin(opened.at(-1)!.socket, 500))) {
      opened.push(await recordSessionFrames(d, roomId, cid))
    }
    const after = opened.at(-1)!
    // Barrier: a later clock change must arrive on it…
    await d.sessions.control(roomId, olga, { type: 'pause' })
    await eventually(() => after.text().includes('pause'), 10_000, 'the pause to reach the socket')
    // …and nothing of the rubric ever reached either socket.
    for (const recorded of [frames, ...opened]) {
      expect(recorded.text()).not.toContain(SECRET_NOTE)
      expect(recorded.text()).not.toContain('trade-offs')
    }
    after.socket.close()
    frames.socket.close()
  })

  test('only who ran a session deletes it: not its candidate after a swap, nor an interviewer who joined later', async () => {
    // Deleting a session erases every interviewer's sheet: a swap after the interview once let the candidate,
    // now an interviewer, erase the assessment of themselves.
    const d = (deployment = await deploySessions(mode, T0))
    const { roomId, invites } = await roomWithCandidate(d)
    const { sessionId } = await d.sessions.start(roomId, olga, config)
    await d.sheets.edit(roomId, sessionId, olga, { op: 'addNote', id: 'kept', at: 60_000, text: SECRET_NOTE })
    await d.sessions.control(roomId, olga, { type: 'end' })
    await d.access.acceptInvite(invites.observer, dana)
    await d.access.setRole(roomId, olga, dana.userId, 'interviewer')
    expect((await d.sessions.view(roomId, olga, sessionId)).mayDelete).toBe(true)

    await d.access.swapRoles(roomId, olga)
    for (const person of [cid, dana, olga]) {
      expect((await d.sessions.view(roomId, person, sessionId)).mayDelete).toBe(false)
      await expect(d.sessions.delete(roomId, person, sessionId)).rejects.toMatchObject({ status: 403 })
    }
    await d.access.swapRoles(roomId, olga)
    expect((await d.sheets.mine(roomId, sessionId, olga)).sheet.notes.map((n) => n.text)).toEqual([SECRET_NOTE])

    await d.sessions.delete(roomId, olga, sessionId)
    await expect(d.sessions.view(roomId, olga, sessionId)).rejects.toMatchObject({ status: 404 })
  })

  test('an interviewer who joined after the session ended cannot score it, nor send a verdict to its candidate', async () => {
    // A walk let a newcomer with the interviewer invite write "strong-no-hire" into a session they never saw and
    // share it: the candidate's summary then listed it beside the real interviewer's.
    const d = (deployment = await deploySessions(mode, T0))
    const { roomId, invites } = await roomWithCandidate(d)
    const { sessionId } = await d.sessions.start(roomId, olga, config)
    await d.sheets.edit(roomId, sessionId, olga, { op: 'score', dimension: 'requirements', score: 3 })
    await d.sessions.control(roomId, olga, { type: 'end' })
    await d.access.acceptInvite(invites.interviewer, dana)
    expect((await d.sessions.view(roomId, dana, sessionId)).mayDelete).toBe(false)
    for (const edit of [
      { op: 'recommendation', recommendation: 'strong-no-hire' },
      { op: 'addNote', id: 'late', at: 1_000, text: 'never saw it' },
      { op: 'score', dimension: 'requirements', score: 1 },
    ] as const) {
      await expect(d.sheets.edit(roomId, sessionId, dana, edit)).rejects.toMatchObject({ status: 403 })
    }
    await expect(d.sheets.share(roomId, sessionId, dana, true)).rejects.toMatchObject({ status: 403 })
    // The interviewer who ran it still scores and shares; the candidate reads hers alone.
    await d.sheets.share(roomId, sessionId, olga, true)
    const candidateView = await d.sessions.view(roomId, cid, sessionId)
    expect(candidateView.sheets.map((s) => s.authorId)).toEqual([olga.userId])
  })

  test('a sheet full of notes refuses the next one with a reason, and keeps every note it had', async () => {
    // The 501st note once failed the stored schema's check: a 500 and an unhandled error instead of a refusal.
    const d = (deployment = await deploySessions(mode, T0))
    const { roomId } = await roomWithCandidate(d)
    const { sessionId } = await d.sessions.start(roomId, olga, config)
    for (let i = 0; i < MAX_SHEET_NOTES; i++) {
      await d.sheets.edit(roomId, sessionId, olga, { op: 'addNote', id: `n${i}`, at: i, text: `note ${i}` })
    }
    await expect(
      d.sheets.edit(roomId, sessionId, olga, { op: 'addNote', id: 'one-more', at: 1, text: 'one more' })
    ).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/at most 500 notes/) })
    expect((await d.sheets.mine(roomId, sessionId, olga)).sheet.notes).toHaveLength(MAX_SHEET_NOTES)
    // The browser resending the last note (its first answer lost) is told it is saved, not refused.
    const last = MAX_SHEET_NOTES - 1
    await d.sheets.edit(roomId, sessionId, olga, { op: 'addNote', id: `n${last}`, at: last, text: `note ${last}` })
    expect((await d.sheets.mine(roomId, sessionId, olga)).sheet.notes).toHaveLength(MAX_SHEET_NOTES)
  })

  test('progressive reveal: the candidate gets requirement and scale text only once revealed', async () => {
    const d = (deployment = await deploySessions(mode, T0))
    const { roomId } = await roomWithCandidate(d)
    const problem = getProblem('url-shortener')!
    const frames = await recordSessionFrames(d, roomId, cid)
    await d.sessions.start(roomId, olga, config)
    const before = JSON.stringify(await d.sessions.view(roomId, cid))
    for (const line of [...problem.functional, ...problem.nonFunctional, ...problem.scale])
      expect(before).not.toContain(line)
    expect(before).toContain(problem.prompt)

    await d.sessions.reveal(roomId, olga, ['scale'])
    const after = (await d.sessions.view(roomId, cid)).problem!
    expect(after.scale).toEqual(problem.scale)
    expect(after.functional).toEqual([])
    await d.sessions.reveal(roomId, olga, ['functional', 'nonFunctional'])
    expect((await d.sessions.view(roomId, cid)).problem).toMatchObject({ functional: problem.functional })
    // The session doc carries which parts are revealed, never their text; nor hints or the checklist.
    await eventually(() => frames.text().includes('nonFunctional'), 10_000, 'the reveal to reach the socket')
    for (const line of [...problem.functional, ...problem.scale, ...problem.hints])
      expect(frames.text()).not.toContain(line)
    frames.socket.close()
  })

  test('ending freezes the session: its board, clock and replay range; later edits never change it', async () => {
    const d = (deployment = await deploySessions(mode, T0))
    const { roomId } = await roomWithCandidate(d)
    const board = d.open(roomId, cid.userId, 'candidate', 'board')
    await synced(board.provider)
    const { sessionId } = await d.sessions.start(roomId, olga, config)
    drawShape(board.doc, 'shape:during')
    await d.untilOnBoard(roomId, olga, 'shape:during')
    d.advance(20 * 60_000)
    const ended = await d.sessions.control(roomId, olga, { type: 'end' })
    expect(ended.endedAt).toBe(T0 + 20 * 60_000)
    expect(ended.boardSeqEnd).toBeGreaterThan(ended.boardSeqStart)
    await expect(d.sessions.control(roomId, olga, { type: 'resume' })).rejects.toMatchObject({ status: 409 })

    // An edit after the end is on the live board but not in the session's board or replay.
    drawShape(board.doc, 'shape:after-end')
    await d.untilOnBoard(roomId, olga, 'shape:after-end')
    const frozen = (await d.boards.snapshot(roomId, cid, ended.boardSeqEnd))!
    expect(frozen.store['shape:during']).toBeDefined()
    expect(frozen.store['shape:after-end']).toBeUndefined()
    const replayLog = await d.replay.log(roomId, cid, 'board', 0, 2000, sessionId)
    expect(replayLog.entries.at(-1)!.seq).toBe(ended.boardSeqEnd)
    expect(replayLog.done).toBe(true)
  })

  test('a session replay runs from its start to its end, with phase, end and note marks at session-clock times', async () => {
    const d = (deployment = await deploySessions(mode, T0))
    const { roomId } = await roomWithCandidate(d)
    const { sessionId } = await d.sessions.start(roomId, olga, config)
    d.advance(5 * 60_000)
    await d.sessions.control(roomId, olga, { type: 'pause' })
    d.advance(3 * 60_000)
    await d.sessions.control(roomId, olga, { type: 'resume' })
    // A note at 8:26 on the session clock: 8:26 of running time, so 3 minutes of pause later on the wall clock.
    await d.sheets.edit(roomId, sessionId, olga, {
      op: 'addNote',
      id: 'n',
      at: 8 * 60_000 + 26_000,
      text: 'Asked about hot keys',
    })
    d.advance(10 * 60_000)
    await d.sessions.control(roomId, olga, { type: 'next' })
    d.advance(60_000)
    await d.sessions.control(roomId, olga, { type: 'end' })

    const manifest = await d.replay.manifest(roomId, olga, sessionId)
    expect(manifest.range).toEqual({ start: T0 - 5_000, end: T0 + 19 * 60_000 + 5_000 })
    expect(manifest.sessionEnd).toBe(T0 + 19 * 60_000)
    expect(manifest.phases.map((p) => [p.id, p.at])).toEqual([
      ['requirements', T0],
      ['estimation', T0 + 18 * 60_000],
    ])
    expect(manifest.notes).toEqual([
      { id: 'n', text: 'Asked about hot keys', by: 'Olga', at: T0 + 11 * 60_000 + 26_000 },
    ])
    expect((await d.replay.manifest(roomId, cid, sessionId)).notes).toBeNull()
  })

  test('a solo session speaks to one person: no checklist or follow-ups until the end, then a self-score', async () => {
    const d = (deployment = await deploySessions(mode, T0))
    const { roomId } = await d.access.createRoom(olga)
    const { sessionId } = await d.sessions.start(roomId, olga, { ...config, mode: 'solo', revealAll: true })
    const running = (await d.sessions.view(roomId, olga)).problem as {
      checklist: unknown[]
      hints: unknown[]
      scale: string[]
    }
    expect(running.checklist).toEqual([])
    expect(running.hints).toEqual([])
    expect(running.scale.length).toBeGreaterThan(0)
    await expect(d.sheets.share(roomId, sessionId, olga, true)).rejects.toMatchObject({ status: 409 })
    await d.sessions.control(roomId, olga, { type: 'end' })
    expect(
      ((await d.sessions.view(roomId, olga)).problem as { checklist: unknown[] }).checklist.length
    ).toBeGreaterThan(0)
    await d.sheets.edit(roomId, sessionId, olga, { op: 'score', dimension: 'requirements', score: 3 })
    // Only checklist items the board cannot decide can be ticked by hand.
    await expect(
      d.sheets.edit(roomId, sessionId, olga, {
        op: 'tick',
        item: 'Stateless app servers behind a load balancer',
        on: true,
      })
    ).rejects.toMatchObject({ status: 400 })
    await d.sheets.edit(roomId, sessionId, olga, {
      op: 'tick',
      item: 'Estimates read and write QPS and storage growth',
      on: true,
    })
    const [entry] = await d.sessions.listForUser(olga)
    expect(entry).toMatchObject({
      roles: ['interviewer'],
      given: { scores: { requirements: 3 }, ticks: ['Estimates read and write QPS and storage growth'] },
    })
  })

  test('sessions, sheets and the clock survive a restart of every server', async () => {
    const d = (deployment = await deploySessions(mode, T0))
    const { roomId } = await roomWithCandidate(d)
    const { sessionId } = await d.sessions.start(roomId, olga, config)
    await d.sheets.edit(roomId, sessionId, olga, { op: 'score', dimension: 'requirements', score: 2 })
    d.advance(60_000)
    await d.sessions.control(roomId, olga, { type: 'pause' })
    await d.restart()

    const reader = d.open(roomId, cid.userId, 'candidate', 'session')
    await synced(reader.provider)
    expect(readSession(reader.doc)!.events.map((e) => e.type)).toEqual(['start', 'pause'])
    expect((await d.sessions.view(roomId, olga)).sheets[0]?.sheet.scores).toEqual({ requirements: 2 })
    expect((await d.sessions.view(roomId, cid)).session).toMatchObject({ sessionId, title: 'URL shortener' })
  })

  test('removed members see nothing of the board, its sessions or their history', async () => {
    const d = (deployment = await deploySessions(mode, T0))
    const { roomId } = await roomWithCandidate(d)
    const { sessionId } = await d.sessions.start(roomId, olga, config)
    await d.sheets.edit(roomId, sessionId, olga, { op: 'score', dimension: 'requirements', score: 2 })
    await d.sheets.share(roomId, sessionId, olga, true)
    expect(await d.sessions.listForUser(cid)).toHaveLength(1)
    await d.access.removeMember(roomId, olga, cid.userId)
    expect(await d.sessions.listForUser(cid)).toEqual([])
    await expect(d.sessions.view(roomId, cid, sessionId)).rejects.toMatchObject({ status: 403 })
    await expect(d.replay.manifest(roomId, cid, sessionId)).rejects.toMatchObject({ status: 403 })
  })
})
