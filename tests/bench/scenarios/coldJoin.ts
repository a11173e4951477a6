import * as Y from 'yjs'
import { createShapeId, toRichText, type TLGeoShape, type TLRecord } from '@tldraw/tlschema'
import { getIndicesAbove } from '@tldraw/utils'
import { createBoardSchema } from '@/lib/board/boardSchema'
import { FIRST_PAGE_ID, seedBoardDoc } from '@/lib/binding/seedBoardDoc'
import { getRecordsMap, recordToYMap } from '@/lib/binding/yRecords'
import { connectProvider, synced } from '../../support/providers'
import { admit, BENCH_USER, startMockboard, startReference, type BenchServer } from '../servers'
import { withAppBoard } from '../app'
import { loadPage } from '../pageLoad'
import { median, spread, type BenchOptions, type BenchRow } from '../types'

const SCENARIO = '5. Cold join of a 2,000-shape room'
const SHAPES = 2_000
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
 * Writes a board (seed records plus `shapes`, which may hold bindings too) into `room` through one stock
 * provider, in our Yjs layout. Our server seeds rooms itself, so seeding here
 * is a no-op there; the reference server gets the same records from us.
 * Resolves once a second client sees every shape, i.e. the server holds them.
 */
export async function fillRoom(url: string, room: string, shapes: TLRecord[]): Promise<void> {
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
    await timeToFullDoc(url, room, shapes.filter((record) => record.typeName === 'shape').length)
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

/** Render times of the board and of bare tldraw with the same records, in one run. */
interface BrowserTimes {
  render: number[]
  afterOpen: number[]
  bare: number[]
}

/**
 * Loads a filled board `runs` times in Chromium against the full production
 * app, then the bare tldraw page with the same records as often, after one
 * untimed load of each when `warmUp` is set.
 */
async function browserJoins(runs: number, warmUp: boolean): Promise<BrowserTimes> {
  return withAppBoard(async ({ browser, appUrl, collabUrl, state, room }) => {
    const shapes = geoShapes(SHAPES)
    await fillRoom(collabUrl, room, shapes)
    const board = () => loadPage(browser, `${appUrl}/r/${room}`, state, { shapes: SHAPES, live: true })
    const bare = () => loadPage(browser, `${appUrl}/bench/tldraw`, state, { shapes: SHAPES, records: shapes })
    // One untimed load of each: Next loads its route modules lazily on the first request
    // (skipped in quick mode, which only keeps the harness working).
    if (warmUp) {
      await board()
      await bare()
    }
    const times: BrowserTimes = { render: [], afterOpen: [], bare: [] }
    for (let i = 0; i < runs; i++) {
      const { rendered, wsOpen } = (await board()).times
      times.render.push(rendered!)
      if (wsOpen !== null) times.afterOpen.push(rendered! - wsOpen)
      times.bare.push((await bare()).times.rendered!)
    }
    return times
  })
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
  const bare = median(browser.bare)
  const renderRatio = Math.round((render / bare) * 100) / 100
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
      peers: { 'bare tldraw': round1(bare) },
      ratio: { against: 'bare tldraw', value: renderRatio },
      goal: '≤ 1.0× bare tldraw',
      met: renderRatio <= 1,
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
