import type { Page } from '@playwright/test'
import {
  test,
  expect,
  roomWith,
  openBoard,
  confirmDialog,
  insertBySearch,
  currentSessionId,
  chooseProblem,
} from './fixtures'
import { formatMoment } from '../../components/ui/time/readerTime'

/** Seconds left in the current phase as the page shows it ("4:58" → 298). */
async function phaseSecondsLeft(page: Page): Promise<number> {
  const text = (await page.getByTestId('phase-remaining').textContent()) ?? ''
  const [m, s] = text.replace('+', '').split(':').map(Number)
  return (text.startsWith('+') ? -1 : 1) * (m! * 60 + s!)
}

/** Both pages show the same phase, and the same time left within a second. */
async function expectSameClock(a: Page, b: Page) {
  const phase = (page: Page) => page.getByTestId('session-phase').textContent()
  await expect.poll(async () => (await phase(a)) === (await phase(b))).toBe(true)
  await expect
    .poll(async () => Math.abs((await phaseSecondsLeft(a)) - (await phaseSecondsLeft(b))))
    .toBeLessThanOrEqual(1)
}

async function startSession(page: Page, problemId: string, mode: 'pair' | 'solo') {
  await chooseProblem(page, problemId, problemId.split('-')[0])
  await page.getByTestId('mode-select').selectOption(mode)
  await page.getByTestId('start-session').click()
  await expect(page.getByTestId('session-strip')).toBeVisible()
}

async function endSession(page: Page) {
  await page.getByTestId('clock-end').click()
  await confirmDialog(page)
  await expect(page.getByTestId('session-strip')).toContainText('Session ended')
}

/** Scores one dimension on the user's own sheet and waits until the server has it. */
async function score(page: Page, dimension: string, value: number) {
  await page
    .getByTestId(`dimension-${dimension}`)
    .getByRole('radio', { name: String(value) })
    .click()
  await expect(page.getByTestId('sheet-status')).toContainText('Saved')
}

/** Everything a page receives: WebSocket frames and HTTP response bodies, as text. */
function recordTraffic(page: Page) {
  const received: string[] = []
  page.on('websocket', (ws) =>
    ws.on('framereceived', ({ payload }) => received.push(Buffer.from(payload).toString('latin1')))
  )
  page.on('response', (response) => {
    void response.text().then(
      (body) => received.push(body),
      () => undefined
    )
  })
  return received
}

