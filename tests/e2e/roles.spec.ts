import {
  test,
  expect,
  confirmDialog,
  createRoom,
  openBoard,
  participant,
  roomWith,
  shapes,
  drawRectangle,
  chooseProblem,
} from './fixtures'

test('an observer invite opens a read-only board (the hand tool, a read-only badge, nothing they draw lands) and, in a session, the problem as the candidate gets it, without the rubric', async ({
  app,
  browser,
}) => {
  const alice = await participant(browser, app, 'Alice')
  const room = await createRoom(alice, app)
  await openBoard(alice, room.url)
  // The owner's people list, open while Olive joins, shows her without reopening.
  await alice.getByTestId('invite-button').click()
  const olive = await participant(browser, app, 'Olive')
  await openBoard(olive, room.invites.observer)
  await expect(alice.getByLabel('Role of Olive')).toHaveValue('observer')
  await alice.keyboard.press('Escape')

  await expect(olive.getByTestId('role-badge')).toHaveText(/Observer · read-only/)
  await expect(olive.getByTestId('pattern-palette')).toHaveCount(0) // nothing to place
  await expect(alice.getByTestId('pattern-palette')).toBeVisible()
  await drawRectangle(alice, { x: 300, y: 300 }, { x: 400, y: 400 })
  await expect(shapes(olive)).toHaveCount(1) // observers watch live

  // Olive tries to draw; the UI refuses, and the server would drop it anyway.
  await drawRectangle(olive, { x: 600, y: 300 }, { x: 700, y: 400 })
  // Barrier, not a sleep: Alice draws after Olive's attempt, and that shape must
  // reach Olive. Olive then shows exactly Alice's two (none of her own), and
  // Alice, whose second shape went through the server after Olive's attempt,
  // has no third.
  await drawRectangle(alice, { x: 300, y: 500 }, { x: 400, y: 600 })
  await expect(shapes(olive)).toHaveCount(2)
  await expect(shapes(alice)).toHaveCount(2)

  // In a session, Olive follows the problem as the candidate gets it, told what is still to be revealed (not to ask
  // for it: that is the candidate's line), with no rubric and no reveal buttons.
  await chooseProblem(alice, 'url-shortener')
  await alice.getByTestId('start-session').click()
  await expect(olive.getByTestId('problem-card')).toContainText('URL shortener')
  await expect(olive.getByTestId('unrevealed-scale')).toHaveText('Scale: not revealed to the candidate yet.')
  await expect(olive.getByTestId('tab-rubric')).toHaveCount(0)
  await expect(olive.getByTestId('reveal-scale')).toHaveCount(0)
  await alice.getByTestId('reveal-scale').click()
  await expect(olive.getByTestId('part-scale')).toBeVisible()
})

test('the owner swaps interviewer and candidate (it asks first), and swaps back; both badges change at once', async ({
  app,
  browser,
}) => {
  // Four reconnects (two swaps, each closing both people's sockets) plus two confirmations: roomy on a loaded machine.
  test.setTimeout(300_000)
  const {
    pages: [alice, bob],
  } = await roomWith(browser, app, 'Alice', 'Bob')
  await expect(alice.getByTestId('role-badge')).toHaveText('Interviewer')
  await expect(bob.getByTestId('role-badge')).toHaveText('Candidate')

  await alice.getByTestId('invite-button').click()
  await alice.getByTestId('swap-roles').click()
  await confirmDialog(alice)

  await expect(alice.getByTestId('role-badge')).toHaveText('Candidate')
  await expect(bob.getByTestId('role-badge')).toHaveText('Interviewer')
  await expect(alice.getByTestId('connection-badge')).toHaveText('Connected')
  await expect(bob.getByTestId('connection-badge')).toHaveText('Connected')
  // Bob, now interviewer, does not manage the board: no invite links, no role controls.
  await bob.getByTestId('invite-button').click()
  await expect(bob.getByTestId('invite-link-candidate')).toHaveCount(0)
  await expect(bob.getByLabel('Role of Alice')).toHaveCount(0)
  await expect(bob.getByTestId('invite-button')).toHaveText('People')

  // The owner, now candidate, still runs the board, and swaps back.
  await expect(alice.getByTestId('invite-button')).toHaveText('Invite')
  if (!(await alice.getByTestId('swap-roles').isVisible())) await alice.getByTestId('invite-button').click()
  await expect(alice.getByTestId('swap-roles')).toHaveText('Swap back: I interview')
  await alice.getByTestId('swap-roles').click()
  await confirmDialog(alice)
  await expect(alice.getByTestId('role-badge')).toHaveText('Interviewer')
  await expect(bob.getByTestId('role-badge')).toHaveText('Candidate')
})

