import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import {
  test,
  expect,
  createRoom,
  openBoard,
  participant,
  roomWith,
  shapes,
  drawRectangle,
  shapeBounds,
  preloadedFonts,
  BOARD_FONT_PRELOADS,
} from './fixtures'

test('signing in as a guest, then New board, opens a room with an unguessable id as its interviewer', async ({
  app,
  page,
}) => {
  await page.goto(app.url)
  await page.getByTestId('sign-in').click()
  await page.getByTestId('guest-name').fill('Ada')
  await page.getByTestId('guest-sign-in').click()
  await page.getByTestId('new-board').click()
  await expect(page).toHaveURL(/\/r\/[A-Za-z0-9_-]{22}$/)
  await expect(page.locator('.tl-canvas')).toBeVisible()
  await expect(page.getByTestId('connection-badge')).toHaveText('Connected')
  await expect(page.getByTestId('role-badge')).toHaveText('Interviewer')
  // The shortcuts dialog lists the app's own keys beside tldraw's.
  await page.keyboard.press('Control+Alt+/')
  const shortcuts = page.locator('.tlui-shortcuts-dialog__body')
  await expect(shortcuts).toContainText('Search blocks')
  await expect(shortcuts).toContainText("Show the selected block's card")
})

test("the board's fonts come with the page: preloaded from its head before the socket opens, fetched once, drawn in", async ({
  app,
  browser,
}) => {
  const page = await participant(browser, app, 'Ada')
  const room = await createRoom(page, app)
  // tldraw draws nothing until the fonts of the board's shapes have loaded: they must not wait for the board.
  const events: string[] = []
  page.on('request', (request) => {
    if (request.url().endsWith('.woff2')) events.push(new URL(request.url()).pathname)
  })
  page.on('websocket', (socket) => {
    if (socket.url().includes('/collab/')) events.push('socket')
  })
  await openBoard(page, room.url)
  await drawRectangle(page, { x: 300, y: 300 }, { x: 450, y: 400 })

  const preloaded = await preloadedFonts(page)
  expect(preloaded).toEqual(BOARD_FONT_PRELOADS)
  for (const font of preloaded) {
    // Once: the font face tldraw makes uses the preloaded response (a CORS mismatch would fetch it again).
    expect(events.filter((event) => event === font)).toHaveLength(1)
    expect(events.indexOf(font)).toBeLessThan(events.indexOf('socket'))
  }
  // The rectangle's label font is the preloaded file, loaded.
  await expect
    .poll(() =>
      page.evaluate(() =>
        [...document.fonts].some((face) => face.family.includes('tldraw_draw') && face.status === 'loaded')
      )
    )
    .toBe(true)
})

test('two people draw on one board: shapes, moves, deletes and cursors appear on the other screen', async ({
  app,
  browser,
}) => {
  const {
    room,
    pages: [alice, bob],
  } = await roomWith(browser, app, 'Alice', 'Bob')
  await expect(bob.getByTestId('role-badge')).toHaveText('Candidate')

  await drawRectangle(alice, { x: 300, y: 300 }, { x: 450, y: 400 })
  await expect(shapes(bob)).toHaveCount(1)

  // Move it: drag from its centre.
  const [before] = await shapeBounds(bob)
  await alice.mouse.move(375, 350)
  await alice.mouse.down()
  await alice.mouse.move(575, 450, { steps: 10 })
  await alice.mouse.up()
  await expect.poll(async () => (await shapeBounds(bob))[0]?.x).toBe(before!.x + 200)

  // Alice's cursor, with her name, is on Bob's screen.
  await alice.mouse.move(700, 200, { steps: 4 })
  await expect(bob.locator('.tl-collaborator__cursor')).toHaveCount(1)
  await expect(bob.locator('.tl-nametag')).toHaveText('Alice')

  // An observer's cursor wears their name too, though they cannot write their user record to the board.
  const carol = await participant(browser, app, 'Carol')
  await openBoard(carol, room.invites.observer)
  await carol.mouse.move(600, 250, { steps: 4 })
  await expect(alice.locator('.tl-nametag', { hasText: 'Carol' })).toBeVisible()

  // Delete it on Bob's side; Alice sees it go.
  await bob.mouse.click(575, 450)
  await bob.keyboard.press('Delete')
  await expect(shapes(alice)).toHaveCount(0)
})

