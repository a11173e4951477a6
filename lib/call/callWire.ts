import { z } from 'zod'
import { roleSchema } from '../access/roles'

/**
 * The call's signalling protocol: JSON text frames on `/collab/<roomId>/call`,
 * apart from the board's y-websocket socket, so nothing of a call ever enters
 * the board's log. The server relays offers, answers and ICE candidates
 * between the call's peers, stamping each with its sender; every frame in
 * either direction is checked with these schemas.
 */

/** Largest SDP accepted (an audio-only offer is ~3–6 KB). */
export const MAX_SDP_CHARS = 16_000
/** Largest ICE candidate line accepted. */
export const MAX_CANDIDATE_CHARS = 1_000
/** Largest signalling frame, in bytes: a larger one closes the socket (1009). */
export const MAX_CALL_FRAME_BYTES = 32 * 1024
/** Speakers (peers who send their microphone) in one call at most: a mesh sends each voice to every other peer. */
export const MAX_CALL_SPEAKERS = 4

/** A peer id: the server's name for one call socket (a person may be in the call from two tabs). */
export const peerIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,32}$/)

const descriptionSchema = z.object({
  type: z.enum(['offer', 'answer']),
  sdp: z.string().min(1).max(MAX_SDP_CHARS),
})

const candidateSchema = z.object({
  candidate: z.string().max(MAX_CANDIDATE_CHARS),
  sdpMid: z.string().max(32).nullable().optional(),
  sdpMLineIndex: z.number().int().min(0).max(64).nullable().optional(),
  usernameFragment: z.string().max(256).nullable().optional(),
})

/** What one peer sends another through the server: a session description or an ICE candidate. */
export const signalPayloadSchema = z
  .object({ description: descriptionSchema.optional(), candidate: candidateSchema.nullable().optional() })
  .strict()
  .refine((p) => (p.description === undefined) !== (p.candidate === undefined), {
    message: 'exactly one of description and candidate',
  })

/** A description or candidate, as it travels. */
export type SignalPayload = z.infer<typeof signalPayloadSchema>

/** A frame from a browser to the signalling server. */
export const callClientMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('signal'), to: peerIdSchema, payload: signalPayloadSchema }).strict(),
  z.object({ type: z.literal('state'), muted: z.boolean() }).strict(),
])

/** A frame from a browser to the signalling server. */
export type CallClientMessage = z.infer<typeof callClientMessageSchema>

/** A peer in the call, as the server describes it (name and role from the server, never from the peer). */
export const callPeerSchema = z.object({
  peerId: peerIdSchema,
  userId: z.string(),
  name: z.string(),
  role: roleSchema,
  /** Whether this peer may send its microphone (not an observer, and one of the first {@link MAX_CALL_SPEAKERS}). */
  canPublish: z.boolean(),
  muted: z.boolean(),
})

/** A peer in the call. */
export type CallPeer = z.infer<typeof callPeerSchema>

/** The ICE configuration the server hands each member (STUN/TURN URLs, TURN credentials minted for them). */
export const iceConfigSchema = z.object({
  iceServers: z.array(
    z.object({
      urls: z.union([z.string(), z.array(z.string())]),
      username: z.string().optional(),
      credential: z.string().optional(),
    })
  ),
  iceTransportPolicy: z.enum(['all', 'relay']),
})

/** What `RTCPeerConnection` is given. */
export type IceConfig = z.infer<typeof iceConfigSchema>

/** A frame from the signalling server to a browser. */
export const callServerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('welcome'), self: callPeerSchema, peers: z.array(callPeerSchema), ice: iceConfigSchema }),
  z.object({ type: z.literal('joined'), peer: callPeerSchema }),
  z.object({ type: z.literal('left'), peerId: peerIdSchema }),
  z.object({ type: z.literal('state'), peerId: peerIdSchema, muted: z.boolean() }),
  z.object({ type: z.literal('signal'), from: peerIdSchema, payload: signalPayloadSchema }),
  z.object({ type: z.literal('refused'), reason: z.string() }),
])

/** A frame from the signalling server to a browser. */
export type CallServerMessage = z.infer<typeof callServerMessageSchema>
