import * as Y from 'yjs'
import { createShapeId, toRichText, type TLGeoShape, type TLRecord } from '@tldraw/tlschema'
import { getIndicesAbove } from '@tldraw/utils'
import { createBoardSchema } from '@/lib/board/boardSchema'
import { FIRST_PAGE_ID, seedBoardDoc } from '@/lib/binding/seedBoardDoc'
import { getRecordsMap, recordToYMap } from '@/lib/binding/yRecords'
import { connectProvider, synced } from '../../support/providers'
import { admit, BENCH_USER, startMockboard, startReference, type BenchServer } from '../servers'
import { withAppBoard } from '../app'
import { boardAndBare, type PageTimes, type ShapeBox } from '../pageLoad'
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

/** Page times of the board and of bare tldraw with the same records, in one run. */
interface BrowserTimes {
  board: PageTimes[]
  afterOpen: number[]
  bare: PageTimes[]
}

/** A box in the middle of the first screen, on both pages: the one the user drags. */
const DRAG_TARGET = createShapeId('bench154')

/**
 * Loads a filled board `runs` times in Chromium against the full production
 * app, alternating with the bare tldraw page with the same records, after
 * one untimed load of each when `warmUp` is set. Each load drags a box in
 * view as soon as the shapes in view are drawn (the board keeps each drag:
 * every other load drags it back).
 */
export async function browserJoins(runs: number, warmUp: boolean, count = SHAPES): Promise<BrowserTimes> {
  return withAppBoard(async (app) => {
    const shapes = geoShapes(count)
    await fillRoom(app.collabUrl, app.room, shapes)
    const inView = shapes.map((s): ShapeBox => [s.id, s.x, s.y, s.props.w, s.props.h])
    const { board, bare } = boardAndBare(app, shapes, { shapes: count, inView, dragTarget: DRAG_TARGET })
    // One untimed load of each: Next loads its route modules lazily on the first request
    // (skipped in quick mode, which only keeps the harness working).
    if (warmUp) {
      await board()
      await bare()
    }
    const times: BrowserTimes = { board: [], afterOpen: [], bare: [] }
    for (let i = 0; i < runs; i++) {
      const load = (await board()).times
      times.board.push(load)
      if (load.wsOpen !== null) times.afterOpen.push(load.rendered! - load.wsOpen)
      times.bare.push((await bare()).times)
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
  const times = (loads: PageTimes[], key: keyof PageTimes) => loads.map((load) => load[key]!)
  const bareFull = median(times(browser.bare, 'rendered'))
  /** A browser row of the board's `key`, against bare tldraw's full render (the floor for the same records). */
  const browserRow = (metric: string, key: keyof PageTimes, goal?: number): BenchRow => {
    const board = times(browser.board, key)
    const ratio = Math.round((median(board) / bareFull) * 100) / 100
    return {
      scenario: SCENARIO,
      metric,
      mockboard: round1(median(board)),
      peers: { 'bare tldraw': round1(median(times(browser.bare, key))), 'bare tldraw, full render': round1(bareFull) },
      ratio: { against: 'bare tldraw, full render', value: ratio },
      goal: goal === undefined ? '—' : `≤ ${goal}× bare tldraw's full render`,
      met: goal === undefined ? null : ratio <= goal,
      runs: board.length,
      spread: spread(board),
    }
  }
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
    browserRow('Chromium: navigation → shapes in view drawn (ms)', 'viewDrawn'),
    browserRow('Chromium: navigation → shapes in view drawn + a drag moves one (ms)', 'moved', 0.5),
    browserRow('Chromium: navigation → everything mounted (ms)', 'rendered', 1.0),
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