test('reload and a server restart keep everything; offline edits sync when the server returns', async ({
  app,
  browser,
}) => {
  const {
    room,
    pages: [alice, bob],
  } = await roomWith(browser, app, 'Alice', 'Bob')
  await drawRectangle(alice, { x: 400, y: 200 }, { x: 500, y: 300 })
  await expect(shapes(bob)).toHaveCount(1)

  // The board's and the session's first connects use the tickets rendered with the page: no token requests.
  const tokenRequests: string[] = []
  alice.on('request', (request) => {
    if (/\/token\?doc=(board|session)/.test(request.url())) tokenRequests.push(request.url())
  })
  await alice.reload()
  await openBoard(alice, room.url)
  await expect(shapes(alice)).toHaveCount(1)
  await expect(alice.getByTestId('connection-badge')).toHaveText('Connected')
  expect(tokenRequests).toEqual([])

  // Kill the server; both keep drawing while it is away.
  await app.stop('SIGKILL')
  await expect(alice.getByTestId('connection-badge')).toHaveText(/Reconnecting|Offline/)
  await drawRectangle(alice, { x: 700, y: 200 }, { x: 800, y: 300 })
  await drawRectangle(bob, { x: 400, y: 450 }, { x: 500, y: 550 })
  await expect(shapes(alice)).toHaveCount(2)

  await app.start()
  await expect(alice.getByTestId('connection-badge')).toHaveText('Connected')
  await expect(shapes(alice)).toHaveCount(3)
  await expect(shapes(bob)).toHaveCount(3)

  // A newcomer after the restart gets all three from the server.
  const carol = await participant(browser, app, 'Carol')
  await openBoard(carol, room.invites.observer)
  await expect(shapes(carol)).toHaveCount(3)
})

test('exporting the board as PNG downloads a non-empty image', async ({ app, browser }) => {
  const {
    pages: [page],
  } = await roomWith(browser, app, 'Alice')
  await drawRectangle(page, { x: 300, y: 300 }, { x: 450, y: 400 })
  await page.getByTestId('main-menu.button').click()
  // One export entry: ours, not tldraw's "Export as" beside it.
  await expect(page.getByText('Export board')).toHaveCount(1)
  await expect(page.getByRole('menuitem', { name: /^Export as/ })).toHaveCount(0)
  await page.getByText('Export board').click()
  const downloading = page.waitForEvent('download')
  await page.getByText('PNG image').click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/\.png$/)
  const bytes = readFileSync((await download.path())!)
  expect(bytes.subarray(1, 4).toString()).toBe('PNG')
  // The image leaves 48 px around the 150 × 100 rectangle. Whatever the pixel ratio, its proportions
  // (150 + 2p) : (100 + 2p) give the padding p back (tldraw's default is 32).
  const ratio = bytes.readUInt32BE(16) / bytes.readUInt32BE(20)
  const padding = (150 - 100 * ratio) / (2 * (ratio - 1))
  expect(padding).toBeGreaterThan(42)
  expect(padding).toBeLessThan(54)
})

