import { describe, expect, it } from 'vitest'
import { HttpError } from '@/lib/http/fetchJson'
import { applySheetEdit, EMPTY_SHEET, type RubricSheet, type SheetEdit } from '@/lib/rubric/rubricSheet'
import type { SheetView } from '@/lib/session/sessionView'
import { classifyFailure, EditsWaitingError, SheetEditQueue, type PersistedEdits } from './sheetEditQueue'

/** Lets pending promise callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

const view = (sheet: RubricSheet, authorId = 'olga'): SheetView => ({
  authorId,
  authorName: 'Olga',
  sheet,
  mine: true,
  sharedAt: null,
  openToInterviewers: false,
  submittedAt: null,
})

const offline = () => new TypeError('Failed to fetch')
const score = (dimension: string, value: number | null): SheetEdit => ({ op: 'score', dimension, score: value })

/**
 * A server that stores the sheet the way `RubricSheets.edit` does (`applySheetEdit` on the stored
 * record), behind a network the test can cut, and a timer list the test runs by hand.
 */
function setup(options: { stored?: PersistedEdits | null; online?: boolean } = {}) {
  let stored: RubricSheet = EMPTY_SHEET
  let network: 'up' | 'down' | { refuse: HttpError } | { busy: HttpError } | 'lose-answer' = 'up'
  let online = options.online ?? true
  const sent: SheetEdit[] = []
  const timers: { run: () => void; ms: number }[] = []
  let persisted: PersistedEdits | null = options.stored ?? null
  let load: (() => Promise<SheetView>) | null = null
  const queue = new SheetEditQueue({
    send: async (edit) => {
      sent.push(edit)
      await Promise.resolve()
      if (network === 'down') throw offline()
      if (typeof network === 'object') throw 'refuse' in network ? network.refuse : network.busy
      stored = applySheetEdit(stored, edit, 'Olga')
      // The server stored it, then the answer was lost on the way back.
      if (network === 'lose-answer') throw offline()
      return view(stored)
    },
    fetch: () => (load ? load() : Promise.resolve(view(stored))),
    author: () => 'Olga',
    isOnline: () => online,
    store: { read: () => persisted, write: (value) => (persisted = value) },
    setTimer: (run, ms) => {
      const timer = { run, ms }
      timers.push(timer)
      return timer
    },
    clearTimer: (timer) => timers.splice(timers.indexOf(timer as (typeof timers)[number]), 1),
  })
  return {
    queue,
    sent,
    timers,
    stored: () => stored,
    persisted: () => persisted,
    setNetwork: (n: typeof network) => (network = n),
    setOnline: (o: boolean) => (online = o),
    /** Makes the next loads wait on the returned deferred. */
    holdLoads: () => {
      const d = deferred<SheetView>()
      load = () => d.promise
      return d
    },
    releaseLoads: () => (load = null),
    /** Runs the timer the queue set (its scheduled retry). */
    fireTimer: async () => {
      const timer = timers.shift()
      timer?.run()
      await settle()
      return timer?.ms
    },
  }
}

async function loaded(options?: Parameters<typeof setup>[0]) {
  const t = setup(options)
  await t.queue.load()
  await settle()
  return t
}

describe('classifyFailure', () => {
  it('tells a dropped network, a busy server and a refusal apart', () => {
    expect(classifyFailure(offline(), false)).toEqual({ kind: 'offline' })
    expect(classifyFailure(offline(), true)).toEqual({ kind: 'unreachable' })
    expect(classifyFailure(new HttpError(503, 'down'))).toEqual({ kind: 'busy' })
    expect(classifyFailure(new HttpError(408, 'slow'))).toEqual({ kind: 'busy' })
    expect(classifyFailure(new HttpError(429, 'slow down', 7_000))).toEqual({ kind: 'busy', retryAfterMs: 7_000 })
    expect(classifyFailure(new HttpError(409, 'this sheet was submitted'))).toEqual({
      kind: 'refused',
      message: 'this sheet was submitted',
    })
  })
})

