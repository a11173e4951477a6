import { test as base, expect, type Browser, type Page } from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { freePort } from '../support/ports'
import { stopProcess } from '../support/processes'

const ROOT = path.resolve(import.meta.dirname, '../..')

/** The production app (Next + collab in one process) on a fixed free port. */
export class AppServer {
  private child: ChildProcess | null = null
  constructor(
    readonly port: number,
    readonly dataDir: string,
    /** Extra environment for this server (e.g. small quotas). */
    private readonly env: Record<string, string> = {}
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`
  }

  /** Starts the server and waits until it listens. */
  async start(): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(this.port),
        HOST: '127.0.0.1',
        DATA_DIR: this.dataDir,
        LOG_LEVEL: 'info',
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    this.child = child
    child.stdout!.on('data', (chunk: Buffer) => this.keep(chunk))
    child.stderr!.on('data', (chunk: Buffer) => this.keep(chunk))
    child.once('exit', (code, signal) => this.keep(Buffer.from(`[app exited: ${code ?? signal}]\n`)))
    await new Promise<void>((resolve, reject) => {
      let output = ''
      // Generous: tsx plus Next can take a while to boot on a loaded shared machine.
      const timer = setTimeout(() => {
        // Never leave a half-started server behind: the fixture's teardown will not see it.
        child.kill('SIGKILL')
        reject(new Error(`app did not start:\n${output}`))
      }, 90_000)
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString()
        if (output.includes('Mockboard listening')) {
          clearTimeout(timer)
          resolve()
        }
      })
      child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
      child.once('exit', (code) => reject(new Error(`app exited (${code}):\n${output}`)))
    })
  }

  /** The last lines the server printed (and whether it exited), for a failed test's report. */
  get logTail(): string {
    return this.tail.join('')
  }

  private readonly tail: string[] = []

  private keep(chunk: Buffer): void {
    this.tail.push(chunk.toString())
    if (this.tail.length > 200) this.tail.splice(0, this.tail.length - 200)
  }

  /** Stops the server with `signal` and waits for it to exit. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child
    this.child = null
    await stopProcess(child, signal)
  }
}

export const test = base.extend<{ app: AppServer; closeOwnContexts: void }>({
  // Every test opens its own browser profiles (one per participant). The browser lives as long
  // as the worker, so a profile left open keeps its board rendering and its sockets retrying
  // against a server that is gone: by the last test of a run dozens of pages were burning CPU.
  // Close every profile the test opened, whatever it forgot.
  closeOwnContexts: [
    async ({ browser }, use) => {
      const before = new Set(browser.contexts())
      await use()
      await Promise.all(
        browser
          .contexts()
          .filter((context) => !before.has(context))
          .map((context) => context.close())
      )
    },
    { auto: true },
  ],
  app: async ({}, use, testInfo) => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'mockboard-e2e-'))
    const app = new AppServer(await freePort(), dataDir)
    await app.start()
    await use(app)
    // A failed test says what the server said (a crash, a refusal) last.
    if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('app server log', { body: app.logTail })
    if (testInfo.status !== testInfo.expectedStatus) console.log(`--- app server log (last lines) ---\n${app.logTail}`)
    await app.stop('SIGKILL')
    rmSync(dataDir, { recursive: true, force: true })
  },
})

export { expect }

/**
 * Opens an invite link and presses its Join button (joining is a POST; the
 * link alone changes nothing), which opens the board.
 */
export async function joinWithInvite(page: Page, inviteUrl: string): Promise<void> {
  await page.goto(inviteUrl)
  await page.getByTestId('join-button').click()
  await page.waitForURL(/\/r\/[A-Za-z0-9_-]+$/)
}

/** Opens a board (through its Join button when `url` is an invite link) and waits for the canvas. */
export async function openBoard(page: Page, url: string): Promise<void> {
  if (new URL(url).pathname.startsWith('/join/')) await joinWithInvite(page, url)
  else await page.goto(url)
  // Generous: on a loaded shared machine a cold Next route plus three sockets can take a while.
  await expect(page.locator('.tl-canvas')).toBeVisible({ timeout: 60_000 })
  await expect(page.getByTestId('connection-badge')).toHaveText('Connected')
}

/** Shapes drawn on the board (tldraw renders one `.tl-shape` per shape). */
export function shapes(page: Page) {
  return page.locator('.tl-shape[data-shape-id]')
}

/** Draws a rectangle by dragging with the rectangle tool, then returns to select. */
export async function drawRectangle(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.keyboard.press('r')
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move(to.x, to.y, { steps: 8 })
  await page.mouse.up()
  await page.keyboard.press('v')
}

/** Page-space bounds of every shape, read through tldraw's editor (exposed on window in dev tools). */
export async function shapeBounds(page: Page) {
  return page.locator('.tl-shape[data-shape-id]').evaluateAll((elements) =>
    elements.map((el) => {
      const r = el.getBoundingClientRect()
      return { id: el.getAttribute('data-shape-id'), x: Math.round(r.x), y: Math.round(r.y), w: Math.round(r.width) }
    })
  )
}

/**
 * A new browser profile signed in as a guest named `name` through the real
 * sign-in page, with its own page.
 */
export async function participant(browser: Browser, app: AppServer, name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  await page.goto(`${app.url}/signin?callbackUrl=/`)
  await page.getByTestId('guest-name').fill(name)
  await page.getByTestId('guest-sign-in').click()
  await page.waitForURL(`${app.url}/`)
  return page
}

/** A room created by `owner` (its interviewer), with its URL and the invite link of each role. */
export interface CreatedRoom {
  url: string
  roomId: string
  invites: Record<'candidate' | 'observer' | 'interviewer', string>
}

/** `owner` creates a room through the API, as the home page's "New board" does. */
export async function createRoom(owner: Page, app: AppServer): Promise<CreatedRoom> {
  const response = await owner.request.post(`${app.url}/api/rooms`, { headers: { accept: 'application/json' } })
  expect(response.status()).toBe(201)
  const body = (await response.json()) as { roomId: string; url: string; invites: Record<string, string> }
  const link = (role: string) => `${app.url}/join/${body.invites[role]}`
  return {
    url: `${app.url}${body.url}`,
    roomId: body.roomId,
    invites: { candidate: link('candidate'), observer: link('observer'), interviewer: link('interviewer') },
  }
}

/** Signs in `names` in their own browsers; the first creates a room, the others join as candidates. */
export async function roomWith<Names extends [string, ...string[]]>(
  browser: Browser,
  app: AppServer,
  ...names: Names
): Promise<{ room: CreatedRoom; pages: { [K in keyof Names]: Page } }> {
  const pages: Page[] = []
  for (const name of names) pages.push(await participant(browser, app, name))
  const room = await createRoom(pages[0]!, app)
  await openBoard(pages[0]!, room.url)
  for (const page of pages.slice(1)) await openBoard(page, room.invites.candidate)
  return { room, pages: pages as { [K in keyof Names]: Page } }
}

/** Types into the palette search and presses Enter: the top hit lands in the middle of the view. */
export async function insertBySearch(page: Page, query: string): Promise<void> {
  await page.getByTestId('palette-search').fill(query)
  await page.getByTestId('palette-search').press('Enter')
}

/** Presses the confirming button of the open confirmation dialog (end, swap, share, remove…). */
export async function confirmDialog(page: Page): Promise<void> {
  await page.getByTestId('confirm-action').click()
  await expect(page.getByTestId('confirm-dialog')).toHaveCount(0)
}

/** The id of the board's newest session, through the API as the page's user. */
export async function currentSessionId(page: Page, app: AppServer, roomId: string): Promise<string> {
  const response = await page.request.get(`${app.url}/api/rooms/${roomId}/session`)
  const body = (await response.json()) as { session: { sessionId: string } | null }
  if (!body.session) throw new Error('no session on this board')
  return body.session.sessionId
}

/**
 * Picks a problem in the start form's searchable list: types `search` (when
 * given) into its search box, then presses the problem.
 */
export async function chooseProblem(page: Page, problemId: string, search?: string): Promise<void> {
  if (search) await page.getByTestId('problem-search').fill(search)
  await page.getByTestId(`problem-${problemId}`).click()
  await expect(page.getByTestId(`problem-${problemId}`)).toHaveAttribute('aria-pressed', 'true')
}

/** The paths of the fonts `page`'s head preloads (see `components/board/preloadBoardFonts.ts`). */
export function preloadedFonts(page: Page): Promise<string[]> {
  return page
    .locator('head link[rel="preload"][as="font"]')
    .evaluateAll((links) => links.map((link) => new URL((link as HTMLLinkElement).href).pathname))
}

/** What {@link preloadedFonts} gives on a page that draws a board: tldraw's "draw" font, then its "sans". */
export const BOARD_FONT_PRELOADS = [
  expect.stringMatching(/Shantell_Sans-Informal_Regular\.[^/]*woff2$/),
  expect.stringMatching(/IBMPlexSans-Medium\.[^/]*woff2$/),
]