test('on the wire: a shape move is under 100 bytes per update and presence under 150 bytes per frame', async ({
  app,
  browser,
}) => {
  // tldraw only tracks the cursor for presence when someone else is there.
  const alice = await participant(browser, app, 'Alice')
  const sent: Buffer[] = []
  alice.on('websocket', (socket) => {
    // Only the board's socket: the session and rubric documents have their own.
    if (!/\/collab\/[^/?]+(\?|$)/.test(socket.url())) return
    socket.on('framesent', ({ payload }) => {
      if (typeof payload !== 'string') sent.push(payload)
    })
  })
  const room = await createRoom(alice, app)
  await openBoard(alice, room.url)
  const watcher = await participant(browser, app, 'Watcher')
  await openBoard(watcher, room.invites.observer)
  await drawRectangle(alice, { x: 300, y: 300 }, { x: 450, y: 400 })
  // Barrier: the watcher has the rectangle, so the frames that drew it are sent before the count starts.
  await expect(shapes(watcher)).toHaveCount(1)
  sent.length = 0

  await alice.mouse.move(375, 350)
  await alice.mouse.down()
  await alice.mouse.move(575, 450, { steps: 20 })
  await alice.mouse.up()

  const updates = () => sent.filter((f) => f[0] === 0 && f[1] === 2)
  const presenceFrames = () => sent.filter((f) => f[0] === 1)
  await expect.poll(() => updates().length).toBeGreaterThanOrEqual(5)
  await expect.poll(() => presenceFrames().length).toBeGreaterThanOrEqual(3)
  // The cursor really travelled with the drag (page space, 200 px to the right).
  const cursorX = (frame: Buffer) => JSON.parse(frame.toString('latin1').slice(frame.indexOf('{'))).k[0] as number
  const travel = () => {
    const xs = presenceFrames().map(cursorX)
    return Math.max(...xs) - Math.min(...xs)
  }
  await expect.poll(travel).toBeGreaterThan(150)
  const presence = presenceFrames()
  for (const frame of updates()) expect(frame.byteLength).toBeLessThan(100)
  for (const frame of presence) expect(frame.byteLength).toBeLessThan(150)
})

/** Whether the board's IndexedDB copy in `page` (y-indexeddb's `updates` store) mentions `text`, e.g. a shape id. */
async function storedLocally(page: Page, roomId: string, text: string): Promise<boolean> {
  return page.evaluate(
    ([name, needle]) =>
      new Promise<boolean>((resolve, reject) => {
        const open = indexedDB.open(name)
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const db = open.result
          if (!db.objectStoreNames.contains('updates')) return resolve(false)
          const all = db.transaction('updates').objectStore('updates').getAll()
          all.onerror = () => reject(all.error)
          all.onsuccess = () => {
            const decoder = new TextDecoder('utf-8', { fatal: false })
            resolve((all.result as Uint8Array[]).some((update) => decoder.decode(update).includes(needle)))
            db.close()
          }
        }
      }),
    [`mockboard:${roomId}`, text] as const
  )
}

test('edits made while the server is down survive closing the tab and reach everyone when the board reopens', async ({
  app,
  browser,
}) => {
  const {
    room,
    pages: [alice, bob],
  } = await roomWith(browser, app, 'Alice', 'Bob')
  await drawRectangle(alice, { x: 400, y: 200 }, { x: 500, y: 300 })
  await expect(shapes(bob)).toHaveCount(1)

  // The server goes away; Alice keeps drawing, then closes the tab before it returns.
  await app.stop('SIGKILL')
  await expect(alice.getByTestId('connection-badge')).toHaveText(/Reconnecting|Offline/)
  const before = await shapes(alice).evaluateAll((all) => all.map((s) => s.getAttribute('data-shape-id')))
  await drawRectangle(alice, { x: 700, y: 200 }, { x: 800, y: 300 })
  await expect(shapes(alice)).toHaveCount(2)
  const ids = await shapes(alice).evaluateAll((all) => all.map((s) => s.getAttribute('data-shape-id')))
  const drawn = ids.find((id) => !before.includes(id))!
  // IndexedDB writes are asynchronous: wait until the browser's copy of the board holds the new shape.
  await expect.poll(() => storedLocally(alice, room.roomId, drawn)).toBe(true)
  const context = alice.context()
  await alice.close()

  // Only Alice's browser has that shape now: it must come from IndexedDB.
  await app.start()
  const reopened = await context.newPage()
  await openBoard(reopened, room.url)
  await expect(shapes(reopened)).toHaveCount(2)
  await expect(shapes(bob)).toHaveCount(2)
})
