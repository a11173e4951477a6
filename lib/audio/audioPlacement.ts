import type { AudioSegment, AudioSpan, ChunkMeta } from './audioSchemas'

/** A chunk counts as speech when at least this share of it was above the speaking level. */
export const SPEECH_ACTIVITY = 0.15

/**
 * Places one recorder run on the session's server-time axis from its chunks.
 * Each chunk carries its arrival time (server clock) and where its media ends
 * since the recorder started (the browser's monotonic clock); arrival minus
 * that offset is the segment's start plus the upload's delay, so the earliest
 * such value is the best estimate of the start. Chunk `i` covers the media
 * from chunk `i-1`'s offset to its own.
 */
export function placeSegment(id: string, chunks: readonly ChunkMeta[]): AudioSegment | null {
  const sorted = [...chunks].sort((a, b) => a.seq - b.seq)
  if (!sorted.length) return null
  const start = Math.min(...sorted.map((c) => c.at - c.offset))
  const speech: AudioSpan[] = []
  let previous = 0
  for (const chunk of sorted) {
    const span = { start: start + previous, end: start + chunk.offset }
    previous = chunk.offset
    if (chunk.activity < SPEECH_ACTIVITY) continue
    const last = speech.at(-1)
    if (last && span.start - last.end < 50) last.end = span.end
    else speech.push(span)
  }
  return {
    id,
    start,
    end: start + sorted.at(-1)!.offset,
    bytes: sorted.reduce((sum, c) => sum + c.bytes, 0),
    chunks: sorted.length,
    speech,
  }
}

/** Groups chunks by author and segment: `userId → segment id → chunks`. */
export function groupChunks(chunks: readonly ChunkMeta[]): Map<string, Map<string, ChunkMeta[]>> {
  const byUser = new Map<string, Map<string, ChunkMeta[]>>()
  for (const chunk of chunks) {
    const segments = byUser.get(chunk.userId) ?? new Map<string, ChunkMeta[]>()
    byUser.set(chunk.userId, segments)
    const list = segments.get(chunk.segment) ?? []
    segments.set(chunk.segment, list)
    list.push(chunk)
  }
  return byUser
}

/**
 * The start of the next speech at or after `time` over every segment given
 * (`time` itself while someone is talking), or null when nobody speaks again.
 * The replay's "skip idle" treats talk as activity, so it skips silence too.
 */
export function nextSpeechAt(segments: readonly AudioSegment[], time: number): number | null {
  let best: number | null = null
  for (const segment of segments) {
    for (const span of segment.speech) {
      if (span.end <= time) continue
      const at = Math.max(span.start, time)
      if (best === null || at < best) best = at
    }
  }
  return best
}
