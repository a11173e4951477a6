import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import * as Y from 'yjs'
import { chromium, type Browser } from '@playwright/test'
import { createShapeId, toRichText, type TLGeoShape } from '@tldraw/tlschema'
import { getIndicesAbove } from '@tldraw/utils'
import { createBoardSchema } from '@/lib/board/boardSchema'
import { FIRST_PAGE_ID, seedBoardDoc } from '@/lib/binding/seedBoardDoc'
import { getRecordsMap, recordToYMap } from '@/lib/binding/yRecords'
import { tempDataDir } from '../../support/collabServers'
import { connectProvider, synced } from '../../support/providers'
import { freePort } from '../../support/ports'
import { TEST_AUTH_SECRET } from '../../support/tokens'
import { chromiumLaunchOptions } from '../../support/chromium'
import { admit, BENCH_USER, startMockboard, startReference, type BenchServer } from '../servers'
import { addMembers } from '../../support/members'
import { median, spread, type BenchOptions, type BenchRow } from '../types'

const SCENARIO = '5. Cold join of a 2,000-shape room'
const SHAPES = 2_000
const ROOT = path.resolve(import.meta.dirname, '../../..')
const schema = createBoardSchema()

/**
 * `count` valid geo shapes on the board's first page, laid out in a grid
 * 50 wide (so a browser at the default camera sees the top-left corner and
 * culls the rest, as on a real large board). Each record is checked against
 * tldraw's validators, so a client will accept them.
 */
export function geoShapes(count: number, prefix = 'bench'): TLGeoShape[] {
  const indices = getIndicesAbove(null, count)
  return indices.map((index, i) => {
    const shape = schema.types.shape.create({
      id: createShapeId(`${prefix}${i}`),
      type: 'geo',
      parentId: FIRST_PAGE_ID,
      index,
      x: (i % 50) * 140,
      y: Math.floor(i / 50) * 110,
      props: {
        geo: 'rectangle',
        dash: 'draw',
        url: '',
        w: 120,
        h: 90,
        growY: 0,
        scale: 1,
        flipX: false,
        flipY: false,
        labelColor: 'black',
        color: 'black',
        fill: 'none',
        size: 'm',
        font: 'draw',
        align: 'middle',
        verticalAlign: 'middle',
        richText: toRichText(`box ${i}`),
      },
    }) as TLGeoShape
    schema.types.shape.validate(shape)
    return shape
  })
}

/** How many shape records a doc in our layout holds. */
export function shapeCount(doc: Y.Doc): number {
  let count = 0
  for (const id of getRecordsMap(doc).keys()) if (id.startsWith('shape:')) count++
  return count
}

/**
 * Writes a board (seed records plus `shapes`) into `room` through one stock
 * provider, in our Yjs layout. Our server seeds rooms itself, so seeding here
 * is a no-op there; the reference server gets the same records from us.
 * Resolves once a second client sees every shape, i.e. the server holds them.
 */
export async function fillRoom(url: string, room: string, shapes: TLGeoShape[]): Promise<void> {
  const writer = connectProvider(url, room, { user: BENCH_USER })
  try {
    await synced(writer.provider)
    seedBoardDoc(writer.doc, schema)
    // Batches of 250 (~180 KB each) keep every frame far below the 2 MiB limit.
    const records = getRecordsMap(writer.doc)
    for (let i = 0; i < shapes.length; i += 250) {
      writer.doc.transact(() => {
        for (const shape of shapes.slice(i, i + 250)) records.set(shape.id, recordToYMap(shape))
      })
    }
    // A provider has no acknowledgement: a fresh reader proves the server has it all.
    await timeToFullDoc(url, room, shapes.length)
  } finally {
    writer.destroy()
  }
}

/**
 * Opens a fresh stock provider and measures the time until it is synced and
 * its doc holds `count` shapes (the whole doc arrives in sync step 2, so the
 * check after `synced` normally passes at once).
 */
async function timeToFullDoc(url: string, room: string, count: number, timeoutMs = 30_000): Promise<number> {
  const start = performance.now()
  const joiner = connectProvider(url, room, { user: BENCH_USER })
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`join of ${room} timed out`)), timeoutMs)
      const check = () => {
        if (!joiner.provider.synced || shapeCount(joiner.doc) < count) return
        clearTimeout(timer)
        joiner.provider.off('sync', check)
        joiner.doc.off('update', check)
        resolve()
      }
      joiner.provider.on('sync', check)
      joiner.doc.on('update', check)
    })
    return performance.now() - start
  } finally {
    joiner.destroy()
  }
}

