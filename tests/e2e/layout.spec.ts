import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { test, expect, roomWith, chooseProblem, confirmDialog, createRoom } from './fixtures'

/**
 * One layout that never overlaps, in both themes: with a session running and
 * both side panels open, the home link, the board's name and every control of
 * the clock strip and of the people/status area is the topmost element at its
 * own centre (so a click lands on it), tldraw's own toolbar and menus are not covered either, and
 * the canvas keeps its room. Screenshots per viewport and theme are saved
 * with the test's output for a look.
 */
const VIEWPORTS = [
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
] as const

/** Test ids and selectors of what must stay clickable. */
const CONTROLS = [
  '[data-testid="board-home"]',
  '[data-testid="board-name"]',
  '[data-testid="clock-pause"]',
  '[data-testid="clock-next"]',
  '[data-testid="clock-extend"]',
  '[data-testid="clock-end"]',
  '[data-testid="role-badge"]',
  '[data-testid="connection-badge"]',
  '[data-testid="invite-button"]',
  '[data-testid="palette-search"]',
  '[data-testid="tab-rubric"]',
  '.tlui-main-menu__trigger, [data-testid="main-menu.button"]',
  '[data-testid="tools.select"]',
  '[data-testid="estimation-button"]',
]

/** The selectors whose element is not the topmost one at its centre. */
async function coveredControls(page: Page): Promise<string[]> {
  return page.evaluate((selectors) => {
    const covered: string[] = []
    for (const selector of selectors) {
      const element = document.querySelector(selector)
      if (!element) {
        covered.push(`${selector} (missing)`)
        continue
      }
      const box = element.getBoundingClientRect()
      const x = box.left + box.width / 2
      const y = box.top + box.height / 2
      const inView = x >= 0 && y >= 0 && x <= window.innerWidth && y <= window.innerHeight
      const top = document.elementFromPoint(x, y)
      if (!inView || !top || !(element === top || element.contains(top))) covered.push(selector)
    }
    return covered
  }, CONTROLS)
}

