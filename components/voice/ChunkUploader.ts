import { HttpError } from '@/lib/http/fetchJson'
import { RetryBackoff, serverBusy } from '@/lib/http/retryPolicy'
import type { ChunkUpload } from './audioApi'

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
    const backoff = new RetryBackoff()
    try {
      while (!this.stopped && this.queue.length) {
        const chunk = this.queue[0]!
        try {
          await this.send(chunk)
          this.queue.shift()
          this.sent++
          backoff.reset()
        } catch (error) {
          if (error instanceof HttpError && !serverBusy(error)) {
            this.stop()
            this.onRefused(error.message)
            return
          }
          await new Promise((resolve) => setTimeout(resolve, backoff.next(error)))
        }
      }
    } finally {
      this.running = false
    }
  }
}
