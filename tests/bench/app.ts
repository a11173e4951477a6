/**
 * The production app (Next + collab, `server/main.ts`) for the benchmark rows
 * that load pages in Chromium, with a signed-in member and a room of theirs.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { chromium, type Browser } from '@playwright/test'
import { chromiumLaunchOptions } from '../support/chromium'
import { tempDataDir } from '../support/collabServers'
import { freePort } from '../support/ports'
import { TEST_AUTH_SECRET } from '../support/tokens'
import { addMembers } from '../support/members'
import { BENCH_USER } from './servers'

/** The repository root (where `.next` is built). */
export const ROOT = path.resolve(import.meta.dirname, '../..')

/**
 * The production app (Next + collab, `server/main.ts`) on a free port with a
 * temp DATA_DIR, with `env` added to its environment.
 */
async function startApp(env: Record<string, string> = {}): Promise<{
  port: number
  stop: () => Promise<void>
  admit: (room: string) => Promise<void>
}> {
  // Build once if there is no production build or the code is newer than it
  // (its output goes to stderr: stdout is the harness's).
  const build = spawnSync(process.execPath, ['scripts/ensure-build.mjs'], { cwd: ROOT, stdio: ['ignore', 2, 2] })
  if (build.status !== 0) throw new Error('next build failed')
  const data = tempDataDir()
  const port = await freePort()
  let child: ChildProcess | null = null
  const stop = async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve))
      child.kill('SIGKILL')
      await exited
    }
    data.remove()
  }
  try {
    child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: data.dir,
        AUTH_SECRET: TEST_AUTH_SECRET, // so the bench can sign collab tokens to fill the room
        LOG_LEVEL: 'info', // the ready line is logged at info
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    await new Promise<void>((resolve, reject) => {
      let output = ''
      const timer = setTimeout(() => reject(new Error(`app did not start:\n${output}`)), 30_000)
      const onData = (chunk: Buffer) => {
        output += chunk.toString()
        if (output.includes('Mockboard listening')) {
          clearTimeout(timer)
          // Keep draining without keeping the text, so a chatty server never blocks.
          child!.stdout!.off('data', onData).resume()
          child!.stderr!.off('data', onData).resume()
          resolve()
        }
      }
      child!.stdout!.on('data', onData)
      child!.stderr!.on('data', onData)
      child!.once('exit', (code) => reject(new Error(`app exited (${code}):\n${output}`)))
    })
    const admitBench = (room: string) =>
      addMembers({ dataDir: data.dir }, room, [{ userId: BENCH_USER, role: 'interviewer' }])
    return { port, stop, admit: admitBench }
  } catch (error) {
    await stop()
    throw error
  }
}

/** Signs in as a guest once; every timed load reuses the session cookie (a returning member). */
export async function signedInState(browser: Browser, appUrl: string) {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(`${appUrl}/signin?callbackUrl=/`)
  await page.getByTestId('guest-name').fill('Bench')
  await page.getByTestId('guest-sign-in').click()
  await page.waitForURL(`${appUrl}/`)
  const response = await page.request.post(`${appUrl}/api/rooms`, { headers: { accept: 'application/json' } })
  const { roomId } = (await response.json()) as { roomId: string }
  const state = await context.storageState()
  await context.close()
  return { state, roomId }
}

/** A signed-in member's cookies, for `browser.newContext({ storageState })`. */
export type SessionState = Awaited<ReturnType<typeof signedInState>>['state']

/** What {@link withAppBoard} hands its callback. */
export interface AppBoard {
  browser: Browser
  /** `http://127.0.0.1:<port>` */
  appUrl: string
  /** The app's collab endpoint, for filling the room. */
  collabUrl: string
  /** The member's cookies. */
  state: SessionState
  /** A room the member belongs to. */
  room: string
}

/**
 * Starts the production app (with the bare tldraw page on) and Chromium,
 * signs a member in, gives them a room, runs `fn`, then stops both.
 */
export async function withAppBoard<T>(fn: (board: AppBoard) => Promise<T>): Promise<T> {
  const app = await startApp({ MOCKBOARD_BENCH_PAGES: '1' })
  let browser: Browser | null = null
  try {
    browser = await chromium.launch(chromiumLaunchOptions)
    const appUrl = `http://127.0.0.1:${app.port}`
    // A member's room (rooms belong to the people invited to them).
    const { state, roomId: room } = await signedInState(browser, appUrl)
    await app.admit(room)
    return await fn({ browser, appUrl, collabUrl: `ws://127.0.0.1:${app.port}/collab`, state, room })
  } finally {
    await browser?.close()
    await app.stop()
  }
}