/** Mockboard's number of rooms in memory, from its Prometheus endpoint. */
async function roomsLoaded(port: number): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text()
  return Number(/^mockboard_rooms_loaded (\d+)/m.exec(text)?.[1] ?? Number.NaN)
}

async function waitUntilUnloaded(port: number): Promise<void> {
  const deadline = Date.now() + 15_000
  while ((await roomsLoaded(port)) !== 0) {
    if (Date.now() > deadline) throw new Error('room did not unload')
    await sleep(100)
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

interface JoinTimes {
  /** Joins while the room is in the server's memory. */
  loaded: number[]
  /** Joins after the room was unloaded (our server only: it loads from storage). */
  fromStorage: number[]
}

/**
 * Fills a room on `server`, then times `runs` fresh joiners back to back
 * (each starts right after the previous one closed, well within our 2 s
 * unload delay, so the room stays in memory as it does on the reference,
 * which never unloads). With `fromStorage`, also times joins of our server
 * after it unloaded the room, so the room is read from SQLite first.
 */
async function serverJoins(server: BenchServer, runs: number, fromStorage: boolean): Promise<JoinTimes> {
  const room = `cold-join-${server.name.replace(/\W/g, '')}`
  await admit(server, room)
  await fillRoom(server.url, room, geoShapes(SHAPES))
  const times: JoinTimes = { loaded: [], fromStorage: [] }
  // One untimed join warms both sides (JIT, lazy modules) before we count.
  await timeToFullDoc(server.url, room, SHAPES)
  for (let i = 0; i < runs; i++) times.loaded.push(await timeToFullDoc(server.url, room, SHAPES))
  if (fromStorage) {
    for (let i = 0; i < runs; i++) {
      await waitUntilUnloaded(server.port)
      times.fromStorage.push(await timeToFullDoc(server.url, room, SHAPES))
    }
  }
  return times
}

/** The production app (Next + collab, `server/main.ts`) on a free port with a temp DATA_DIR. */
async function startApp(): Promise<{
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

/** What the page records, in ms since navigation start (`performance.now()`). */
interface PageTimes {
  wsOpen: number | null
  rendered: number | null
}

/**
 * Runs in the page before any of its scripts. Records when the collab
 * WebSocket opens, and when the board has rendered: every animation frame it
 * counts `.tl-shape[data-shape-id]`. tldraw mounts one such element for every
 * shape of the current page (culled ones get `display: none` but stay in the
 * DOM), and the store is handed to tldraw only after the first sync, so
 * `count === shapes` means all shapes are in the store and mounted; we also
 * require one of them to be visible (not culled). The time is taken at the
 * start of the next frame, i.e. after the frame holding them was painted
 * (at most one frame, ~16 ms, late).
 *
 * Plain JavaScript in a string: tsx would add helpers (`__name`) to a
 * TypeScript function that do not exist in the page.
 */
const PAGE_PROBE = `(shapes => {
  const times = { wsOpen: null, rendered: null }
  window.__bench = times
  const Native = window.WebSocket
  window.WebSocket = class extends Native {
    constructor(url, protocols) {
      super(url, protocols)
      if (String(url).includes('/collab/')) this.addEventListener('open', () => { times.wsOpen ??= performance.now() })
    }
  }
  const tick = () => {
    const elements = document.querySelectorAll('.tl-shape[data-shape-id]')
    const shown = elements.length >= shapes && [...elements].some((el) => el.style.display !== 'none')
    if (shown) requestAnimationFrame(() => { times.rendered = performance.now() })
    else requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
})(${SHAPES})`

/** Signs in as a guest once; every timed load reuses the session cookie (a returning member). */
async function signedInState(browser: Browser, appUrl: string) {
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

type SessionState = Awaited<ReturnType<typeof signedInState>>['state']

/** One page load of `/r/<room>` in a fresh browser context (with the member's session cookie). */
async function loadBoard(
  browser: Browser,
  url: string,
  storageState: SessionState
): Promise<{ render: number; afterOpen: number | null }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, storageState })
  try {
    const page = await context.newPage()
    await page.addInitScript({ content: PAGE_PROBE })
    await page.goto(url)
    await page.waitForFunction(() => (window as unknown as { __bench: PageTimes }).__bench.rendered !== null, null, {
      timeout: 60_000,
    })
    // Sanity: the board is live (not part of the timing).
    await page.locator('.tl-canvas').waitFor()
    await page.getByTestId('connection-badge').getByText('Connected').waitFor()
    const times = await page.evaluate(() => (window as unknown as { __bench: PageTimes }).__bench)
    return { render: times.rendered!, afterOpen: times.wsOpen === null ? null : times.rendered! - times.wsOpen }
  } finally {
    await context.close()
  }
}

/**
 * Loads a filled board `runs` times in Chromium against the full production
 * app, after one untimed load when `warmUp` is set.
 */
async function browserJoins(runs: number, warmUp: boolean): Promise<{ render: number[]; afterOpen: number[] }> {
  const app = await startApp()
  let browser: Browser | null = null
  try {
    browser = await chromium.launch(chromiumLaunchOptions)
    const appUrl = `http://127.0.0.1:${app.port}`
    // A member's room (rooms belong to the people invited to them).
    const { state, roomId: room } = await signedInState(browser, appUrl)
    await app.admit(room)
    await fillRoom(`ws://127.0.0.1:${app.port}/collab`, room, geoShapes(SHAPES))
    const url = `${appUrl}/r/${room}`
    // One untimed load: Next loads its route modules lazily on the first request
    // (skipped in quick mode, which only keeps the harness working).
    if (warmUp) await loadBoard(browser, url, state)
    const render: number[] = []
    const afterOpen: number[] = []
    for (let i = 0; i < runs; i++) {
      const times = await loadBoard(browser, url, state)
      render.push(times.render)
      if (times.afterOpen !== null) afterOpen.push(times.afterOpen)
    }
    return { render, afterOpen }
  } finally {
    await browser?.close()
    await app.stop()
  }
}

const round1 = (value: number) => Math.round(value * 10) / 10

/**
 * Scenario 5: a new client joins a room that already holds 2,000 shapes.
 * (a) A stock provider until it holds the whole doc, ours against the
 * reference y-websocket server; (b) the board page in Chromium until the
 * shapes are rendered.
 */
export async function run(options: BenchOptions): Promise<BenchRow[]> {
  const joins = options.quick ? 1 : 7
  const loads = options.quick ? 1 : 5

  let ours: JoinTimes
  const mockboard = await startMockboard()
  try {
    ours = await serverJoins(mockboard, joins, true)
  } finally {
    await mockboard.stop()
  }
  let reference: JoinTimes
  const referenceServer = await startReference()
  try {
    reference = await serverJoins(referenceServer, joins, false)
  } finally {
    await referenceServer.stop()
  }
  const browser = await browserJoins(loads, !options.quick)

  const ourJoin = median(ours.loaded)
  const referenceJoin = median(reference.loaded)
  const render = median(browser.render)
  return [
    {
      scenario: SCENARIO,
      metric: 'time to full doc (ms)',
      mockboard: round1(ourJoin),
      peers: { reference: round1(referenceJoin) },
      ratio: { against: 'reference', value: Math.round((ourJoin / referenceJoin) * 100) / 100 },
      goal: '—',
      met: null,
      runs: joins,
      spread: spread(ours.loaded),
    },
    {
      scenario: SCENARIO,
      metric: 'time to full doc, room not in memory (ms)',
      mockboard: round1(median(ours.fromStorage)),
      peers: {},
      ratio: null,
      goal: '—',
      met: null,
      runs: joins,
      spread: spread(ours.fromStorage),
    },
    {
      scenario: SCENARIO,
      metric: 'first full render in Chromium (ms)',
      mockboard: round1(render),
      peers: {},
      ratio: null,
      goal: '< 300 ms',
      met: render < 300,
      runs: loads,
      spread: spread(browser.render),
    },
    {
      scenario: SCENARIO,
      metric: 'WebSocket open → full render in Chromium (ms)',
      mockboard: browser.afterOpen.length ? round1(median(browser.afterOpen)) : null,
      peers: {},
      ratio: null,
      goal: '—',
      met: null,
      runs: browser.afterOpen.length,
      spread: spread(browser.afterOpen),
    },
  ]
}
