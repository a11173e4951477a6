import type { Page } from '@playwright/test'
import { test, expect, roomWith, openBoard } from './fixtures'

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
  await page.getByTestId('problem-select').selectOption(problemId)
  await page.getByTestId('mode-select').selectOption(mode)
  await page.getByTestId('start-session').click()
  await expect(page.getByTestId('session-strip')).toBeVisible()
}

test('pair: one clock for both, through reloads and a server restart; the rubric reaches the candidate only when shared', async ({
  app,
  browser,
}) => {
  const {
    pages: [olga, cid],
  } = await roomWith(browser, app, 'Olga', 'Cid')
  // Everything the candidate's browser receives over its WebSockets, from the start.
  const received: string[] = []
  const listen = (page: Page) =>
    page.on('websocket', (ws) =>
      ws.on('framereceived', ({ payload }) => received.push(Buffer.from(payload).toString('latin1')))
    )
  listen(cid)
  await cid.reload()
  await openBoard(cid, cid.url())
  await expect(cid.getByTestId('waiting-for-session')).toBeVisible()

  await startSession(olga, 'url-shortener', 'pair')
  await expect(cid.getByTestId('session-phase')).toHaveText('1/6 · Requirements')
  await expectSameClock(olga, cid)
  await expect(cid.getByTestId('problem-card')).toContainText('URL shortener')
  await expect(cid.getByTestId('follow-ups')).toHaveCount(0)
  await expect(olga.getByTestId('follow-ups')).toBeVisible()

  // The interviewer scores and notes in private.
  await olga.getByTestId('tab-rubric').click()
  await olga.getByTestId('dimension-requirements').getByRole('radio', { name: '3' }).click()
  await olga.getByPlaceholder('Note at the current time').fill('Asked about the read to write ratio early')
  await olga.getByPlaceholder('Note at the current time').press('Enter')
  await expect(olga.getByTestId('rubric-panel')).toContainText('Asked about the read to write ratio early')

  await olga.getByTestId('clock-next').click()
  await expect(olga.getByTestId('session-phase')).toHaveText('2/6 · Estimation')
  await expect(cid.getByTestId('session-phase')).toHaveText('2/6 · Estimation')
  await expectSameClock(olga, cid)

  await cid.reload()
  await openBoard(cid, cid.url())
  await expectSameClock(olga, cid)

  await app.stop()
  await app.start()
  await expect(olga.getByTestId('connection-badge')).toHaveText('Connected')
  await expect(cid.getByTestId('connection-badge')).toHaveText('Connected')
  await expect(cid.getByTestId('session-phase')).toHaveText('2/6 · Estimation')
  await expectSameClock(olga, cid)

  // Nothing of the rubric has reached the candidate's browser…
  await expect(cid.getByTestId('tab-rubric')).toHaveCount(0)
  expect(received.some((frame) => frame.includes('read to write ratio'))).toBe(false)
  expect(received.length).toBeGreaterThan(5)

  // …until the interviewer shares it.
  await olga.getByTestId('share-rubric').click()
  await cid.getByTestId('tab-rubric').click()
  await expect(cid.getByTestId('shared-rubric')).toContainText('Asked about the read to write ratio early')
  expect(received.some((frame) => frame.includes('read to write ratio'))).toBe(true)
})

test('solo: start, advance phases, self-score, see the checklist ticked from the board, open the summary', async ({
  app,
  browser,
}) => {
  const {
    room,
    pages: [page],
  } = await roomWith(browser, app, 'Sol')
  await startSession(page, 'url-shortener', 'solo')
  // The checklist and rubric wait for the end in solo practice.
  await expect(page.getByTestId('tab-rubric')).toHaveCount(0)

  for (const query of ['LB', 'Redis', 'Snowflake']) {
    await page.getByTestId('palette-search').fill(query)
    await page.getByTestId('palette-search').press('Enter')
  }
  await expect(page.getByTestId('block-shape')).toHaveCount(3)

  await expect(page.getByTestId('session-phase')).toHaveText('1/6 · Requirements')
  for (let phase = 2; phase <= 6; phase++) {
    await page.getByTestId('clock-next').click()
    await expect(page.getByTestId('session-phase')).toContainText(`${phase}/6`)
  }
  await page.getByTestId('clock-next').click()
  await expect(page.getByTestId('session-strip')).toContainText('Session ended')

  await page.getByTestId('tab-rubric').click()
  for (const dimension of ['requirements', 'high-level-design', 'communication']) {
    await page.getByTestId(`dimension-${dimension}`).getByRole('radio', { name: '3' }).click()
  }
  await page.getByTestId('save-scores').click()

  await page.getByTestId('tab-checklist').click()
  const ticked = page.locator('[data-testid="checklist-item"][data-ticked]')
  await expect(ticked.filter({ hasText: 'load balancer' })).toHaveCount(1)
  await expect(ticked.filter({ hasText: 'code generation' })).toHaveCount(1)
  await expect(ticked).toHaveCount(3)

  // The design review opens at the end too, and goes into the summary.
  await page.getByTestId('tab-review').click()
  await expect(page.getByTestId('review-finding').first()).toBeVisible()

  await page.getByTestId('summary-link').click()
  await expect(page).toHaveURL(`${room.url}/summary`)
  await expect(page.getByTestId('scores-chart')).toBeVisible()
  await expect(page.getByTestId('timing-chart')).toBeVisible()
  await expect(page.getByTestId('scores-chart')).toContainText('Requirements')
  await expect(page.getByTestId('summary-review')).toContainText('single point of failure')
  await page.screenshot({ path: test.info().outputPath('summary.png'), fullPage: true })

  // My sessions lists it, with its average on the chart.
  await page.goto(`${app.url}/`)
  await page.getByTestId('my-sessions').click()
  await expect(page.getByTestId('session-row')).toHaveCount(1)
  await expect(page.getByTestId('session-row')).toContainText('URL shortener')
  await expect(page.getByTestId('history-chart')).toBeVisible()
})
