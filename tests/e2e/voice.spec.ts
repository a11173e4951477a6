/**
 * Recording with consent, and the replay with sound, in real Chromium with a
 * fake microphone that plays spoken words and a 440 Hz tone (made with
 * espeak-ng and sox, `fakeMicrophone.ts`). The interviewer turns recording on; she agrees and is recorded, the candidate
 * declines and is told he is not; the session ends; the replay, opened at a
 * moment inside her recording, plays it (the element's time moves, and the
 * sound it outputs has energy) and follows a seek (measured in the page:
 * from the scrubber's input until the audio plays within 100 ms of the
 * board). Before sharing, the candidate gets 403 for the audio; after, 200.
 * A reload mid-recording loses at most the chunk being recorded.
 */
import type { Page } from '@playwright/test'
import { fakeMediaLaunchOptions, fakeVoiceFile } from './fakeMicrophone'
import { test, expect, roomWith, chooseProblem, currentSessionId, confirmDialog } from './fixtures'

// The fake microphone: spoken words, then a second of a 440 Hz tone, twice (~12 s; Chromium loops it).
test.use({
  launchOptions: fakeMediaLaunchOptions(
    fakeVoiceFile('testing one two three. the load balancer sends reads to the cache', { tone: true })
  ),
})

interface Manifest {
  tracks: { userId: string; segments: { id: string; start: number; end: number; chunks: number }[] }[]
  declined: { name: string }[]
}

/** The playing state of the replay's first audio element, and the energy of what it outputs over ~1 s. */
async function listen(page: Page) {
  return page
    .getByTestId('replay-audio')
    .first()
    .evaluate(async (node) => {
      const el = node as HTMLAudioElement & { captureStream(): MediaStream }
      const context = new AudioContext()
      const analyser = context.createAnalyser()
      context.createMediaStreamSource(el.captureStream()).connect(analyser)
      const samples = new Float32Array(analyser.fftSize)
      const from = el.currentTime
      let energy = 0
      for (let i = 0; i < 20; i++) {
        await new Promise((r) => setTimeout(r, 50))
        analyser.getFloatTimeDomainData(samples)
        energy = Math.max(energy, Math.sqrt(samples.reduce((sum, v) => sum + v * v, 0) / samples.length))
      }
      await context.close()
      return { from, to: el.currentTime, paused: el.paused, energy }
    })
}

