import http from 'node:http'
import type { Page } from '@playwright/test'
import { freePort } from '../support/ports'
import {
  test,
  expect,
  createRoom,
  drawRectangle,
  insertBySearch,
  participant,
  shapes,
  preloadedFonts,
  BOARD_FONT_PRELOADS,
  confirmDialog,
} from './fixtures'

/** Collects every CSP violation a page reports, from the console and from `securitypolicyviolation` events. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = []
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(`console: ${message.text()}`)
  })
  await page.exposeFunction('__reportCspViolation', (text: string) => violations.push(`event: ${text}`))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __reportCspViolation: (t: string) => void }).__reportCspViolation
      void report(`${e.violatedDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`)
    })
  })
  return violations
}

/** A throwaway "attacker" site on another port of the same host: same site as the app, another origin. */
async function attackerSite(html: string): Promise<{ url: string; close: () => Promise<void> }> {
  const port = await freePort()
  const server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(html))
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) }
}

test('the open-redirect payload after sign-in stays on the origin', async ({ app, browser, request }) => {
  const page = await (await browser.newContext()).newPage()
  const elsewhere = `127.0.0.1:${app.port + 1}`
  await page.goto(`${app.url}/signin?callbackUrl=%2F%5C${elsewhere}%2Fphish`)
  await page.getByTestId('guest-name').fill('Ada')
  await page.getByTestId('guest-sign-in').click()
  await page.waitForURL(`${app.url}/`)
  expect(new URL(page.url()).origin).toBe(app.url)

  // Signed in already, the other shapes of the payload also land at home (a guest signing in anew is asked first:
  // it leaves the current guest account for good).
  for (const payload of ['//evil.example', '%2F%5Cevil.example', '%5C%5C%2Fevil.example', 'https://evil.example']) {
    await page.goto(`${app.url}/signin?callbackUrl=${payload}`)
    await page.getByTestId('guest-name').fill('Ada')
    await page.getByTestId('guest-sign-in').click()
    await confirmDialog(page)
    await page.waitForURL(`${app.url}/`)
  }

  // next-auth's own redirect (its callback route) goes through the same check.
  const csrf = (await (await request.get(`${app.url}/api/auth/csrf`)).json()) as { csrfToken: string }
  const signIn = await request.post(`${app.url}/api/auth/callback/guest`, {
    form: { csrfToken: csrf.csrfToken, name: 'Eve', callbackUrl: `/\\${elsewhere}/phish`, json: 'true' },
  })
  const { url } = (await signIn.json()) as { url: string }
  expect(new URL(url).origin).toBe(app.url)
})

test('cross-origin and text/plain writes are refused; a page on another port cannot end a session or revoke an invite', async ({
  app,
  browser,
}) => {
  const alice = await participant(browser, app, 'Alice')
  const room = await createRoom(alice, app)
  const api = alice.request
  const base = `${app.url}/api/rooms/${room.roomId}`
  const session = {
    problemId: 'url-shortener',
    mode: 'pair',
    level: 'senior',
    plan: [{ id: 'x', label: 'X', minutes: 5 }],
  }
  expect((await api.post(`${base}/session`, { data: session })).status()).toBe(201)

  // Signed in (the request context carries Alice's cookie): a foreign Origin is refused.
  for (const origin of ['http://evil.example', `http://127.0.0.1:${app.port + 1}`, 'null']) {
    const refused = await api.post(`${base}/session/clock`, { data: { type: 'end' }, headers: { origin } })
    expect(refused.status(), origin).toBe(403)
    expect(await refused.json()).toEqual({ error: 'cross-origin request refused' })
  }
  expect((await api.post(`${base}/invites/candidate`, { headers: { 'sec-fetch-site': 'same-site' } })).status()).toBe(
    403
  )
  // A JSON body sent as text/plain (what a no-cors fetch or a text form can send) is refused even from here.
  const plain = await api.post(`${base}/session/clock`, {
    data: JSON.stringify({ type: 'end' }),
    headers: { origin: app.url, 'content-type': 'text/plain' },
  })
  expect(plain.status()).toBe(415)

  // The same from plain Node fetch with the signed-in cookie.
  const cookie = (await alice.context().cookies(app.url)).map((c) => `${c.name}=${c.value}`).join('; ')
  const nodeCrossOrigin = await fetch(`${base}/session/clock`, {
    method: 'POST',
    headers: { cookie, origin: 'http://evil.example', 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'end' }),
  })
  expect(nodeCrossOrigin.status).toBe(403)
  const nodePlain = await fetch(`${base}/session/clock`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'text/plain' },
    body: JSON.stringify({ type: 'end' }),
  })
  expect(nodePlain.status).toBe(415)

  // The browser attack from the audit: Alice visits a page on another port of the same host.
  const attacker = await attackerSite(`<!doctype html><html><body>
    <form id="f" method="post" action="${base}/invites/candidate"></form>
    <script>
      fetch(${JSON.stringify(`${base}/session/clock`)}, { method: 'POST', mode: 'no-cors', credentials: 'include', body: '{"type":"end"}' })
        .finally(() => { document.title = 'fetched'; document.getElementById('f').submit() })
    </script></body></html>`)
  try {
    await alice.goto(attacker.url)
    await alice.waitForURL(`${base}/invites/candidate`)
    await expect(alice.locator('body')).toContainText('cross-origin request refused')
  } finally {
    await attacker.close()
  }
  const after = (await (await api.get(`${base}/session`)).json()) as { session: { events: { type: string }[] } }
  expect(after.session.events.map((e) => e.type)).not.toContain('end')
  const view = (await (await api.get(base)).json()) as { invites: { candidate: string } }
  expect(`${app.url}/join/${view.invites.candidate}`).toBe(room.invites.candidate)

  // A same-origin JSON write still works.
  const ok = await api.post(`${base}/session/clock`, { data: { type: 'pause' }, headers: { origin: app.url } })
  expect(ok.status()).toBe(200)
})

