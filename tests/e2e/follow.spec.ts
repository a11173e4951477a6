import { test, expect, roomWith, shapes, drawRectangle, shapeBounds } from './fixtures'

test("following a participant's viewport from the people menu moves your view with theirs", async ({
  app,
  browser,
}) => {
  const {
    pages: [alice, bob],
  } = await roomWith(browser, app, 'Alice', 'Bob')
  await drawRectangle(alice, { x: 300, y: 300 }, { x: 400, y: 400 })
  await expect(shapes(bob)).toHaveCount(1)
  await alice.mouse.move(600, 300, { steps: 3 })

  await bob.getByTitle('People').click()
  await expect(bob.locator('.tlui-people-menu__name')).toHaveText('Alice')
  await bob.locator('.tlui-people-menu__item__follow').click()
  await expect(bob.locator('.tlui-people-menu__item[data-follow="true"]')).toHaveCount(1)
  await bob.keyboard.press('Escape')

  // Alice pans 300 px left (scroll); Bob's view follows, so the shape moves on his screen too.
  const [before] = await shapeBounds(bob)
  await alice.mouse.move(640, 400)
  await alice.mouse.wheel(300, 0)
  await expect.poll(async () => (await shapeBounds(bob))[0]!.x, { timeout: 10_000 }).toBeLessThan(before!.x - 200)
})
