import { z } from 'zod'
import {
  InstancePresenceRecordType,
  type TLInstancePresence,
  type TLPageId,
  type TLShapeId,
  type TLUserId,
} from '@tldraw/tlschema'

const finite = z.number().finite()
/** An id without its `type:` prefix, as presence carries ids. */
const ID_SUFFIX = /^[\w-]{1,64}$/
const idSuffix = z.string().regex(ID_SUFFIX)

/**
 * At most this many selected shape ids travel in one presence state (the
 * server refuses a state with more). Someone who selects more (select all on
 * a big board) shows collaborators the first ones outlined.
 */
export const MAX_SHARED_SELECTION = 500

/**
 * A participant's presence as it travels in y-websocket awareness frames.
 *
 * tldraw's own presence record is ~465 bytes of JSON and is re-sent on every
 * pointer move. This form keeps only what collaborators render, with short
 * keys, id prefixes dropped and numbers rounded, so a frame sent while
 * dragging stays under 150 bytes. Name and colour are not in it: they live in
 * the participant's `user:` record in the shared doc (tldraw's attribution
 * record), sent once rather than 20 times a second. The exception is an
 * observer, who may not write to the board and so has no `user:` record on
 * it: the collab server stamps their account name and default colour (`n`,
 * `c`) on each of their states.
 *
 * | key | meaning |
 * |-----|---------|
 * | `u` | user id without `user:` |
 * | `p` | current page id without `page:` |
 * | `k` | cursor `[x, y]` in page space, or absent |
 * | `t` | cursor type when not `default` |
 * | `s` | selected shape ids without `shape:` |
 * | `v` | camera `[x, y, zoom]` |
 * | `b` | viewport size `[w, h]` |
 * | `f` | followed user id without `user:` |
 * | `r` | selection brush `[x, y, w, h]` |
 * | `n` | name, stamped by the server on a read-only participant's state |
 * | `c` | colour, stamped with `n` |
 *
 * Every field is validated on receipt: a peer can put anything in awareness.
 */
export const wirePresenceSchema = z.object({
  u: idSuffix,
  p: idSuffix,
  k: z.tuple([finite, finite]).optional(),
  t: z.string().max(32).optional(),
  s: z.array(idSuffix).max(MAX_SHARED_SELECTION).optional(),
  v: z.tuple([finite, finite, finite]).optional(),
  b: z.tuple([finite, finite]).optional(),
  f: idSuffix.optional(),
  r: z.tuple([finite, finite, finite, finite]).optional(),
  n: z.string().min(1).max(64).optional(),
  c: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .optional(),
})

/**
 * The `u` of an account's presence: the account id with anything but
 * letters, digits, `_` and `-` replaced, as in its tldraw user id
 * (`guest:ab12` → `guest_ab12`, tldraw id `user:guest_ab12`). The collab
 * server stamps it on every presence state, so a cursor always names the
 * connection's own user. Must match `tldrawUserId` in `components/board/userLook.ts`.
 */
export function wireUserId(accountId: string): string {
  return accountId.replace(/[^\w-]/g, '_').slice(0, 64)
}

/** The validated wire form of a participant's presence. */
export type WirePresence = z.infer<typeof wirePresenceSchema>

/** How a participant looks: resolved from their `user:` record. */
export interface ParticipantLook {
  name: string
  color: string
}

/** Shown until a participant's user record has arrived. */
export const UNKNOWN_PARTICIPANT: ParticipantLook = { name: 'Guest', color: '#868e96' }

/** Rounds page coordinates to whole pixels: sub-pixel cursor moves are invisible. */
const px = (n: number) => Math.round(n)
/** Zoom needs a couple of decimals to follow a viewport faithfully. */
const zoom = (n: number) => Math.round(n * 100) / 100
const strip = (id: string) => id.slice(id.indexOf(':') + 1)

/**
 * Converts tldraw's presence record into its compact wire form. The result
 * always passes {@link wirePresenceSchema}: the collab server closes a
 * connection whose presence does not (and the client would reconnect into
 * the same refusal), so a selection is cut to {@link MAX_SHARED_SELECTION}
 * ids and leaves out ids presence cannot carry.
 *
 * @example
 * ```ts
 * awareness.setLocalState(toWirePresence(presenceSignal.get()))
 * ```
 */
export function toWirePresence(presence: TLInstancePresence): WirePresence {
  const wire: WirePresence = { u: strip(presence.userId), p: strip(presence.currentPageId) }
  if (presence.cursor) {
    wire.k = [px(presence.cursor.x), px(presence.cursor.y)]
    if (presence.cursor.type !== 'default') wire.t = presence.cursor.type
  }
  const selected = sharedSelection(presence.selectedShapeIds)
  if (selected.length) wire.s = selected
  if (presence.camera) wire.v = [px(presence.camera.x), px(presence.camera.y), zoom(presence.camera.z)]
  if (presence.screenBounds) wire.b = [px(presence.screenBounds.w), px(presence.screenBounds.h)]
  if (presence.followingUserId) wire.f = strip(presence.followingUserId)
  if (presence.brush) {
    const r = presence.brush
    wire.r = [px(r.x), px(r.y), px(r.w), px(r.h)]
  }
  return wire
}

/** The selected ids presence carries: prefixes dropped, only ids it can carry, at most {@link MAX_SHARED_SELECTION}. */
function sharedSelection(ids: readonly TLShapeId[]): string[] {
  const shared: string[] = []
  for (const id of ids) {
    const suffix = strip(id)
    if (ID_SUFFIX.test(suffix)) shared.push(suffix)
    if (shared.length === MAX_SHARED_SELECTION) break
  }
  return shared
}

/**
 * Validates an awareness state from a peer and turns it into a tldraw
 * presence record keyed by the peer's awareness client id.
 *
 * @param look - name and colour of the participant, from their user record;
 *   without one, the name and colour the server stamped (an observer's).
 * @returns the record, or null when the state is not a valid presence.
 */
export function fromWirePresence(
  clientId: number,
  state: unknown,
  receivedAt: number,
  look: (userId: TLUserId) => ParticipantLook | null = () => null
): TLInstancePresence | null {
  const parsed = wirePresenceSchema.safeParse(state)
  if (!parsed.success) return null
  const wire = parsed.data
  const userId = `user:${wire.u}` as TLUserId
  const stamped = wire.n ? { name: wire.n, color: wire.c ?? UNKNOWN_PARTICIPANT.color } : null
  const { name, color } = look(userId) ?? stamped ?? UNKNOWN_PARTICIPANT
  return InstancePresenceRecordType.create({
    id: InstancePresenceRecordType.createId(String(clientId)),
    userId,
    userName: name,
    color,
    currentPageId: `page:${wire.p}` as TLPageId,
    lastActivityTimestamp: receivedAt,
    cursor: wire.k ? { x: wire.k[0], y: wire.k[1], type: (wire.t ?? 'default') as never, rotation: 0 } : null,
    selectedShapeIds: (wire.s ?? []).map((id) => `shape:${id}` as TLShapeId),
    camera: wire.v ? { x: wire.v[0], y: wire.v[1], z: wire.v[2] } : null,
    screenBounds: wire.b ? { x: 0, y: 0, w: wire.b[0], h: wire.b[1] } : null,
    followingUserId: wire.f ? (`user:${wire.f}` as TLUserId) : null,
    brush: wire.r ? { x: wire.r[0], y: wire.r[1], w: wire.r[2], h: wire.r[3] } : null,
  })
}
