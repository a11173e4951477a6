/**
 * Recording with consent, and the replay with sound, in real Chromium with a
 * fake microphone that plays spoken words and a 440 Hz tone (made here with
 * espeak-ng and sox). The
 * interviewer turns recording on; she agrees and is recorded, the candidate
 * declines and is told he is not; the session ends; the replay, opened at a
 * moment inside her recording, plays it (the element's time moves, and the
 * sound it outputs has energy) and follows a seek. Before sharing, the
 * candidate gets 403 for the audio; after, 200.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { chromiumLaunchOptions } from '../support/chromium'
import { test, expect, roomWith, chooseProblem, currentSessionId, confirmDialog } from './fixtures'

// The fake microphone's sound, made before the browser starts (Chromium loops it): words spoken by
// espeak-ng, then a second of a 440 Hz tone, twice (~12 s). Speech, because the browser's noise
// suppression (on, as for a real call) may flatten a steady tone.
const DIR = mkdtempSync(path.join(tmpdir(), 'mockboard-voice-'))
const TONE = path.join(DIR, 'voice.wav')
const file = (name: string) => path.join(DIR, name)
execFileSync('espeak-ng', [
  '-s',
  '150',
  '-w',
  file('words.wav'),
  'testing one two three. the load balancer sends reads to the cache',
])
execFileSync('sox', [file('words.wav'), '-r', '48000', '-c', '1', '-b', '16', file('words48.wav')])
execFileSync('sox', [
  '-n',
  '-r',
  '48000',
  '-c',
  '1',
  '-b',
  '16',
  file('beep.wav'),
  'synth',
  '1',
  'sine',
  '440',
  'vol',
  '0.5',
])
execFileSync('sox', [file('words48.wav'), file('beep.wav'), file('words48.wav'), file('beep.wav'), TONE])

test.use({
  launchOptions: {
    ...chromiumLaunchOptions,
    args: [
      ...chromiumLaunchOptions.args,
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${TONE}`,
      '--autoplay-policy=no-user-gesture-required',
    ],
  },
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

  // Seek back to 1 s into the recording: the audio follows.
  await olga.getByTestId('replay-scrubber').evaluate((node, value) => {
    // As a drag does: through the native setter, so React sees the change.
    const input = node as HTMLInputElement
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, String(value))
    input.dispatchEvent(new Event('input', { bubbles: true }))
  }, segment.start + 1_000)
  await expect
    .poll(
      async () =>
        olga
          .getByTestId('replay-audio')
          .first()
          .evaluate((el) => (el as HTMLAudioElement).currentTime),
      {
        timeout: 15_000,
      }
    )
    .toBeLessThan(3)

  // Shared with the candidate: now he may hear it.
  await olga.getByTestId('share-recording').click()
  await expect(olga.getByTestId('share-recording')).toBeChecked()
  await expect.poll(async () => (await cid.request.get(audioUrl)).status(), { timeout: 15_000 }).toBe(200)
})
