import { test, expect, roomWith, shapes, drawRectangle, confirmDialog } from './fixtures'

test('restore this version: the candidate deletes everything, the owner restores the moment before from the replay, and both boards show the drawing again', async ({
  app,
  browser,
}) => {
  const {
    room,
    pages: [olga, cid],
  } = await roomWith(browser, app, 'Olga', 'Cid')
  await drawRectangle(olga, { x: 300, y: 250 }, { x: 420, y: 330 })
  await drawRectangle(olga, { x: 480, y: 250 }, { x: 600, y: 330 })
  await expect(shapes(cid)).toHaveCount(2)

  // A moment with the whole drawing (server and test share the clock), well clear of the edits around it.
  await olga.waitForTimeout(2_000)
  const beforeDeletion = Date.now()
  await olga.waitForTimeout(2_000)

  // The candidate selects everything and deletes it; the owner's board empties too.
  await cid.mouse.click(650, 520)
  await cid.keyboard.press('Control+a')
  await cid.keyboard.press('Delete')
  await expect(shapes(cid)).toHaveCount(0)
  await expect(shapes(olga)).toHaveCount(0)

  // The owner opens the board's replay: its end is the empty board.
  await olga.goto(`${room.url}/replay`)
  const replay = olga.getByTestId('replay')
  await expect(replay).toHaveAttribute('data-loaded', 'true')
  const replayShapes = replay.locator('.tl-shape[data-shape-id]')
  const scrubber = olga.getByTestId('replay-scrubber')
  await scrubber.focus()
  await olga.keyboard.press('End')
  await expect(replayShapes).toHaveCount(0)

  // Seek to the moment before the deletion by clicking the scrubber there.
  const min = Number(await scrubber.getAttribute('min'))
  const max = Number(await scrubber.getAttribute('max'))
  const box = (await scrubber.boundingBox())!
  await scrubber.click({ position: { x: (box.width * (beforeDeletion - min)) / (max - min), y: box.height / 2 } })
  await expect(replayShapes).toHaveCount(2)

  // Restore this version, confirmed in the dialog.
  await olga.getByTestId('restore-version').click()
  await expect(olga.getByTestId('confirm-dialog')).toContainText('Restore this version?')
  await confirmDialog(olga)
  await expect(olga.getByTestId('restore-done')).toContainText('Restored')

  // The candidate, still on the board, sees the drawing come back live.
  await expect(shapes(cid)).toHaveCount(2)

  // The confirmation links back to the board, which holds the drawing again.
  await olga.getByTestId('restore-back').click()
  await expect(olga.locator('.tl-canvas')).toBeVisible({ timeout: 60_000 })
  await expect(shapes(olga)).toHaveCount(2)

  // The candidate may not restore: no button on their replay (and the API says 403).
  await cid.goto(`${room.url}/replay`)
  await expect(cid.getByTestId('replay')).toHaveAttribute('data-loaded', 'true')
  await expect(cid.getByTestId('restore-version')).toHaveCount(0)
  const refused = await cid.request.post(`${app.url}/api/rooms/${room.roomId}/restore`, { data: { seq: 1 } })
  expect(refused.status()).toBe(403)

  // The replay now holds the deletion and the restore: its end shows the drawing again.
  await cid.getByTestId('replay-scrubber').focus()
  await cid.keyboard.press('End')
  await expect(cid.getByTestId('replay').locator('.tl-shape[data-shape-id]')).toHaveCount(2)
})
