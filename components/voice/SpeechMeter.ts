/** A level (RMS of the samples, 0–1) above which the speaker counts as talking. */
export const SPEAKING_LEVEL = 0.02

/**
 * Measures how much of the time a microphone stream is above the speaking
 * level, ten times a second, so each uploaded chunk can say how much of it
 * was talk (the replay's "who spoke when" and "skip silence"). Measured in
 * the recording browser, so the server never decodes audio.
 */
export class SpeechMeter {
  private readonly context: AudioContext
  private readonly analyser: AnalyserNode
  private readonly timer: ReturnType<typeof setInterval>
  private readonly samples: Float32Array<ArrayBuffer>
  private loud = 0
  private total = 0
  private last = 0

  constructor(stream: MediaStream) {
    this.context = new AudioContext()
    void this.context.resume().catch(() => undefined)
    this.analyser = this.context.createAnalyser()
    this.analyser.fftSize = 2048
    this.samples = new Float32Array(this.analyser.fftSize)
    this.context.createMediaStreamSource(stream).connect(this.analyser)
    this.timer = setInterval(() => this.sample(), 100)
  }

  /** The share of samples since the last call that were talk (0–1), and starts counting again. */
  take(): number {
    const share = this.total ? this.loud / this.total : 0
    this.loud = 0
    this.total = 0
    return share
  }

  /** The level (RMS, 0–1) of the latest sample: above {@link SPEAKING_LEVEL} the speaker is talking. */
  get level(): number {
    return this.last
  }

  /** Stops measuring. */
  close(): void {
    clearInterval(this.timer)
    void this.context.close().catch(() => undefined)
  }

  private sample(): void {
    this.analyser.getFloatTimeDomainData(this.samples)
    let sum = 0
    for (const value of this.samples) sum += value * value
    this.total++
    this.last = Math.sqrt(sum / this.samples.length)
    if (this.last > SPEAKING_LEVEL) this.loud++
  }
}