for (const theme of ['light', 'dark'] as const) {
  test(`${theme}: nothing overlaps from 1024×768 to 1920×1080 with a session running; narrow screens get drawers; feedback toasts; no serious a11y violations on board, replay, summary, My sessions and home`, async ({
    app,
    browser,
  }) => {
    const {
      room,
      pages: [olga],
    } = await roomWith(browser, app, 'Olga')
    // The header names the board (the page's one h1; the tab says it too) and leads back to My boards.
    const header = olga.getByTestId('board-header')
    await expect(header.getByRole('heading', { level: 1 })).toHaveText('Untitled board')
    await expect(olga.locator('h1')).toHaveCount(1)
    await expect(olga.getByTestId('board-name')).toHaveAttribute('title', 'Untitled board')
    await expect(olga).toHaveTitle('Untitled board · Mockboard')
    await expect(header.getByRole('link', { name: 'My boards' })).toHaveAttribute('href', '/')
    if (theme === 'dark') {
      await olga.locator('.tl-canvas').click({ position: { x: 400, y: 400 } })
      await olga.keyboard.press('ControlOrMeta+/')
      await expect(olga.locator('html')).toHaveAttribute('data-theme', 'dark')
    }
    await chooseProblem(olga, 'url-shortener')
    await olga.getByTestId('start-session').click()
    await expect(olga.getByTestId('session-strip')).toBeVisible()

    // Keyboard: the page's first tab stops skip the palette's ~45 stops, to the header's controls or the session
    // panel (a walk counted 65 Tab presses from the page's start to the session panel's tabs).
    const firstStop = await olga.evaluate(
      () =>
        document.querySelector<HTMLElement>('a[href], button, input, select, [tabindex]:not([tabindex="-1"])')
          ?.innerText
    )
    expect(firstStop).toBe("Skip to the board's controls")
    await olga.getByRole('link', { name: 'Skip to the session panel' }).focus()
    await expect(olga.getByRole('link', { name: 'Skip to the session panel' })).toBeInViewport()
    await olga.keyboard.press('Enter')
    await expect(olga.getByTestId('session-panel')).toBeFocused()
    await olga.keyboard.press('Tab')
    expect(await olga.evaluate(() => !!document.activeElement?.closest('[data-testid="session-panel"]'))).toBe(true)
    await olga.getByRole('link', { name: "Skip to the board's controls" }).focus()
    await olga.keyboard.press('Enter')
    await expect(olga.getByTestId('board-header')).toBeFocused()
    await olga.keyboard.press('Tab')
    expect(await olga.evaluate(() => !!document.activeElement?.closest('[data-testid="board-header"]'))).toBe(true)
    expect(new URL(olga.url()).hash).toBe('') // the board's address stays shareable as it was

    for (const viewport of VIEWPORTS) {
      await olga.setViewportSize(viewport)
      await expect.poll(() => coveredControls(olga), { message: `${viewport.width}×${viewport.height}` }).toEqual([])
      const canvas = await olga.locator('.tl-canvas').boundingBox()
      // With both panels open the canvas keeps at least 60 % of the width at 1280 px and up.
      if (viewport.width >= 1280) expect(canvas!.width / viewport.width).toBeGreaterThanOrEqual(0.6)
      await olga.screenshot({ path: test.info().outputPath(`board-${viewport.width}x${viewport.height}-${theme}.png`) })
    }

    // The estimation card opens with Shift+E on the canvas, stays open while drawing, and closes with Escape.
    await olga.locator('.tl-canvas').click({ position: { x: 300, y: 300 } })
    await olga.keyboard.press('Shift+E')
    const card = olga.getByTestId('estimation-card')
    await expect(card).toContainText('~100 ns')
    await olga.getByTestId('estimation-tab-nines').click()
    await expect(card).toContainText('8.77 h')
    await olga.locator('.tl-canvas').click({ position: { x: 300, y: 300 } })
    await expect(card).toBeVisible()
    await olga.screenshot({ path: test.info().outputPath(`estimation-${theme}.png`) })
    await olga.keyboard.press('Escape')
    await expect(card).toHaveCount(0)

    // The invite popover opens beside its button, clickable, and closes on Escape. Revoking asks first and
    // says what happened.
    await olga.setViewportSize({ width: 1280, height: 720 })
    await olga.getByTestId('invite-button').click()
    const oldLink = await olga.getByTestId('invite-link-candidate').inputValue()
    await olga.getByRole('button', { name: 'Revoke' }).first().click()
    await confirmDialog(olga)
    await expect(olga.getByTestId('toast-success')).toContainText('New candidate link made')
    await expect(olga.getByTestId('invite-link-candidate')).not.toHaveValue(oldLink)
    // Escape closes the newest layer first (Radix's rule): the toast, then the popover.
    await olga.keyboard.press('Escape')
    await expect(olga.getByTestId('toast-success')).toHaveCount(0)
    await olga.keyboard.press('Escape')
    await expect(olga.getByTestId('invite-link-candidate')).toHaveCount(0)

    // Accessibility: no serious or critical violations in the app's own chrome on the board (tldraw's UI is
    // tldraw's), nor on the home page.
    const onBoard = await new AxeBuilder({ page: olga })
      .include('[data-testid="board-header"]')
      .include('[data-testid="pattern-palette"]')
      .include('[data-testid="session-panel"]')
      .analyze()
    const serious = (violations: typeof onBoard.violations) =>
      violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map(
          (v) =>
            `${v.id}: ${v.help} (${v.nodes.map((n) => `${n.target.join(' ')} ${n.any[0]?.message ?? ''}`).join('; ')})`
        )
    expect(serious(onBoard.violations)).toEqual([])
    // A rename (in My boards) shows in the header and the tab when the board's tab is back in view, and on its
    // next load.
    const rename = await olga.request.patch(`${app.url}/api/rooms/${room.roomId}`, {
      data: { name: 'URL shortener mock' },
    })
    expect(rename.status()).toBe(200)
    await olga.evaluate(() => document.dispatchEvent(new Event('visibilitychange')))
    await expect(olga.getByTestId('board-name')).toHaveText('URL shortener mock')
    await expect(olga).toHaveTitle('URL shortener mock · Mockboard')
    // On a narrow screen a first visit opens with both panels collapsed; each opens as a drawer over the canvas.
    const board = olga.url()
    const narrow = await olga.context().newPage()
    await narrow.setViewportSize({ width: 800, height: 600 })
    await narrow.goto(board)
    await expect(narrow.locator('.tl-canvas')).toBeVisible()
    await expect(narrow.getByTestId('board-name')).toHaveText('URL shortener mock')
    await expect(narrow.getByTestId('board-name')).toHaveAttribute('title', 'URL shortener mock')
    await expect(narrow).toHaveTitle('URL shortener mock · Mockboard')
    await expect(narrow.getByRole('complementary', { name: 'Pattern palette (collapsed)' })).toBeVisible()
    const wide = await narrow.locator('.tl-canvas').boundingBox()
    expect(wide!.width).toBeGreaterThan(700)
    await narrow.getByRole('button', { name: 'Show patterns' }).click()
    await expect(narrow.getByTestId('palette-search')).toBeVisible()
    // A drawer over the canvas: the canvas does not shrink for it.
    expect((await narrow.locator('.tl-canvas').boundingBox())!.width).toBeGreaterThanOrEqual(wide!.width)
    await narrow.screenshot({ path: test.info().outputPath(`board-800x600-drawer-${theme}.png`) })
    // The header's home link leads to My boards (drawer closed: an open drawer covers the header's left end).
    await narrow.getByRole('button', { name: 'Hide patterns' }).click()
    await expect(narrow.getByTestId('board-home')).toBeVisible()
    await narrow.getByTestId('board-home').click()
    await narrow.waitForURL(`${app.url}/`)
    await expect(narrow.getByRole('heading', { name: 'My boards' })).toBeVisible()
    await expect(narrow.getByTestId('board-item').filter({ hasText: 'URL shortener mock' })).toHaveCount(1)

    // The theme is remembered: the board's replay opens in it too. The replay, the summary, My sessions and
    // home have no serious or critical violations either.
    await olga.goto(`${board}/replay`)
    await expect(olga.getByTestId('replay')).toBeVisible()
    await expect(olga.locator('html')).toHaveAttribute('data-theme', theme)
    expect(serious((await new AxeBuilder({ page: olga }).analyze()).violations)).toEqual([])
    await olga.goto(`${board}/summary`)
    await expect(olga.getByTestId('summary-title')).toBeVisible()
    expect(serious((await new AxeBuilder({ page: olga }).analyze()).violations)).toEqual([])
    await olga.goto(`${app.url}/sessions`)
    await expect(olga.getByRole('heading', { level: 1 })).toBeVisible()
    expect(serious((await new AxeBuilder({ page: olga }).analyze()).violations)).toEqual([])
    await olga.goto(`${app.url}/`)
    expect(serious((await new AxeBuilder({ page: olga }).analyze()).violations)).toEqual([])
  })
}