test('pair: one clock for both, through reloads and a server restart; requirements on request; the rubric reaches the candidate only when shared', async ({
  app,
  browser,
}) => {
  const {
    pages: [olga, cid],
  } = await roomWith(browser, app, 'Olga', 'Cid')
  const received = recordTraffic(cid)
  await cid.reload()
  await openBoard(cid, cid.url())
  await expect(cid.getByTestId('waiting-for-session')).toBeVisible()

  await startSession(olga, 'url-shortener', 'pair')
  await expect(cid.getByTestId('session-phase')).toHaveText('1/6 · Requirements')
  await expectSameClock(olga, cid)
  await expect(cid.getByTestId('problem-card')).toContainText('URL shortener')
  await expect(cid.getByTestId('follow-ups')).toHaveCount(0)
  await expect(olga.getByTestId('follow-ups')).toBeVisible()
  // The candidate starts with the prompt only; the interviewer reveals the scale when asked.
  await expect(cid.getByTestId('unrevealed-scale')).toContainText('ask the interviewer')
  await olga.getByTestId('reveal-scale').click()
  await expect(cid.getByTestId('part-scale')).toBeVisible()
  await expect(cid.getByTestId('unrevealed-functional')).toBeVisible()

  // The interviewer scores and notes in private.
  await olga.getByTestId('tab-rubric').click()
  await score(olga, 'requirements', 3)
  await olga.getByPlaceholder('Note at the current time').fill('Asked about the read to write ratio early')
  await olga.getByPlaceholder('Note at the current time').press('Enter')
  await expect(olga.getByTestId('rubric-panel')).toContainText('Asked about the read to write ratio early')
  await expect(olga.getByTestId('sheet-status')).toContainText('Saved')
  // A note written by mistake can be deleted.
  await olga.getByPlaceholder('Note at the current time').fill('tpyo, ignore')
  await olga.getByPlaceholder('Note at the current time').press('Enter')
  await olga.getByRole('button', { name: 'Delete the note “tpyo, ignore”' }).click()
  await expect(olga.getByTestId('rubric-panel')).not.toContainText('tpyo, ignore')
  await expect(olga.getByTestId('sheet-status')).toContainText('Saved')

  await olga.getByTestId('clock-next').click()
  await expect(olga.getByTestId('session-phase')).toHaveText('2/6 · Estimation')
  await expect(cid.getByTestId('session-phase')).toHaveText('2/6 · Estimation')
  await expectSameClock(olga, cid)

  await cid.reload()
  await openBoard(cid, cid.url())
  await expectSameClock(olga, cid)

  // While the server is away the clock's controls wait, saying why, so no pause is silently lost.
  await app.stop()
  await expect(olga.getByTestId('connection-badge')).toHaveText(/Reconnecting|Offline/)
  await expect(olga.getByTestId('clock-pause')).toBeDisabled()
  await expect(olga.getByTestId('clock-pause').locator('..')).toHaveAttribute('title', /Offline/)
  await app.start()
  await expect(olga.getByTestId('connection-badge')).toHaveText('Connected')
  await expect(olga.getByTestId('clock-pause')).toBeEnabled()
  await olga.getByTestId('clock-pause').click()
  await expect(cid.getByTestId('session-strip')).toHaveAttribute('data-status', 'paused')
  await olga.getByTestId('clock-resume').click()
  await expect(cid.getByTestId('session-strip')).toHaveAttribute('data-status', 'running')
  await expect(cid.getByTestId('connection-badge')).toHaveText('Connected')
  await expect(cid.getByTestId('session-phase')).toHaveText('2/6 · Estimation')
  await expectSameClock(olga, cid)

  // Nothing of the rubric has reached the candidate's browser…
  await expect(cid.getByTestId('tab-rubric')).toHaveCount(0)
  expect(received.some((frame) => frame.includes('read to write ratio'))).toBe(false)
  expect(received.length).toBeGreaterThan(5)

  // …until the interviewer shares it (it asks first).
  await olga.getByTestId('share-rubric').click()
  await confirmDialog(olga)
  await expect(olga.getByTestId('toast-success')).toContainText('Shared: the candidate can read this sheet')
  await expect(olga.getByTestId('sheet-status')).toContainText('Shared with the candidate')
  await cid.getByTestId('tab-rubric').click()
  await expect(cid.getByTestId('shared-rubric')).toContainText('Asked about the read to write ratio early')
})

