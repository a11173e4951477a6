import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

/** Top-level y-websocket message types, as y-websocket's client numbers them. */
export const MessageType = { Sync: 0, Awareness: 1, Auth: 2, QueryAwareness: 3 } as const

/** Sub-types of a sync message, as `y-protocols/sync` numbers them. */
export const SyncType = { Step1: 0, Step2: 1, Update: 2 } as const

/** A decoded client frame. */
export type ClientMessage =
  | { type: 'sync-step-1'; stateVector: Uint8Array }
  | { type: 'sync-step-2'; update: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' }

/** Thrown for frames that are not well-formed y-websocket messages. */
export class MalformedMessageError extends Error {}

/**
 * Decodes one binary frame from a client. Throws {@link MalformedMessageError}
 * for truncated frames, unknown types and trailing bytes.
 *
 * @example
 * ```ts
 * const message = decodeClientMessage(frame)
 * if (message.type === 'update') room.applyUpdate(message.update, connection)
 * ```
 */
export function decodeClientMessage(frame: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(frame)
    const message = readMessage(decoder)
    if (decoding.hasContent(decoder)) throw new MalformedMessageError('trailing bytes after the message')
    return message
  } catch (error) {
    if (error instanceof MalformedMessageError) throw error
    throw new MalformedMessageError('truncated or undecodable frame')
  }
}

function readMessage(decoder: decoding.Decoder): ClientMessage {
  const type = decoding.readVarUint(decoder)
  switch (type) {
    case MessageType.Sync: {
      const syncType = decoding.readVarUint(decoder)
      const payload = decoding.readVarUint8Array(decoder)
      if (syncType === SyncType.Step1) return { type: 'sync-step-1', stateVector: payload }
      if (syncType === SyncType.Step2) return { type: 'sync-step-2', update: payload }
      if (syncType === SyncType.Update) return { type: 'update', update: payload }
      throw new MalformedMessageError(`unknown sync message type ${syncType}`)
    }
    case MessageType.Awareness:
      return { type: 'awareness', update: decoding.readVarUint8Array(decoder) }
    case MessageType.QueryAwareness:
      return { type: 'query-awareness' }
    default:
      throw new MalformedMessageError(`unknown message type ${type}`)
  }
}

/** Encodes a sync message (step 1 with a state vector, step 2 or update with an update). */
export function encodeSyncMessage(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Sync)
  encoding.writeVarUint(encoder, syncType)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

/** Encodes an awareness message carrying an awareness update. */
export function encodeAwarenessMessage(awarenessUpdate: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Awareness)
  encoding.writeVarUint8Array(encoder, awarenessUpdate)
  return encoding.toUint8Array(encoder)
}
