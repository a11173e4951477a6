import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { test, expect, roomWith, chooseProblem, confirmDialog } from './fixtures'

/**
 * One layout that never overlaps, in both themes: with a session running and
 * both side panels open, every control of the clock strip and of the
 * people/status area is the topmost element at its own centre (so a click
 * lands on it), tldraw's own toolbar and menus are not covered either, and
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
      pages: [olga],
    } = await roomWith(browser, app, 'Olga')
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
    // On a narrow screen a first visit opens with both panels collapsed; each opens as a drawer over the canvas.
    const board = olga.url()
    const narrow = await olga.context().newPage()
    await narrow.setViewportSize({ width: 800, height: 600 })
    await narrow.goto(board)
    await expect(narrow.locator('.tl-canvas')).toBeVisible()
    await expect(narrow.getByRole('complementary', { name: 'Pattern palette (collapsed)' })).toBeVisible()
    const wide = await narrow.locator('.tl-canvas').boundingBox()
    expect(wide!.width).toBeGreaterThan(700)
    await narrow.getByRole('button', { name: 'Show patterns' }).click()
    await expect(narrow.getByTestId('palette-search')).toBeVisible()
    // A drawer over the canvas: the canvas does not shrink for it.
    expect((await narrow.locator('.tl-canvas').boundingBox())!.width).toBeGreaterThanOrEqual(wide!.width)
    await narrow.screenshot({ path: test.info().outputPath(`board-800x600-drawer-${theme}.png`) })

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
