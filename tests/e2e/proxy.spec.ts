import { test, expect, insertBySearch, shapes } from './fixtures'
import { LoadBalancer } from '../support/loadBalancer'

/**
 * The app behind the README's own nginx configuration (`Running at scale`,
 * read from the README by `LoadBalancer`), as an operator deploys it. An
 * operator who once followed it got a 403 on "New board": nginx passed its
 * upstream's name as the Host, so every write looked cross-origin.
 */
test("behind the README's nginx: sign in, create a board, draw, reload; /metrics stays closed and no ticket is logged", async ({
  app,
  browser,
}) => {
  const lb = await LoadBalancer.start({ collab: [app.port], web: [app.port] })
  try {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${lb.origin}/signin?callbackUrl=/`)
    await page.getByTestId('guest-name').fill('Nadia')
    await page.getByTestId('guest-sign-in').click()
    await page.waitForURL(`${lb.origin}/`)

    // A write through the proxy passes the same-origin check, and the board's sockets go through it too.
    await page.getByTestId('new-board').click()
    await page.waitForURL(new RegExp(`^${lb.origin}/r/[\\w-]+$`))
    await expect(page.locator('.tl-canvas')).toBeVisible({ timeout: 60_000 })
    await expect(page.getByTestId('connection-badge')).toHaveText('Connected')
    await insertBySearch(page, 'LB')
    await expect(shapes(page)).toHaveCount(1)
    await page.reload()
    await expect(page.getByTestId('connection-badge')).toHaveText('Connected')
    await expect(shapes(page)).toHaveCount(1)
    const roomId = new URL(page.url()).pathname.split('/').at(-1)!

    // nginx says who the client is: /metrics, open to local clients only, is closed to one that came through it.
    expect((await page.request.get(`${lb.origin}/metrics`)).status()).toBe(401)

    // nginx logs a WebSocket when it closes: by its path, without the ticket in its query string.
    await context.close()
    await expect.poll(() => lb.accessLog()).toContain(`GET /collab/${roomId}`)
    expect(lb.accessLog()).not.toContain('?')
  } finally {
    await lb.stop()
  }
})