test('two sessions on one board: the second starts empty, each has its own frozen summary, both in My sessions; the interviewer deletes one', async ({
  app,
  browser,
}) => {
  const {
    room,
    pages: [olga, cid],
  } = await roomWith(browser, app, 'Olga', 'Cid')
  await startSession(olga, 'url-shortener', 'pair')
  await insertBySearch(cid, 'LB')
  await expect(olga.getByTestId('block-shape')).toHaveCount(1)
  await olga.getByTestId('tab-rubric').click()
  await score(olga, 'requirements', 2)
  await endSession(olga)
  const first = await currentSessionId(olga, app, room.roomId)

  // An edit after the end: on the board, never in the first session's summary.
  await insertBySearch(cid, 'Kafka')
  await expect(olga.getByTestId('block-shape')).toHaveCount(2)

  await olga.getByTestId('new-session').click()
  await startSession(olga, 'rate-limiter', 'pair')
  await olga.getByTestId('tab-rubric').click()
  await expect(olga.getByTestId('dimension-requirements').getByRole('radio', { checked: true })).toHaveCount(0)
  await score(olga, 'requirements', 4)
  await endSession(olga)
  const second = await currentSessionId(olga, app, room.roomId)
  expect(second).not.toBe(first)

  // Each summary has its own scores and its own board: the first stops at its end.
  const summaryOf = async (sessionId: string) => {
    await olga.goto(`${room.url}/s/${sessionId}/summary`)
    await expect(olga.getByTestId('board-image')).toBeVisible()
    return olga.content()
  }
  const firstHtml = await summaryOf(first)
  await expect(olga.locator('[data-testid="score-row"][data-dimension="requirements"]')).toContainText('2/4')
  await expect(olga.getByTestId('board-image').locator('img, svg').first()).toBeVisible()
  expect(firstHtml).toContain('load-balancer')
  expect(firstHtml).not.toContain('kafka-log')
  await olga.screenshot({ path: test.info().outputPath('first-summary.png'), fullPage: true })
  const secondHtml = await summaryOf(second)
  await expect(olga.locator('[data-testid="score-row"][data-dimension="requirements"]')).toContainText('4/4')
  expect(secondHtml).toContain('kafka-log')

  await olga.goto(`${app.url}/sessions`)
  await expect(olga.getByTestId('session-row')).toHaveCount(2)
  await expect(olga.locator(`[data-session-id="${first}"]`)).toContainText('2.0')
  await expect(olga.locator(`[data-session-id="${second}"]`)).toContainText('4.0')
  await expect(olga.locator(`[data-session-id="${second}"]`)).toContainText('Interviewer')
  // The board is on the home page, to come back to.
  await olga.goto(`${app.url}/`)
  await expect(olga.locator(`[data-testid="board-item"][data-room-id="${room.roomId}"]`)).toBeVisible()

  // The candidate cannot delete a session; the interviewer deletes the first, after confirming.
  await cid.goto(`${room.url}/s/${first}/summary`)
  await expect(cid.getByTestId('summary-title')).toBeVisible()
  await expect(cid.getByTestId('delete-session')).toHaveCount(0)
  await olga.goto(`${room.url}/s/${first}/summary`)
  await olga.getByTestId('delete-session').click()
  await confirmDialog(olga)
  await olga.waitForURL(room.url)
  await olga.goto(`${app.url}/sessions`)
  await expect(olga.getByTestId('session-row')).toHaveCount(1)
  await expect(olga.locator(`[data-session-id="${second}"]`)).toBeVisible()
  const gone = await olga.request.get(`${app.url}/api/rooms/${room.roomId}/sessions/${first}`)
  expect(gone.status()).toBe(404)

  // Olga reads her pages from Kolkata, in American English: every date is in her zone, not the server's UTC,
  // with no hydration error (the server's HTML says UTC, and says so).
  const abroad = { locale: 'en-US', timezoneId: 'Asia/Kolkata' }
  const kolkata = await (
    await browser.newContext({ storageState: await olga.context().storageState(), ...abroad })
  ).newPage()
  const errors: string[] = []
  kolkata.on('console', (message) => message.type() === 'error' && errors.push(message.text()))
  kolkata.on('pageerror', (error) => errors.push(error.message))
  const expectLocalTimes = async (url: string) => {
    await kolkata.goto(url)
    const times = kolkata.getByTestId('local-time')
    await expect(times.first()).toContainText('GMT+5:30')
    for (const time of await times.all()) {
      const at = Date.parse((await time.getAttribute('datetime'))!)
      await expect(time).toHaveText(formatMoment(at, 'dateTime', { locale: 'en-US', timeZone: 'Asia/Kolkata' }))
    }
  }
  await expectLocalTimes(`${room.url}/s/${second}/summary`)
  await expectLocalTimes(`${app.url}/sessions`)
  await expectLocalTimes(`${app.url}/`)
  expect(errors).toEqual([])
  await olga.goto(`${room.url}/s/${second}/summary`)
  await expect(olga.getByTestId('local-time')).toContainText('UTC')
})

test('a swap mid-session hands the new interviewer nothing of the old one’s sheet, over any socket or response', async ({
  app,
  browser,
}) => {
  const {
    room,
    pages: [olga, cid],
  } = await roomWith(browser, app, 'Olga', 'Cid')
  const received = recordTraffic(cid)
  await startSession(olga, 'url-shortener', 'pair')
  await olga.getByTestId('tab-rubric').click()
  await score(olga, 'trade-offs', 1)
  await olga.getByPlaceholder('Note at the current time').fill('weak on caching, would not hire')
  await olga.getByPlaceholder('Note at the current time').press('Enter')
  await expect(olga.getByTestId('sheet-status')).toContainText('Saved')

  await olga.getByTestId('invite-button').click()
  await olga.getByTestId('swap-roles').click()
  await confirmDialog(olga)
  await expect(cid.getByTestId('role-badge')).toHaveText('Interviewer')
  await expect(olga.getByTestId('role-badge')).toHaveText('Candidate')
  // Cid now runs the clock, but has no sheet in this session and reads nobody's.
  await expect(cid.getByTestId('clock-next')).toBeVisible()
  await expect(cid.getByTestId('tab-rubric')).toHaveCount(0)
  await cid.getByTestId('clock-next').click()
  await expect(olga.getByTestId('session-phase')).toHaveText('2/6 · Estimation')
  const sessionId = await currentSessionId(cid, app, room.roomId)
  await cid.goto(`${room.url}/s/${sessionId}/summary`)
  await expect(cid.getByTestId('summary-title')).toHaveText('URL shortener')
  await cid.goto(`${room.url}/s/${sessionId}/replay`)
  await expect(cid.getByTestId('replay')).toHaveAttribute('data-loaded', 'true')
  expect(received.some((text) => text.includes('would not hire'))).toBe(false)
  // Olga, now the candidate, still has her own sheet.
  await olga.getByTestId('tab-rubric').click()
  await expect(olga.getByTestId('shared-rubric')).toContainText('would not hire')
})

