import { HttpError } from '@/lib/http/fetchJson'
import type { ChunkUpload } from './audioApi'

/** The longest `Retry-After` the uploader honours: a server asking for more is waited on this long, then asked again. */
const MAX_RETRY_AFTER_MS = 60_000

/** How {@link ChunkUploader} sends one chunk. */
export type SendChunk = (chunk: ChunkUpload) => Promise<void>

/**
 * Uploads recorded chunks in order, one at a time, as they come. A chunk
 * that could not be sent (network down, server busy) is retried with a
 * growing pause (1 s … 15 s, or as long as the server's `Retry-After` asks,
 * up to a minute) while later chunks wait behind it, so a dropped connection
 * or a quota loses nothing already recorded; the server stores a retried
 * chunk once. A refusal (a 4xx other than 408/429: recording turned off,
 * consent withdrawn, the session ended) stops the uploader and is reported.
 */
export class ChunkUploader {
  private readonly queue: ChunkUpload[] = []
  private running = false
  private stopped = false
  /** Chunks the server acknowledged. */
  sent = 0

  constructor(
    private readonly send: SendChunk,
    private readonly onRefused: (message: string) => void
  ) {}

  /** Queues a chunk; uploads start at once. */
  push(chunk: ChunkUpload): void {
    if (this.stopped) return
    this.queue.push(chunk)
    void this.drain()
  }

  /** Chunks waiting to be sent. */
  get pending(): number {
    return this.queue.length
  }

  /** Drops what is queued and stops. */
  stop(): void {
    this.stopped = true
    this.queue.length = 0
  }

  private async drain(): Promise<void> {
    if (this.running) return
    this.running = true
    let pause = 1_000
    try {
      while (!this.stopped && this.queue.length) {
        const chunk = this.queue[0]!
        try {
          await this.send(chunk)
          this.queue.shift()
          this.sent++
          pause = 1_000
        } catch (error) {
          if (error instanceof HttpError && error.status < 500 && error.status !== 408 && error.status !== 429) {
            this.stop()
            this.onRefused(error.message)
            return
          }
          const asked = error instanceof HttpError ? (error.retryAfterMs ?? 0) : 0
          await new Promise((resolve) => setTimeout(resolve, Math.max(pause, Math.min(asked, MAX_RETRY_AFTER_MS))))
          pause = Math.min(pause * 2, 15_000)
        }
      }
    } finally {
      this.running = false
    }
  }
}
