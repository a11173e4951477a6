import * as Y from 'yjs'
import type { RoomPeer } from './RoomPeer'
import { bytesOut, framesOut } from '../ops/metrics'

/**
 * Runs `change` (which changes `doc` with transactions of `origin`) and
 * returns what it actually changed, as the doc's own encoding of the update,
 * or null when it changed nothing.
 */
export function captureUpdate(doc: Y.Doc, origin: unknown, change: () => void): Uint8Array | null {
  let changed: Uint8Array | null = null
  const capture = (applied: Uint8Array, appliedOrigin: unknown) => {
    if (appliedOrigin === origin) changed = applied
  }
  doc.on('update', capture)
  try {
    change()
  } finally {
    doc.off('update', capture)
  }
  return changed
}

/** Applies `update` to `doc` and returns what it actually changed, or null when it held nothing new. */
export function applyAndCapture(doc: Y.Doc, update: Uint8Array, origin: unknown): Uint8Array | null {
  return captureUpdate(doc, origin, () => Y.applyUpdate(doc, update, origin))
}

/** Counts frames sent to peers (one metrics update per broadcast: the hot path). */
export function countOut(frames: number, frameBytes: number): void {
  framesOut.inc(frames)
  bytesOut.inc(frames * frameBytes)
}

/** Sends one frame to one peer, counted. */
export function sendTo(peer: RoomPeer, frame: Uint8Array): void {
  peer.send(frame)
  countOut(1, frame.byteLength)
}