test('solo: reveal step by step, advance phases, a self-score that opens by itself, the checklist with a hand tick, the summary', async ({
  app,
  browser,
}) => {
  const {
    room,
    pages: [page],
  } = await roomWith(browser, app, 'Sol')
  // As the home page's "Practise solo" opens it: solo from the start, not "Interviewer" with a call to join.
  await openBoard(page, `${room.url}?mode=solo`)
  await expect(page.getByTestId('role-badge')).toHaveText('You · solo practice')
  await expect(page.getByTestId('call-join')).toHaveCount(0)
  await startSession(page, 'url-shortener', 'solo')
  await expect(page.getByTestId('role-badge')).toHaveText('You · solo practice')
  // Nobody to call when practising alone.
  await expect(page.getByTestId('call-join')).toHaveCount(0)
  // The checklist and rubric wait for the end in solo practice; the requirements wait to be revealed.
  await expect(page.getByTestId('tab-rubric')).toHaveCount(0)
  await expect(page.getByTestId('unrevealed-functional')).toContainText('hidden until you reveal')
  await page.getByTestId('unrevealed-functional').getByRole('button', { name: 'Reveal' }).click()
  await expect(page.getByTestId('part-functional')).toBeVisible()

  for (const query of ['LB', 'Redis', 'Snowflake']) await insertBySearch(page, query)
  await expect(page.getByTestId('block-shape')).toHaveCount(3)

  await expect(page.getByTestId('session-phase')).toHaveText('1/6 · Requirements')
  for (let phase = 2; phase <= 6; phase++) {
    await page.getByTestId('clock-next').click()
    await expect(page.getByTestId('session-phase')).toContainText(`${phase}/6`)
  }
  await page.getByTestId('clock-next').click()
  await expect(page.getByTestId('session-strip')).toContainText('Session ended')

  // The self-score step opens by itself.
  await expect(page.getByTestId('rubric-panel')).toBeVisible()
  for (const dimension of ['requirements', 'high-level-design', 'communication']) await score(page, dimension, 3)

  await page.getByTestId('tab-checklist').click()
  const ticked = page.locator('[data-testid="checklist-item"][data-ticked]')
  await expect(ticked.filter({ hasText: 'load balancer' })).toHaveCount(1)
  await expect(ticked.filter({ hasText: 'code generation' })).toHaveCount(1)
  await expect(ticked).toHaveCount(3)
  await page.getByRole('checkbox', { name: /Estimates read and write QPS/ }).check()
  await expect(ticked).toHaveCount(4)

  // The design review opens at the end too, and goes into the summary.
  await page.getByTestId('tab-review').click()
  await expect(page.getByTestId('review-finding').first()).toBeVisible()

  await page.getByTestId('summary-link').click()
  await expect(page).toHaveURL(new RegExp(`${room.url}/s/[\\w-]+/summary$`))
  await expect(page.getByTestId('scores-chart')).toBeVisible()
  await expect(page.getByTestId('timing-chart')).toBeVisible()
  await expect(page.getByTestId('scores-chart')).toContainText('Requirements')
  await expect(page.getByTestId('summary-review')).toContainText('single point of failure')
  await expect(page.getByTestId('checklist-result')).toContainText('4 of')
  await page.screenshot({ path: test.info().outputPath('summary.png'), fullPage: true })

  // My sessions lists it, with its average on the chart.
  await page.goto(`${app.url}/`)
  await page.getByTestId('my-sessions').click()
  await expect(page.getByTestId('session-row')).toHaveCount(1)
  await expect(page.getByTestId('session-row')).toContainText('URL shortener')
  await expect(page.getByTestId('session-row')).toContainText('Solo')
  await expect(page.getByTestId('history-chart')).toBeVisible()
  // Her self-score is a line of its own, not among scores an interviewer gave her.
  const legend = page.getByTestId('history-chart').locator('.recharts-legend-wrapper')
  await expect(legend).toContainText('Self-scored (solo)')
  await expect(page.getByTestId('history-chart').locator('.recharts-line-dot')).toHaveCount(1)
})
