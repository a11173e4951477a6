/**
 * One timed page load in Chromium: the board (`/r/<room>`) or the bare
 * tldraw page, with the same probe, so their times compare.
 */
import type { Browser } from '@playwright/test'
import type { TLRecord } from '@tldraw/tlschema'
import type { SessionState } from './app'

/** What the probe records, in ms since navigation start (`performance.now()`). */
export interface PageTimes {
  /** The collab WebSocket opened (the board only). */
  wsOpen: number | null
  /** Every shape mounted and one visible, in a painted frame. */
  rendered: number | null
  /** The dragged shape first moved on screen. */
  moved: number | null
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
 * (at most one frame, ~16 ms, late). With a `target`, it then checks that
 * shape's element every frame and records the frame its transform first
 * changes in (a drag).
 *
 * Plain JavaScript in a string: tsx would add helpers (`__name`) to a
 * TypeScript function that do not exist in the page.
 */
function probe(shapes: number, target: string | null): string {
  return `((shapes, target) => {
  const times = { wsOpen: null, rendered: null, moved: null }
  window.__bench = times
  const Native = window.WebSocket
  window.WebSocket = class extends Native {
    constructor(url, protocols) {
      super(url, protocols)
      if (String(url).includes('/collab/')) this.addEventListener('open', () => { times.wsOpen ??= performance.now() })
    }
  }
  const transform = () => {
    const el = document.querySelector('.tl-shape[data-shape-id="' + target + '"]')
    return el && el.style.transform
  }
  const watch = (initial) => {
    if (transform() !== initial) times.moved = performance.now()
    else requestAnimationFrame(() => watch(initial))
  }
  const tick = () => {
    const elements = document.querySelectorAll('.tl-shape[data-shape-id]')
    const shown = elements.length >= shapes && [...elements].some((el) => el.style.display !== 'none')
    if (!shown) return requestAnimationFrame(tick)
    if (target) watch(transform())
    requestAnimationFrame(() => { times.rendered = performance.now() })
  }
  requestAnimationFrame(tick)
})(${shapes}, ${JSON.stringify(target)})`
}

const DRAG_STEPS = 6

/** How to load and check one page. */
export interface LoadOptions {
  /** Shapes the page must mount before it counts as rendered. */
  shapes: number
  /** A shape to drag as soon as the page rendered; the load then waits until it moved. */
  dragTarget?: string
  /** How far to drag it, in screen pixels (default 60 right, 40 down). */
  dragBy?: { x: number; y: number }
  /** Records the bare tldraw page puts in its store on mount. */
  records?: TLRecord[]
  /** The board only: wait until its badge says Connected (a sanity check, not timed). */
  live?: boolean
}

/** A finished load: the probe's times and the JavaScript the page had requested by the time it rendered. */
export interface PageLoad {
  times: PageTimes
  /** Paths (`/_next/static/…`) of the scripts requested before `rendered`, in request order. */
  scriptsBeforeRender: string[]
}

/** One load of `url` in a fresh browser context (with a member's session cookie). */
export async function loadPage(
  browser: Browser,
  url: string,
  storageState: SessionState,
  options: LoadOptions
): Promise<PageLoad> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, storageState })
  try {
    const page = await context.newPage()
    if (options.records)
      await page.addInitScript({ content: `window.__benchRecords = ${JSON.stringify(options.records)}` })
    await page.addInitScript({ content: probe(options.shapes, options.dragTarget ?? null) })
    await page.goto(url)
    // Functions passed to the page are sent as source: each reads `window.__bench` itself.
    type Probed = { __bench: PageTimes }
    // Roomy: on a loaded shared machine 2,000 shapes have taken over a minute; a hang still fails.
    await page.waitForFunction(() => (window as unknown as Probed).__bench.rendered !== null, null, {
      timeout: 180_000,
      polling: 'raf',
    })
    if (options.dragTarget) {
      // A real drag, issued as soon as the page is drawn: the time it first moves is when the user could.
      const target = page.locator(`.tl-shape[data-shape-id="${options.dragTarget}"]`)
      const by = options.dragBy ?? { x: 60, y: 40 }
      // A drag the page dropped (its handlers not attached yet, the shape re-mounted) is tried again:
      // the time is that of the first that lands.
      for (let attempt = 1; ; attempt++) {
        if (attempt > 10) throw new Error(`${options.dragTarget} did not move after ${attempt - 1} drags`)
        await target.waitFor({ state: 'visible', timeout: 30_000 })
        const box = await target.boundingBox()
        if (!box) continue
        const x = box.x + box.width / 2
        const y = box.y + box.height / 2
        await page.mouse.move(x, y)
        await page.mouse.down()
        // At a hand's pace, a frame per step: tldraw reads pointer moves once a frame.
        for (let step = 1; step <= DRAG_STEPS; step++) {
          await page.mouse.move(x + (by.x * step) / DRAG_STEPS, y + (by.y * step) / DRAG_STEPS)
          await page.waitForTimeout(16)
        }
        await page.mouse.up()
        const moved = await page
          .waitForFunction(() => (window as unknown as Probed).__bench.moved !== null, null, {
            timeout: 3_000,
            polling: 'raf',
          })
          .then(() => true)
          .catch(() => false)
        if (moved) break
        await page.keyboard.press('Escape') // a drag read as a double click edits the label: leave it
      }
    }
    // Sanity: the board is live (not part of the timing).
    if (options.live) await page.getByTestId('connection-badge').getByText('Connected').waitFor()
    const times = await page.evaluate(() => (window as unknown as Probed).__bench)
    const scriptsBeforeRender = await page.evaluate(
      (rendered) =>
        performance
          .getEntriesByType('resource')
          .filter(
            (entry) => entry.startTime < rendered && /\/_next\/static\/.+\.js$/.test(new URL(entry.name).pathname)
          )
          .map((entry) => new URL(entry.name).pathname),
      times.rendered!
    )
    return { times, scriptsBeforeRender }
  } finally {
    await context.close()
  }
}
