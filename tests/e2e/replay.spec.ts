import {
  test,
  expect,
  roomWith,
  insertBySearch,
  currentSessionId,
  chooseProblem,
  preloadedFonts,
  BOARD_FONT_PRELOADS,
} from './fixtures'

test('replay: scrubbing shows the board as it was, play reaches the end, phase and note markers jump to their moments', async ({
  app,
  browser,
}) => {
  const {
    room,
    pages: [olga],
  } = await roomWith(browser, app, 'Olga')
  await chooseProblem(olga, 'url-shortener')
  await olga.getByTestId('start-session').click()
  await expect(olga.getByTestId('session-strip')).toBeVisible()

  // A short session with known order: LB, then the estimation phase, Redis, a note, Kafka.
  await insertBySearch(olga, 'LB')
  await olga.waitForTimeout(1200)
  await olga.getByTestId('clock-next').click()
  await expect(olga.getByTestId('session-phase')).toContainText('Estimation')
  await olga.waitForTimeout(1200)
  await insertBySearch(olga, 'Redis')
  await olga.waitForTimeout(1200)
  await olga.getByTestId('tab-rubric').click()
  await olga.getByPlaceholder('Note at the current time').fill('Chose a cache early')
  await olga.getByPlaceholder('Note at the current time').press('Enter')
  await olga.waitForTimeout(1200)
  await insertBySearch(olga, 'Kafka')
  await expect(olga.getByTestId('block-shape')).toHaveCount(3)
  await olga.waitForTimeout(500)

  const sessionId = await currentSessionId(olga, app, room.roomId)
  await olga.goto(`${room.url}/s/${sessionId}/replay`)
  const replay = olga.getByTestId('replay')
  await expect(replay).toHaveAttribute('data-loaded', 'true')
  // The replay draws the board too, so its head preloads the board's fonts (tldraw waits for them to draw).
  expect(await preloadedFonts(olga)).toEqual(BOARD_FONT_PRELOADS)
  const blocks = replay.getByTestId('block-shape')

  // The scrubber: the very start is an empty board, the end the final one.
  await olga.getByTestId('replay-scrubber').focus()
  await olga.keyboard.press('Home')
  await expect(blocks).toHaveCount(0)
  await olga.keyboard.press('End')
  await expect(blocks).toHaveCount(3)

  // The estimation phase began after the load balancer and before Redis: the board in between.
  await olga.locator('[data-testid="phase-marker"][data-phase="estimation"]').click()
  await expect(blocks).toHaveCount(1)
  await expect(blocks.first()).toHaveAttribute('data-kind', 'load-balancer')

  // The note was written after Redis, before Kafka.
  await olga.getByTestId('note-marker').click()
  await expect(blocks).toHaveCount(2)

  // Play from the start at 16× (idle stretches skipped) reaches the final board.
  await olga.getByTestId('replay-scrubber').focus()
  await olga.keyboard.press('Home')
  await expect(blocks).toHaveCount(0)
  await olga.getByTestId('replay-speed').selectOption('16')
  await olga.getByTestId('replay-play').click()
  await expect(olga.getByTestId('replay-play')).toHaveAttribute('aria-label', 'Pause')
  await expect(blocks).toHaveCount(3, { timeout: 30_000 })
  await expect(olga.getByTestId('replay-play')).toHaveAttribute('aria-label', 'Play')

  // The rubric note's time in the summary opens the replay at that moment.
  await olga.goto(`${room.url}/summary`)
  await olga.getByTestId('note').getByRole('link').click()
  await expect(olga.getByTestId('replay')).toHaveAttribute('data-loaded', 'true')
  await expect(olga.getByTestId('replay').getByTestId('block-shape')).toHaveCount(2)
})

test('replay shows where the other person’s cursor was, with their name', async ({ app, browser }) => {
  const {
    room,
    pages: [olga, cara],
  } = await roomWith(browser, app, 'Olga', 'Cara')
  await chooseProblem(olga, 'url-shortener')
  await olga.getByTestId('start-session').click()
  await expect(cara.getByTestId('session-strip')).toBeVisible()
  // Cara points around the canvas (recorded a few times a second)…
  const canvas = await cara.locator('.tl-canvas').boundingBox()
  for (let step = 0; step < 20; step++)
    await cara.mouse.move(canvas!.x + 200 + step * 10, canvas!.y + 200 + step * 5, { steps: 2 })
  // …and once her last position has reached the log, Olga adds a block: the replay runs to that moment.
  await expect
    .poll(async () => {
      const log = await olga.request.get(`${app.url}/api/rooms/${room.roomId}/replay/log?stream=presence&after=0`)
      const { entries } = (await log.json()) as { entries: { data: string }[] }
      const text = entries.map((e) => Buffer.from(e.data, 'base64').toString()).join()
      return new Set(text.match(/"k":\[-?\d+,-?\d+\]/g)).size // distinct cursor positions recorded
    })
    .toBeGreaterThanOrEqual(3)
  await insertBySearch(olga, 'LB')
  await expect(olga.getByTestId('block-shape')).toHaveCount(1)

  const sessionId = await currentSessionId(olga, app, room.roomId)
  await olga.goto(`${room.url}/s/${sessionId}/replay`)
  await expect(olga.getByTestId('replay')).toHaveAttribute('data-loaded', 'true')
  await olga.getByTestId('replay-scrubber').focus()
  await olga.keyboard.press('End')
  await expect(olga.getByTestId('replay').getByTestId('block-shape')).toHaveCount(1)
  await expect(olga.getByTestId('replay').locator('.tl-nametag', { hasText: 'Cara' })).toBeVisible()
})