test('a board is closed to people without an invite, and a revoked invite stops working', async ({ app, browser }) => {
  const alice = await participant(browser, app, 'Alice')
  const room = await createRoom(alice, app)
  const mallory = await participant(browser, app, 'Mallory')
  await mallory.goto(room.url)
  await expect(mallory.getByText('Ask for an invite')).toBeVisible()
  await expect(mallory.getByRole('link', { name: 'Go to my boards' })).toBeVisible()
  // A board that does not exist says so (with the way home), not "ask for an invite".
  await mallory.goto(`${app.url}/r/no-such-board-0000`)
  await expect(mallory.getByTestId('room-closed-missing')).toContainText('No such board')

  const revoked = await alice.request.post(`${app.url}/api/rooms/${room.roomId}/invites/candidate`)
  expect(revoked.status()).toBe(200)
  await mallory.goto(room.invites.candidate)
  await expect(mallory.getByText(/revoked or never existed/)).toBeVisible()
  // Someone not signed in learns it before being asked for a name.
  const stranger = await (await browser.newContext()).newPage()
  await stranger.goto(room.invites.candidate)
  await expect(stranger.getByText(/revoked or never existed/)).toBeVisible()
  await expect(stranger.getByTestId('guest-name')).toHaveCount(0)
  const token = await mallory.request.get(`${app.url}/api/rooms/${room.roomId}/token`)
  expect(token.status()).toBe(403)
})

test('the owner demotes a member to observer and then removes them: each takes effect at once', async ({
  app,
  browser,
}) => {
  const {
    room,
    pages: [alice, bob],
  } = await roomWith(browser, app, 'Alice', 'Bob')
  await expect(bob.getByTestId('role-badge')).toHaveText('Candidate')

  await alice.getByTestId('invite-button').click()
  await alice.getByLabel('Role of Bob').selectOption('observer')
  await expect(bob.getByTestId('role-badge')).toHaveText(/Observer · read-only/)
  await expect(alice.getByTestId('toast-success')).toContainText('Bob is now observer')

  const oldLink = await alice.getByTestId('invite-link-candidate').inputValue()
  await alice.getByTestId('member-Bob').getByRole('button', { name: 'Remove' }).click()
  await confirmDialog(alice)
  await expect(bob.getByTestId('board-denied')).toHaveText(/no longer a member/)
  // The link he joined with was replaced: it no longer lets him (or anyone) back in.
  await expect(alice.getByTestId('invite-link-candidate')).not.toHaveValue(oldLink)
  await bob.goto(room.invites.candidate)
  await expect(bob.getByRole('heading', { name: 'Cannot join' })).toBeVisible()

  // A board deleted under a member's open tab says so, not that they were removed.
  const carol = await participant(browser, app, 'Carol')
  await openBoard(carol, await alice.getByTestId('invite-link-candidate').inputValue())
  await expect(carol.getByTestId('role-badge')).toHaveText('Candidate')
  const deleted = await alice.request.delete(`${app.url}/api/rooms/${room.roomId}`, { headers: { origin: app.url } })
  expect(deleted.status()).toBe(200)
  await expect(carol.getByTestId('board-denied')).toHaveText(/deleted by its owner/)
})
