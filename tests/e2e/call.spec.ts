/**
 * Voice in the room, in real Chromium with a fake microphone that talks
 * (espeak-ng words, made here): two people in a room's call hear each other
 * (the received track has energy and getStats counts bytes, both ways); a
 * mute stops the sound and the packets; an observer joins, hears both and
 * sends nothing, then leaves and the others' calls shrink back. Then a call
 * forced through a real coturn on loopback (`ICE_TRANSPORT_POLICY=relay`).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser, Page } from '@playwright/test'
import { freePort } from '../support/ports'
import { startCoturn } from '../support/coturn'
import { AppServer, createRoom, expect, openBoard, participant, test, type CreatedRoom } from './fixtures'
import { probeLinks, recordPeerConnections } from './callProbes'
import { fakeMediaLaunchOptions, fakeVoiceFile } from './fakeMicrophone'

test.use({
  launchOptions: fakeMediaLaunchOptions(fakeVoiceFile('can you hear me. the cache sits in front of the database.')),
})

/** Audible: the fake voice's RMS peaks around 0.1–0.3; silence is 0. */
const HEARD = 0.01
const SILENT = 0.001

/** People signed in, each with peer connections recorded; the first owns a new room. */
async function people(
  browser: Browser,
  app: AppServer,
  ...names: string[]
): Promise<{ room: CreatedRoom; pages: Page[] }> {
  const pages: Page[] = []
  for (const name of names) {
    const page = await participant(browser, app, name)
    await recordPeerConnections(page.context())
    pages.push(page)
  }
  return { room: await createRoom(pages[0]!, app), pages }
}

/** Opens the board at `url` and joins its call. */
async function joinCall(page: Page, url: string): Promise<void> {
  await openBoard(page, url)
  await page.getByTestId('call-join').click()
  await expect(page.getByTestId('call')).toHaveAttribute('data-status', 'live', { timeout: 30_000 })
}

function avatar(page: Page, name: string) {
  return page.getByTestId('call-peer').and(page.locator(`[data-name="${name}"]`))
}

/** Waits until `page` has `count` open connections, each receiving audible sound. */
async function hearsEveryone(page: Page, count: number): Promise<void> {
  await expect
    .poll(async () => (await probeLinks(page)).map((l) => l.bytes > 0 && l.energy > HEARD), { timeout: 45_000 })
    .toEqual(Array(count).fill(true))
}

test('two people hear each other (avatar and cursor ring while talking), a mute silences one, an observer joins to listen and leaves', async ({
  browser,
  app,
}) => {
  test.setTimeout(240_000)
  const {
    room,
    pages: [ann, bob, cid],
  } = await people(browser, app, 'Ann', 'Bob', 'Cid')
  await joinCall(ann!, room.url)
  await joinCall(bob!, room.invites.candidate)
  await expect(ann!.getByTestId('call-peer')).toHaveCount(2)

  // Both hear the other: sound on the received track, and bytes by getStats.
  await hearsEveryone(ann!, 1)
  await hearsEveryone(bob!, 1)
  // Ann's avatar lights up on Bob's screen while she talks, and so does her cursor on his board.
  await expect(avatar(bob!, 'Ann')).toHaveAttribute('data-speaking', 'true', { timeout: 20_000 })
  const canvas = (await ann!.locator('.tl-canvas').boundingBox())!
  await ann!.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2)
  await ann!.mouse.move(canvas.x + canvas.width / 2 + 20, canvas.y + canvas.height / 2 + 10)
  await expect(bob!.locator('.tl-collaborators__item.mb-speaking-cursor')).toHaveCount(1, { timeout: 20_000 })

  // Ann mutes: Bob learns it, the sound stops, and no more packets come from her…
  await ann!.getByTestId('call-mute').click()
  await expect(avatar(bob!, 'Ann')).toHaveAttribute('data-muted', 'true')
  await expect.poll(async () => (await probeLinks(bob!))[0]!.energy, { timeout: 15_000 }).toBeLessThan(SILENT)
  const [bobBefore] = await probeLinks(bob!)
  const [annBefore] = await probeLinks(ann!)
  const [bobAfter] = await probeLinks(bob!)
  const [annAfter] = await probeLinks(ann!)
  expect(bobAfter!.bytes).toBe(bobBefore!.bytes)
  expect(bobAfter!.energy).toBeLessThan(SILENT)
  // …while, over the same time, Bob's voice kept reaching Ann.
  expect(annAfter!.bytes).toBeGreaterThan(annBefore!.bytes)
  expect(annAfter!.energy).toBeGreaterThan(HEARD)
  await expect(avatar(bob!, 'Ann')).toHaveAttribute('data-speaking', 'false')
  await expect(bob!.locator('.tl-collaborators__item.mb-speaking-cursor')).toHaveCount(0)

  // Unmuted, she is heard again.
  await ann!.getByTestId('call-mute').click()
  await expect(avatar(bob!, 'Ann')).toHaveAttribute('data-muted', 'false')
  await hearsEveryone(bob!, 1)

  // Cid joins as an observer: he hears both, and they see him as a listener.
  await joinCall(cid!, room.invites.observer)
  await expect(cid!.getByTestId('call-problem')).toHaveText('Observers listen to the call.')
  await expect(cid!.getByTestId('call-mute')).toHaveCount(0)
  for (const page of [ann!, bob!]) {
    await expect(page.getByTestId('call-peer')).toHaveCount(3)
    await expect(avatar(page, 'Cid')).toHaveAttribute('data-listener', 'true')
  }
  await hearsEveryone(cid!, 2)
  // Ann's link to Cid carries nothing from him, though it carries her voice to him (he hears her above).
  const annLinks = await probeLinks(ann!)
  expect(annLinks.map((l) => l.bytes > 0).sort()).toEqual([false, true])

  // Cid leaves: the others' calls go back to the two of them.
  await cid!.getByTestId('call-leave').click()
  await expect(cid!.getByTestId('call-join')).toBeVisible()
  for (const page of [ann!, bob!]) {
    await expect(page.getByTestId('call-peer')).toHaveCount(2)
    await expect.poll(async () => (await probeLinks(page)).length).toBe(1)
  }
  await hearsEveryone(bob!, 1)
})

test('a relay-only call goes through coturn on loopback', async ({ browser }) => {
  test.setTimeout(240_000)
  const turn = await startCoturn()
  const dataDir = mkdtempSync(path.join(tmpdir(), 'mockboard-e2e-'))
  const app = new AppServer(await freePort(), dataDir, {
    TURN_URLS: turn.url,
    TURN_SECRET: turn.secret,
    ICE_TRANSPORT_POLICY: 'relay',
  })
  try {
    await app.start()
    const {
      room,
      pages: [ann, bob],
    } = await people(browser, app, 'Ann', 'Bob')
    await joinCall(ann!, room.url)
    await joinCall(bob!, room.invites.candidate)
    await hearsEveryone(ann!, 1)
    await hearsEveryone(bob!, 1)
    for (const page of [ann!, bob!]) {
      const [link] = await probeLinks(page)
      expect({ local: link!.local, remote: link!.remote }).toEqual({ local: 'relay', remote: 'relay' })
    }
  } catch (error) {
    console.log(`--- app server log (last lines) ---\n${app.logTail}`)
    throw error
  } finally {
    await app.stop('SIGKILL')
    await turn.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
})
