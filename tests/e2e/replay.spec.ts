import { test, expect, roomWith, insertBySearch, currentSessionId, chooseProblem } from './fixtures'

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
