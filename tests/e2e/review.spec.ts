import type { Page } from '@playwright/test'
import { test, expect, roomWith, insertBySearch } from './fixtures'

/** Drags a new arrow from one block's centre to another's; the arrow stays selected. */
async function connect(page: Page, fromKind: string, toKind: string) {
  const centre = async (kind: string) => {
    const box = (await page.locator(`[data-testid="block-shape"][data-kind="${kind}"]`).boundingBox())!
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 }
  }
  const from = await centre(fromKind)
  const to = await centre(toKind)
  await page.keyboard.press('a')
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move(to.x, to.y, { steps: 10 })
  await page.mouse.up()
}

test('the review finds a lone database and an unlabelled arrow, shows them, and clears once fixed; the candidate never receives it', async ({
  app,
  browser,
}) => {
  const {
    pages: [olga, cid],
  } = await roomWith(browser, app, 'Olga', 'Cid')
  const received: string[] = []
  cid.on('websocket', (ws) =>
    ws.on('framereceived', ({ payload }) => received.push(Buffer.from(payload).toString('latin1')))
  )
  await cid.reload()
  await expect(cid.locator('.tl-canvas')).toBeVisible({ timeout: 30_000 })

  await insertBySearch(olga, 'Postgres')
  await insertBySearch(olga, 'client')
  await connect(olga, 'client', 'sql-database')
  await olga.keyboard.press('Escape')

  await olga.getByTestId('review-without-session').locator('summary').click()
  const findings = olga.getByTestId('review-finding')
  const spof = findings.filter({ hasText: 'SQL database is a single point of failure' })
  const unlabelled = findings.filter({ hasText: 'An arrow has no label' })
  await expect(spof).toHaveAttribute('data-severity', 'high')
  await expect(unlabelled).toBeVisible()

  // Clicking a finding selects its shapes; I shows the selected database's card beside it (selecting alone does not).
  await spof.click()
  await olga.keyboard.press('i')
  await expect(olga.getByRole('article', { name: 'SQL database card' })).toBeVisible()

  // Fix both: label the arrow with its protocol, add a replica and wire it (labelled too).
  await unlabelled.click()
  await olga.getByTestId('connection-protocol').selectOption('SQL')
  await insertBySearch(olga, 'read replicas')
  await connect(olga, 'sql-database', 'read-replicas')
  await olga.getByTestId('connection-protocol').selectOption('SQL')
  await olga.keyboard.press('Escape')
  await expect(spof).toHaveCount(0)
  await expect(unlabelled).toHaveCount(0)
  await expect(findings.filter({ hasText: 'no label' })).toHaveCount(0)

  // The candidate saw the board change, but nothing of the review.
  await expect(cid.getByTestId('block-shape')).toHaveCount(3)
  await expect(cid.getByTestId('review-finding')).toHaveCount(0)
  expect(received.some((frame) => frame.includes('single point of failure'))).toBe(false)
})
