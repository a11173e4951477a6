import { z } from 'zod'
import {
  InstancePresenceRecordType,
  type TLInstancePresence,
  type TLPageId,
  type TLShapeId,
  type TLUserId,
} from '@tldraw/tlschema'

const finite = z.number().finite()

/**
 * A participant's presence as it travels in y-websocket awareness frames.
 *
 * tldraw's own presence record is ~465 bytes of JSON and is re-sent on every
 * pointer move; this form keeps only what collaborators render (cursor, name,
 * colour, selection, viewport for following, selection brush), with short keys
 * and rounded numbers, so a frame sent while dragging stays under 150 bytes.
 *
 * | key | meaning |
 * |-----|---------|
 * | `u` | user id (`user:…`) |
 * | `n` | display name |
 * | `c` | colour, `#rrggbb` |
 * | `p` | current page id |
 * | `k` | cursor `[x, y]` in page space, or absent |
 * | `t` | cursor type when not `default` |
 * | `s` | selected shape ids without the `shape:` prefix |
 * | `v` | camera `[x, y, z]` |
 * | `b` | screen bounds `[x, y, w, h]` |
 * | `f` | user id being followed |
 * | `r` | selection brush `[x, y, w, h]` |
 *
 * Every field is validated on receipt: a peer can put anything in awareness.
 */
export const wirePresenceSchema = z.object({
  u: z.string().regex(/^user:[\w-]{1,64}$/),
  n: z.string().max(64),
  c: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  p: z.string().regex(/^page:[\w-]{1,64}$/),
  k: z.tuple([finite, finite]).optional(),
  t: z.string().max(32).optional(),
  s: z.array(z.string().max(64)).max(500).optional(),
  v: z.tuple([finite, finite, finite]).optional(),
  b: z.tuple([finite, finite, finite, finite]).optional(),
  f: z.string().regex(/^user:[\w-]{1,64}$/).optional(),
  r: z.tuple([finite, finite, finite, finite]).optional(),
})

/** The validated wire form of a participant's presence. */
export type WirePresence = z.infer<typeof wirePresenceSchema>

const SHAPE_PREFIX = 'shape:'

/** Rounds page coordinates to whole pixels: sub-pixel cursor moves are invisible. */
const px = (n: number) => Math.round(n)
/** Zoom needs a few decimals to follow a viewport faithfully. */
const zoom = (n: number) => Math.round(n * 1000) / 1000

/**
 * Converts tldraw's presence record into its compact wire form.
 *
 * @example
 * ```ts
 * awareness.setLocalState(toWirePresence(presenceSignal.get()))
 * ```
 */
export function toWirePresence(presence: TLInstancePresence): WirePresence {
  const wire: WirePresence = {
    u: presence.userId,
    n: presence.userName.slice(0, 64),
    c: presence.color,
    p: presence.currentPageId,
  }
  if (presence.cursor) {
    wire.k = [px(presence.cursor.x), px(presence.cursor.y)]
    if (presence.cursor.type !== 'default') wire.t = presence.cursor.type
  }
  if (presence.selectedShapeIds.length) {
    wire.s = presence.selectedShapeIds.map((id) => id.slice(SHAPE_PREFIX.length))
  }
  if (presence.camera) wire.v = [px(presence.camera.x), px(presence.camera.y), zoom(presence.camera.z)]
  if (presence.screenBounds) {
    const b = presence.screenBounds
    wire.b = [px(b.x), px(b.y), px(b.w), px(b.h)]
  }
  if (presence.followingUserId) wire.f = presence.followingUserId
  if (presence.brush) {
    const r = presence.brush
    wire.r = [px(r.x), px(r.y), px(r.w), px(r.h)]
  }
  return wire
}

/**
 * Validates an awareness state from a peer and turns it into a tldraw
 * presence record keyed by the peer's awareness client id.
 *
 * @returns the record, or null when the state is not a valid presence.
 */
export function fromWirePresence(
  clientId: number,
  state: unknown,
  receivedAt: number
): TLInstancePresence | null {
  const parsed = wirePresenceSchema.safeParse(state)
  if (!parsed.success) return null
  const wire = parsed.data
  return InstancePresenceRecordType.create({
    id: InstancePresenceRecordType.createId(String(clientId)),
    userId: wire.u as TLUserId,
    userName: wire.n,
    color: wire.c,
    currentPageId: wire.p as TLPageId,
    lastActivityTimestamp: receivedAt,
    cursor: wire.k
      ? { x: wire.k[0], y: wire.k[1], type: (wire.t ?? 'default') as never, rotation: 0 }
      : null,
    selectedShapeIds: (wire.s ?? []).map((id) => `${SHAPE_PREFIX}${id}` as TLShapeId),
    camera: wire.v ? { x: wire.v[0], y: wire.v[1], z: wire.v[2] } : null,
    screenBounds: wire.b ? { x: wire.b[0], y: wire.b[1], w: wire.b[2], h: wire.b[3] } : null,
    followingUserId: (wire.f ?? null) as TLUserId | null,
    brush: wire.r ? { x: wire.r[0], y: wire.r[1], w: wire.r[2], h: wire.r[3] } : null,
  })
}