test('opening an invite link changes nothing until Join is pressed', async ({ app, browser }) => {
  const alice = await participant(browser, app, 'Alice')
  const room = await createRoom(alice, app)
  const bob = await participant(browser, app, 'Bob')
  await bob.goto(room.invites.observer)
  await expect(bob.getByTestId('join-role')).toHaveText('observer (read-only)')
  await expect(bob.getByRole('heading')).toHaveText('Join Alice’s board')
  expect((await bob.request.get(`${app.url}/api/rooms/${room.roomId}`)).status()).toBe(403)
  await bob.getByTestId('join-button').click()
  await bob.waitForURL(room.url)
  expect((await bob.request.get(`${app.url}/api/rooms/${room.roomId}`)).status()).toBe(200)
})

test('responses carry the CSP, frame-ancestors and the other security headers, 404 pages included', async ({
  app,
  request,
}) => {
  // The 404s: an unknown path (Next's own not-found route, which a build prerenders unless told not to), a malformed
  // room id and a malformed session id (a page's `notFound()`).
  const notFound = ['/nope', '/r/xyz', '/r/AAAAAAAAAAAAAAAAAAAAAA/s/xyz/summary']
  for (const path of ['/', '/signin', ...notFound]) {
    const response = await request.get(`${app.url}${path}`)
    expect(response.status(), path).toBe(notFound.includes(path) ? 404 : 200)
    const headers = response.headers()
    const csp = headers['content-security-policy'] ?? ''
    expect(csp, path).toContain("default-src 'self'")
    expect(csp, path).toContain("frame-ancestors 'none'")
    expect(csp, path).toContain("img-src 'self' data: blob:")
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/)
    expect(csp, path).not.toContain("script-src 'self' 'unsafe-inline'")
    expect(headers['x-frame-options'], path).toBe('DENY')
    expect(headers['x-content-type-options'], path).toBe('nosniff')
    expect(headers['referrer-policy'], path).toBe('same-origin')
    // Every script Next emits carries this response's nonce.
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!
    const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? []
    expect(scripts.length).toBeGreaterThan(0)
    for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`)
  }
  const api = await request.get(`${app.url}/api/time`)
  expect(api.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'")
  expect(api.headers()['x-content-type-options']).toBe('nosniff')
})

test('normal use raises no CSP violation: home, sign-in, new board, drawing, palette, join, summary, sessions, replay', async ({
  app,
  browser,
}) => {
  const context = await browser.newContext()
  const page = await context.newPage()
  const violations = await watchCsp(page)
  await page.goto(app.url)
  await page.getByTestId('sign-in').click()
  await page.getByTestId('guest-name').fill('Ada')
  await page.getByTestId('guest-sign-in').click()
  await page.waitForURL(`${app.url}/`)
  await page.getByTestId('new-board').click() // the home page's form post passes the same-origin check
  await expect(page).toHaveURL(/\/r\/[A-Za-z0-9_-]{22}$/)
  await expect(page.locator('.tl-canvas')).toBeVisible({ timeout: 30_000 })
  await expect(page.getByTestId('connection-badge')).toHaveText('Connected')
  await drawRectangle(page, { x: 500, y: 300 }, { x: 650, y: 420 })
  await expect(shapes(page)).toHaveCount(1)
  await insertBySearch(page, 'load balancer')
  await expect(shapes(page)).toHaveCount(2)

  const roomId = new URL(page.url()).pathname.split('/')[2]!
  const view = (await (await page.request.get(`${app.url}/api/rooms/${roomId}`)).json()) as {
    invites: { candidate: string }
  }
  const bob = await (await browser.newContext()).newPage()
  const bobViolations = await watchCsp(bob)
  await bob.goto(`${app.url}/signin?callbackUrl=${encodeURIComponent(`/join/${view.invites.candidate}`)}`)
  await bob.getByTestId('guest-name').fill('Bob')
  await bob.getByTestId('guest-sign-in').click()
  // Sign-in goes back to the invite, whose Join button opens the board.
  await bob.waitForURL(`${app.url}/join/${view.invites.candidate}`)
  await bob.getByTestId('join-button').click()
  await expect(bob.locator('.tl-canvas')).toBeVisible({ timeout: 30_000 })
  await expect(shapes(bob)).toHaveCount(2)

  // A session run and ended through the API, then its summary (charts, the board as an image).
  const session = {
    problemId: 'url-shortener',
    mode: 'pair',
    level: 'senior',
    plan: [{ id: 'x', label: 'X', minutes: 5 }],
  }
  const sessionApi = `${app.url}/api/rooms/${roomId}/session`
  expect((await page.request.post(sessionApi, { data: session })).status()).toBe(201)
  expect((await page.request.post(`${sessionApi}/clock`, { data: { type: 'end' } })).status()).toBe(200)
  await page.goto(`${app.url}/r/${roomId}/summary`)
  await expect(page.getByTestId('summary-review')).toBeVisible({ timeout: 30_000 })
  expect(await preloadedFonts(page)).toEqual(BOARD_FONT_PRELOADS) // the board's image is drawn in them
  await page.goto(`${app.url}/sessions`)
  await page.goto(`${app.url}/r/${roomId}/replay`)
  await expect(page.locator('.tl-canvas')).toBeVisible({ timeout: 30_000 })
  expect(await preloadedFonts(page)).toEqual(BOARD_FONT_PRELOADS)
  await expect(page.getByTestId('replay')).toHaveAttribute('data-loaded', 'true')
  expect(violations).toEqual([])
  expect(bobViolations).toEqual([])
})