describe('SheetEditQueue', () => {
  it('keeps an edit made offline pending and visible, and sends it when the browser is back online', async () => {
    // The tester's walk: offline, click score 2, back online, reload. The score used to show as saved and vanish.
    const t = await loaded({ online: false })
    t.setNetwork('down')
    t.queue.edit(score('requirements', 2))
    await settle()

    const waiting = t.queue.getState()
    expect(waiting.view?.sheet.scores).toEqual({ requirements: 2 })
    expect(waiting.pending).toBe(1)
    expect(waiting.waiting?.reason).toBe('offline')
    expect(waiting.refused).toBeNull()
    expect(t.stored().scores).toEqual({})
    // Kept for a reload of the tab until the server has it.
    expect(t.persisted()).toEqual({ authorId: 'olga', edits: [score('requirements', 2)] })

    t.setOnline(true)
    t.setNetwork('up')
    t.queue.retryNow() // the `online` event
    await settle()

    expect(t.stored().scores).toEqual({ requirements: 2 })
    const saved = t.queue.getState()
    expect(saved.pending).toBe(0)
    expect(saved.waiting).toBeNull()
    expect(saved.view?.sheet.scores).toEqual({ requirements: 2 })
    expect(t.persisted()).toBeNull()
    expect(t.timers).toHaveLength(0)
  })

  it('retries on its own with a growing pause (1 s … 15 s) and honours Retry-After', async () => {
    const t = await loaded()
    t.setNetwork('down')
    t.queue.edit(score('scalability', 3))
    await settle()
    const pauses: (number | undefined)[] = []
    for (let i = 0; i < 6; i++) pauses.push(await t.fireTimer())
    expect(pauses).toEqual([1_000, 2_000, 4_000, 8_000, 15_000, 15_000])
    expect(t.queue.getState().waiting?.reason).toBe('unreachable')

    t.setNetwork({ busy: new HttpError(429, 'too many requests', 40_000) })
    expect(await t.fireTimer()).toBe(15_000)
    expect(t.timers[0]?.ms).toBe(40_000)
    expect(t.queue.getState().waiting?.reason).toBe('busy')

    t.setNetwork('up')
    await t.fireTimer()
    expect(t.stored().scores).toEqual({ scalability: 3 })
    expect(t.queue.getState().pending).toBe(0)
  })

  it('sends edits one at a time in the order they were made, also after a failure', async () => {
    const t = await loaded()
    t.setNetwork('down')
    t.queue.edit(score('requirements', 3))
    t.queue.edit({ op: 'addNote', id: 'n1', at: 1_000, text: 'Asked about the read/write ratio' })
    t.queue.edit({ op: 'flag', flag: 'no-tradeoffs', on: true })
    t.queue.edit(score('requirements', 4))
    await settle()
    // Only the head was tried; the rest wait behind it.
    expect(t.sent).toEqual([score('requirements', 3)])
    expect(t.queue.getState().view?.sheet).toMatchObject({
      scores: { requirements: 4 },
      flags: ['no-tradeoffs'],
      notes: [{ id: 'n1' }],
    })

    t.setNetwork('up')
    t.sent.length = 0
    await t.fireTimer()
    expect(t.sent).toEqual([
      score('requirements', 3),
      { op: 'addNote', id: 'n1', at: 1_000, text: 'Asked about the read/write ratio' },
      { op: 'flag', flag: 'no-tradeoffs', on: true },
      score('requirements', 4),
    ])
    expect(t.stored()).toMatchObject({ scores: { requirements: 4 }, flags: ['no-tradeoffs'], notes: [{ id: 'n1' }] })

    // Arrow keys through the scores while offline: only the last score of a dimension not yet on its way is sent.
    t.setNetwork('down')
    t.queue.edit(score('communication', 1))
    await settle()
    t.queue.edit(score('communication', 2))
    t.queue.edit({ op: 'flag', flag: 'no-tradeoffs', on: false })
    t.queue.edit(score('communication', 3))
    t.setNetwork('up')
    t.sent.length = 0
    await t.fireTimer()
    expect(t.sent).toEqual([{ op: 'flag', flag: 'no-tradeoffs', on: false }, score('communication', 3)])
    expect(t.stored()).toMatchObject({ scores: { requirements: 4, communication: 3 }, flags: [] })
  })

  it('rolls a refused edit back to the server’s sheet, says why, and still sends the edits after it', async () => {
    const t = await loaded()
    t.queue.edit(score('requirements', 2))
    await settle()
    const message = 'a sheet holds at most 500 notes: remove one to add another'
    t.setNetwork({ refuse: new HttpError(409, message) })
    t.queue.edit({ op: 'addNote', id: 'n501', at: 5, text: 'one too many' })
    expect(t.queue.getState().view?.sheet.notes).toHaveLength(1)
    await settle()
    t.setNetwork('up')
    await settle()

    const state = t.queue.getState()
    expect(state.refused).toBe(message)
    expect(state.view?.sheet.notes).toEqual([])
    expect(state.view?.sheet.scores).toEqual({ requirements: 2 })
    expect(state.pending).toBe(0)
    expect(state.waiting).toBeNull()

    // The next edit clears the message.
    t.queue.edit(score('requirements', 3))
    expect(t.queue.getState().refused).toBeNull()
    await settle()
    expect(t.stored().scores).toEqual({ requirements: 3 })
  })

  it('never lets a late load erase a score that is pending or was saved after the load started', async () => {
    // Finding 2: "3" on Requirements, then a note; the server kept the note, the score vanished.
    const t = setup()
    const first = t.holdLoads()
    const firstLoad = t.queue.load()
    expect(t.queue.getState().loading).toBe(true)
    first.resolve(view(EMPTY_SHEET))
    await firstLoad
    await settle()

    // A refresh starts and reads the sheet before the score arrives on the server…
    const late = t.holdLoads()
    const refresh = t.queue.load()
    t.setNetwork('down')
    t.queue.edit(score('requirements', 3))
    await settle()
    // …and answers while the score is still waiting: the score stays, re-applied on the loaded sheet.
    late.resolve(view({ ...EMPTY_SHEET, flags: ['from-another-tab'] }))
    await refresh
    expect(t.queue.getState().view?.sheet).toMatchObject({
      scores: { requirements: 3 },
      flags: ['from-another-tab'],
    })

    // Another refresh starts; the score is saved and answered before the refresh answers with an old sheet.
    const stale = t.holdLoads()
    const again = t.queue.load()
    t.setNetwork('up')
    t.queue.retryNow()
    await settle()
    expect(t.stored().scores).toEqual({ requirements: 3 })
    stale.resolve(view(EMPTY_SHEET))
    await again
    expect(t.queue.getState().view?.sheet.scores).toEqual({ requirements: 3 })
    expect(t.queue.getState().server?.sheet.scores).toEqual({ requirements: 3 })

    // Then the note: the server holds both.
    t.releaseLoads()
    t.queue.edit({ op: 'addNote', id: 'n1', at: 60_000, text: 'Good scoping' })
    await settle()
    expect(t.stored()).toMatchObject({ scores: { requirements: 3 }, notes: [{ id: 'n1' }] })
  })

  it('resends an addNote whose answer was lost without duplicating the note (the server keeps one per id)', async () => {
    const t = await loaded()
    t.setNetwork('lose-answer')
    t.queue.edit({ op: 'addNote', id: 'n1', at: 1_000, text: 'Estimated peak QPS' })
    await settle()
    expect(t.stored().notes).toHaveLength(1)
    expect(t.queue.getState().pending).toBe(1)

    t.setNetwork('up')
    await t.fireTimer()
    expect(t.sent.filter((e) => e.op === 'addNote')).toHaveLength(2)
    expect(t.stored().notes).toHaveLength(1)
    expect(t.queue.getState().view?.sheet.notes).toHaveLength(1)
  })

  it('sends again after a reload the edits an earlier page of the tab left unsent, for the same author only', async () => {
    const edits = [score('requirements', 2), { op: 'addNote', id: 'n1', at: 5, text: 'kept' } as const]
    const t = await loaded({ stored: { authorId: 'olga', edits } })
    expect(t.sent).toEqual(edits)
    expect(t.stored()).toMatchObject({ scores: { requirements: 2 }, notes: [{ id: 'n1' }] })
    expect(t.persisted()).toBeNull()

    const other = await loaded({ stored: { authorId: 'someone-else', edits } })
    expect(other.sent).toEqual([])
    expect(other.stored().scores).toEqual({})
  })

  it('runs share or submit after the edits before it, and refuses it at once while edits wait', async () => {
    const t = await loaded()
    t.queue.edit(score('requirements', 4))
    const submitted = t.queue.action(async () => view(t.stored()))
    await expect(submitted).resolves.toMatchObject({ sheet: { scores: { requirements: 4 } } })

    t.setNetwork('down')
    t.queue.edit(score('requirements', 1))
    await settle()
    await expect(t.queue.action(async () => view(t.stored()))).rejects.toBeInstanceOf(EditsWaitingError)
    expect(t.queue.getState().pending).toBe(1)
  })
})
