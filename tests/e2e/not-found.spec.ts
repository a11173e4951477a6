import type { Page } from '@playwright/test'
import { test, expect, createRoom, openBoard, participant } from './fixtures'

/** Collects the CSP violations `page` logs (a page whose scripts lack the response's nonce logs one per script). */
function cspViolations(page: Page): string[] {
  const violations: string[] = []
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(message.text())
  })
  return violations
}

/** A well-formed session id no board has. */
const NO_SUCH_SESSION = 'AAAAAAAAAAAAAAAAAAAAAA'

test('dead ends are styled 404 pages with the way back: unknown paths, malformed ids, a missing session’s summary and replay', async ({
  app,
  browser,
}) => {
  const alice = await participant(browser, app, 'Alice')
  const violations = cspViolations(alice)
  const room = await createRoom(alice, app)

  for (const path of ['/nope', '/r/xyz', `/r/xyz/s/${NO_SUCH_SESSION}/summary`]) {
    const response = await alice.goto(`${app.url}${path}`)
    expect(response!.status(), path).toBe(404)
    await expect(alice.getByTestId('page-not-found'), path).toBeVisible()
    await expect(alice.getByRole('heading', { level: 1 }), path).toHaveText('No such page')
    await expect(alice.getByRole('link', { name: 'Go to my boards' }), path).toHaveAttribute('href', '/')
  }

  for (const path of [
    `/r/${room.roomId}/s/${NO_SUCH_SESSION}/summary`,
    `/r/${room.roomId}/s/${NO_SUCH_SESSION}/replay`,
    `/r/${room.roomId}/s/xyz/summary`,
    `/r/${room.roomId}/s/xyz/replay`,
  ]) {
    const response = await alice.goto(`${app.url}${path}`)
    expect(response!.status(), path).toBe(404)
    await expect(alice.getByTestId('session-not-found'), path).toBeVisible()
    await expect(alice.getByRole('heading', { level: 1 }), path).toHaveText('No such session on this board')
    await expect(alice.getByRole('link', { name: 'Back to the board' }), path).toHaveAttribute(
      'href',
      `/r/${room.roomId}`
    )
    await expect(alice.getByRole('link', { name: 'Go to my boards' }), path).toHaveAttribute('href', '/')
    await expect(alice.locator('body'), path).not.toContainText('Error:')
  }

  await alice.getByRole('link', { name: 'Back to the board' }).click()
  await alice.waitForURL(room.url)
  await expect(alice.locator('.tl-canvas')).toBeVisible({ timeout: 30_000 })
  // Every 404 ran its scripts: none carried a nonce other than its response's.
  expect(violations).toEqual([])
})

test('a replay whose data fails to load says so in words, with a retry, and the missing session’s page when it went meanwhile', async ({
  app,
  browser,
}) => {
  const alice = await participant(browser, app, 'Alice')
  const room = await createRoom(alice, app)
  await openBoard(alice, room.url) // the board's first load seeds it: its replay has something to show
  const manifest = (url: URL) => url.pathname === `/api/rooms/${room.roomId}/replay`

  // The server fails once.
  await alice.route(manifest, (route) => route.fulfill({ status: 500, json: { error: 'internal error' } }))
  await alice.goto(`${room.url}/replay`)
  await expect(alice.getByTestId('replay-load-error')).toBeVisible()
  await expect(alice.getByRole('heading', { level: 1 })).toHaveText('The replay could not be loaded')
  await expect(alice.getByTestId('replay-load-error')).not.toContainText('Error:')
  await expect(alice.getByRole('link', { name: 'Back to the board' })).toHaveAttribute('href', `/r/${room.roomId}`)
  await alice.unroute(manifest)
  await alice.getByRole('button', { name: 'Try again' }).click()
  await expect(alice.getByTestId('replay')).toHaveAttribute('data-loaded', 'true', { timeout: 30_000 })

  // The server cannot be reached.
  await alice.route(manifest, (route) => route.abort('internetdisconnected'))
  await alice.reload()
  await expect(alice.getByTestId('replay-load-error')).toContainText('The server could not be reached')
  await alice.unroute(manifest)

  // The session went between the page and its data (deleted meanwhile): the session pages' own not-found.
  await alice.route(manifest, (route) =>
    route.fulfill({ status: 404, json: { error: 'no such session on this board' } })
  )
  await alice.reload()
  await expect(alice.getByTestId('session-not-found')).toBeVisible()
  await expect(alice.getByRole('heading', { level: 1 })).toHaveText('No such session on this board')
})
