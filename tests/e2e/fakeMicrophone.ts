import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromiumLaunchOptions } from '../support/chromium'

/**
 * A fake microphone that talks: `words` spoken by espeak-ng, resampled by sox
 * to 48 kHz mono, and with `tone` a second of 440 Hz after the words, twice
 * (Chromium loops the file). Speech, because the browser's noise suppression
 * (on, as for a real call) may flatten a steady tone. Made in a temp dir
 * before the browser starts.
 */
export function fakeVoiceFile(words: string, { tone = false } = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'mockboard-voice-'))
  const file = (name: string) => path.join(dir, name)
  execFileSync('espeak-ng', ['-s', '150', '-w', file('words.wav'), words])
  execFileSync('sox', [file('words.wav'), '-r', '48000', '-c', '1', '-b', '16', file('words48.wav')])
  if (!tone) return file('words48.wav')
  const beep = ['-n', '-r', '48000', '-c', '1', '-b', '16', file('beep.wav'), 'synth', '1', 'sine', '440', 'vol', '0.5']
  execFileSync('sox', beep)
  execFileSync('sox', [file('words48.wav'), file('beep.wav'), file('words48.wav'), file('beep.wav'), file('voice.wav')])
  return file('voice.wav')
}

/** Chromium with the fake microphone playing `voiceFile`, permission granted and autoplay allowed. */
export function fakeMediaLaunchOptions(voiceFile: string) {
  return {
    ...chromiumLaunchOptions,
    args: [
      ...chromiumLaunchOptions.args,
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${voiceFile}`,
      '--autoplay-policy=no-user-gesture-required',
    ],
  }
}