test('record with consent, then the replay plays the tone in step with the board', async ({ browser, app }) => {
  test.setTimeout(300_000)
  const {
    room,
    pages: [olga, cid],
  } = await roomWith(browser, app, 'Olga', 'Cid')
  await chooseProblem(olga, 'url-shortener', 'url')
  await olga.getByTestId('start-session').click()
  await expect(olga.getByTestId('session-strip')).toBeVisible()
  const sessionId = await currentSessionId(olga, app, room.roomId)
  const audioUrl = `${app.url}/api/rooms/${room.roomId}/sessions/${sessionId}/audio`

  // Recording on: everyone is asked; Olga agrees, Cid declines and is told he is not recorded.
  // The switch shows what the session doc says, so it turns on once the server has written it.
  await olga.getByTestId('setting-recording').click()
  await expect(olga.getByTestId('setting-recording')).toBeChecked()
  await olga.getByTestId('consent-accept').click({ timeout: 30_000 })
  await cid.getByTestId('consent-decline').click({ timeout: 30_000 })
  await expect(cid.getByTestId('recording-badge')).toContainText('you declined: you are not recorded')
  await expect(olga.getByTestId('recording-badge')).toHaveAttribute('data-recording', 'true', { timeout: 30_000 })

  // Three chunks (about 9 s of tone) reach the server, then the session ends.
  const manifest = async () => (await (await olga.request.get(audioUrl)).json()) as Manifest
  await expect
    .poll(async () => (await manifest()).tracks[0]?.segments[0]?.chunks ?? 0, { timeout: 90_000, intervals: [1_000] })
    .toBeGreaterThanOrEqual(3)
  await olga.getByTestId('clock-end').click()
  await confirmDialog(olga)
  await expect(olga.getByTestId('session-strip')).toContainText('Session ended')

  const recorded = await manifest()
  expect(recorded.tracks).toHaveLength(1) // Cid declined: no track of his
  expect(recorded.declined.map((d) => d.name)).toEqual(['Cid'])
  const segment = recorded.tracks[0]!.segments[0]!
  expect(segment.end - segment.start).toBeGreaterThan(8_000)

  // Before sharing, the candidate hears nothing.
  expect((await cid.request.get(audioUrl)).status()).toBe(403)

  // The replay, opened 4 s into Olga's recording, plays it.
  await olga.goto(`${app.url}/r/${room.roomId}/s/${sessionId}/replay?at=${segment.start + 4_000}`)
  await expect(olga.getByTestId('replay')).toHaveAttribute('data-loaded', 'true', { timeout: 60_000 })
  await expect(olga.getByTestId('replay-audio').first()).toHaveAttribute('data-ready', 'true', { timeout: 30_000 })
  await expect(olga.getByTestId('speech-band').first()).toBeAttached()
  await olga.getByTestId('skip-idle').click()
  await expect(olga.getByTestId('skip-idle')).not.toBeChecked()
  await olga.getByTestId('replay-play').click()
  await expect.poll(async () => (await listen(olga)).energy, { timeout: 30_000 }).toBeGreaterThan(0.01)
  const heard = await listen(olga)
  expect(heard.paused).toBe(false)
  expect(heard.from).toBeGreaterThan(3)
  expect(heard.to).toBeGreaterThan(heard.from)

  // Seek back to 1 s into the recording, as a drag does: the audio follows. Measured in the page: from the
  // scrubber's input event until the element plays within 100 ms of where the board is.
  const followed = await olga.getByTestId('replay-scrubber').evaluate(async (node, target) => {
    const input = node as HTMLInputElement
    const audio = document.querySelector<HTMLAudioElement>('[data-testid="replay-audio"]')!
    const start = Number(audio.dataset.start)
    const drift = () => Math.abs(audio.currentTime - (Number(input.value) - start) / 1000)
    const t0 = performance.now()
    // Through the native setter, so React sees the change.
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, String(target))
    input.dispatchEvent(new Event('input', { bubbles: true }))
    while (performance.now() - t0 < 10_000) {
      if (!audio.seeking && !audio.paused && drift() < 0.1) return { ms: performance.now() - t0, at: audio.currentTime }
      await new Promise((r) => setTimeout(r, 5))
    }
    return { ms: Infinity, at: audio.currentTime }
  }, segment.start + 1_000)
  test.info().annotations.push({ type: 'seek → audio within 100 ms of the board', description: `${followed.ms} ms` })
  console.log(`replay seek: the audio followed within 100 ms of the board after ${Math.round(followed.ms)} ms`)
  expect(followed.ms).toBeLessThan(10_000)
  expect(followed.at).toBeLessThan(3)
  // And it stays in step while playing (the rate closes drift; no stuttering seeks).
  const steady = await olga.getByTestId('replay-scrubber').evaluate(async (node) => {
    const input = node as HTMLInputElement
    const audio = document.querySelector<HTMLAudioElement>('[data-testid="replay-audio"]')!
    await new Promise((r) => setTimeout(r, 1_500))
    return Math.abs(audio.currentTime - (Number(input.value) - Number(audio.dataset.start)) / 1000)
  })
  expect(steady).toBeLessThan(0.1)

  // Shared with the candidate: now he may hear it.
  await olga.getByTestId('share-recording').click()
  await expect(olga.getByTestId('share-recording')).toBeChecked()
  await expect.poll(async () => (await cid.request.get(audioUrl)).status(), { timeout: 15_000 }).toBe(200)
})

test('a reload mid-recording loses at most the chunk being recorded; recording resumes as a new segment', async ({
  browser,
  app,
}) => {
  test.setTimeout(240_000)
  const {
    room,
    pages: [olga],
  } = await roomWith(browser, app, 'Olga')
  await chooseProblem(olga, 'url-shortener', 'url')
  await olga.getByTestId('start-session').click()
  await expect(olga.getByTestId('session-strip')).toBeVisible()
  const sessionId = await currentSessionId(olga, app, room.roomId)
  const audioUrl = `${app.url}/api/rooms/${room.roomId}/sessions/${sessionId}/audio`
  const manifest = async () => (await (await olga.request.get(audioUrl)).json()) as Manifest
  await olga.getByTestId('setting-recording').click()
  await olga.getByTestId('consent-accept').click({ timeout: 30_000 })
  await expect
    .poll(async () => (await manifest()).tracks[0]?.segments[0]?.chunks ?? 0, { timeout: 90_000, intervals: [500] })
    .toBeGreaterThanOrEqual(2)

  // Reload while recording: the consent is kept, so the recorder starts again by itself, as a new segment.
  const reloadAt = Date.now()
  await olga.reload()
  await expect(olga.getByTestId('recording-badge')).toHaveAttribute('data-recording', 'true', { timeout: 60_000 })
  await expect
    .poll(async () => (await manifest()).tracks[0]?.segments.filter((s) => s.chunks > 0).length ?? 0, {
      timeout: 60_000,
      intervals: [500],
    })
    .toBe(2)
  const [before, after] = [...(await manifest()).tracks[0]!.segments].sort((a, b) => a.start - b.start)
  // Before the reload, everything up to the last whole chunk (3 s) is on the server (1 s for upload and clocks)…
  expect(reloadAt - before!.end).toBeLessThan(3_000 + 1_000)
  // …and the new segment starts after the reload, not overlapping the old one.
  expect(after!.start).toBeGreaterThanOrEqual(before!.end)
})