/** The violations of the given axe rules (any impact) in `include` (default: the whole page), as readable strings. */
async function axeFindings(page: Page, rules: string[], include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withRules(rules)
  if (include) builder = builder.include(include)
  const { violations } = await builder.analyze()
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`)
}

test('keyboard and screen readers: labelled invite links, palette options, arrow-key session tabs, focus kept after start, insert, end, rename and delete; scrollable panels, headings, landmarks', async ({
  app,
  browser,
}) => {
  const {
    room,
    pages: [olga, cid],
  } = await roomWith(browser, app, 'Olga', 'Cid')
  await expect(olga.getByTestId('session-panel')).toBeVisible()
  // The skip link to the session panel shows once the panel is there, and leads to it.
  await expect(olga.getByRole('link', { name: 'Skip to the session panel' })).toBeAttached()
  expect(await axeFindings(olga, ['skip-link'])).toEqual([])

  // Start is disabled with its reason beside it (and read with it) until a problem is chosen.
  const hint = olga.getByTestId('start-session-hint')
  await expect(hint).toBeVisible()
  await expect(olga.getByTestId('start-session')).toHaveAttribute('aria-describedby', (await hint.getAttribute('id'))!)
  await chooseProblem(olga, 'url-shortener')
  await expect(hint).toHaveCount(0)
  // Started from the keyboard, focus goes to the running session's heading, not to the page.
  await olga.getByTestId('start-session').focus()
  await olga.keyboard.press('Enter')
  await expect(olga.getByTestId('session-strip')).toBeVisible()
  await expect(olga.getByTestId('session-heading')).toBeFocused()

  // The session tabs are one Tab stop; arrows, Home and End move between them (and open them).
  const tabs = olga.getByRole('tablist', { name: 'Session sections' }).getByRole('tab')
  await expect(tabs.first()).toHaveAttribute('aria-selected', 'true')
  await expect(olga.getByTestId('tab-rubric')).toHaveAttribute('tabindex', '-1')
  await olga.getByTestId('tab-problem').focus()
  await olga.keyboard.press('ArrowRight')
  await expect(olga.getByTestId('tab-rubric')).toBeFocused()
  await expect(olga.getByTestId('tab-rubric')).toHaveAttribute('aria-selected', 'true')
  await olga.keyboard.press('End')
  await expect(tabs.last()).toBeFocused()
  await expect(tabs.last()).toHaveAttribute('aria-selected', 'true')
  await olga.keyboard.press('Home')
  await expect(olga.getByTestId('tab-problem')).toBeFocused()
  await expect(olga.getByTestId('tab-problem')).toHaveAttribute('aria-selected', 'true')
  // Tab goes on to the open tab's panel, named by its tab.
  await olga.keyboard.press('Tab')
  await expect(olga.getByRole('tabpanel', { name: 'Problem' })).toBeFocused()
  // The phase guide's heading follows the panel's h2.
  await expect(olga.getByTestId('phase-guide').getByRole('heading', { level: 3 })).toBeVisible()
  expect(
    await axeFindings(
      olga,
      ['heading-order', 'scrollable-region-focusable', 'aria-required-children'],
      '[data-testid="session-panel"]'
    )
  ).toEqual([])

  // The candidate's panel (nothing focusable in it) is still reachable from the keyboard when it scrolls.
  await cid.setViewportSize({ width: 1024, height: 480 })
  await expect(cid.getByTestId('problem-card')).toBeVisible()
  await expect(cid.getByRole('tabpanel', { name: 'Problem' })).toHaveAttribute('tabindex', '0')
  expect(
    await axeFindings(cid, ['scrollable-region-focusable', 'heading-order'], '[data-testid="session-panel"]')
  ).toEqual([])

  // Palette search results are options with nothing interactive inside; Enter places the top one, says so,
  // and leaves focus on the canvas.
  await olga.getByTestId('palette-search').fill('cache')
  await expect(olga.locator('#palette-hit-0')).toHaveAttribute('aria-selected', 'true')
  expect(
    await axeFindings(
      olga,
      ['nested-interactive', 'aria-required-children', 'scrollable-region-focusable'],
      '[data-testid="pattern-palette"]'
    )
  ).toEqual([])
  await olga.getByTestId('palette-search').press('Enter')
  await expect(olga.getByTestId('block-shape')).toHaveCount(1)
  await expect
    .poll(() => olga.evaluate(() => document.activeElement?.classList.contains('tl-container') ?? false))
    .toBe(true)
  await expect(olga.getByTestId('palette-announcement')).toHaveText(/^Inserted \S/)

  // The invite popover's links are named by their role.
  await olga.getByTestId('invite-button').click()
  await expect(olga.getByRole('textbox', { name: 'Candidate', exact: true })).toHaveValue(/\/join\//)
  await expect(olga.getByRole('textbox', { name: 'Observer (read-only)', exact: true })).toHaveValue(/\/join\//)
  await expect(olga.getByRole('textbox', { name: 'Co-interviewer', exact: true })).toHaveValue(/\/join\//)
  expect(await axeFindings(olga, ['label', 'nested-interactive'], '[role="dialog"]')).toEqual([])
  await olga.keyboard.press('Escape')
  await expect(olga.getByTestId('invite-link-candidate')).toHaveCount(0)

  // Ending from the keyboard: the End button goes, focus goes to the Summary link in its place.
  await olga.getByTestId('clock-end').focus()
  await olga.keyboard.press('Enter')
  await olga.getByTestId('confirm-action').focus()
  await olga.keyboard.press('Enter')
  await expect(olga.getByTestId('session-strip')).toHaveAttribute('data-status', 'ended')
  await expect(olga.getByTestId('summary-link')).toBeFocused()

  // The replay's controls are in a named region.
  await olga.goto(`${room.url}/replay`)
  await expect(olga.getByTestId('replay')).toBeVisible()
  await expect(olga.getByRole('region', { name: 'Replay controls' }).getByTestId('replay-scrubber')).toBeVisible()
  expect(await axeFindings(olga, ['region'], '[data-testid="replay-controls"]')).toEqual([])

  // My sessions: every column header has a name.
  await olga.goto(`${app.url}/sessions`)
  await expect(olga.getByTestId('session-row')).toHaveCount(1)
  expect(await axeFindings(olga, ['empty-table-header'])).toEqual([])

  // Home: rename (Escape, then Enter) returns focus to Rename; a deleted board hands focus to the next row,
  // the last one to the empty list's line.
  const other = await createRoom(olga, app)
  await olga.goto(`${app.url}/`)
  const items = olga.getByTestId('board-item')
  await expect(items).toHaveCount(2)
  const [firstId, secondId] = await items.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-room-id')!))
  expect([firstId, secondId].sort()).toEqual([room.roomId, other.roomId].sort())
  const row = (roomId: string) => olga.locator(`[data-testid="board-item"][data-room-id="${roomId}"]`)
  await row(firstId!).getByTestId('rename-board').focus()
  await olga.keyboard.press('Enter')
  await expect(olga.getByTestId('rename-input')).toBeFocused()
  await olga.keyboard.press('Escape')
  await expect(row(firstId!).getByTestId('rename-board')).toBeFocused()
  await olga.keyboard.press('Enter')
  await olga.getByTestId('rename-input').fill('Renamed from the keyboard')
  await olga.keyboard.press('Enter')
  await expect(row(firstId!).getByTestId('board-link')).toHaveText('Renamed from the keyboard')
  await expect(row(firstId!).getByTestId('rename-board')).toBeFocused()

  await row(firstId!).getByTestId('delete-board').focus()
  await olga.keyboard.press('Enter')
  await olga.getByTestId('confirm-action').focus()
  await olga.keyboard.press('Enter')
  await expect(row(firstId!)).toHaveCount(0)
  await expect(row(secondId!).getByTestId('board-link')).toBeFocused()
  await row(secondId!).getByTestId('delete-board').focus()
  await olga.keyboard.press('Enter')
  await olga.getByTestId('confirm-action').focus()
  await olga.keyboard.press('Enter')
  await expect(olga.getByTestId('no-boards')).toBeFocused()
})
