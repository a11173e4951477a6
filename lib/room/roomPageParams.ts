import { z } from 'zod'
import { sessionIdSchema } from '../session/sessionRecord'
import { roomIdSchema } from './roomId'

/** Params of `/r/[roomId]/…` pages, validated. */
export const roomPageParamsSchema = z.object({ roomId: roomIdSchema })

/** Params of `/r/[roomId]/s/[sessionId]/…` pages, validated. */
export const sessionPageParamsSchema = z.object({ roomId: roomIdSchema, sessionId: sessionIdSchema })

/** Why a room page (board, summary, replay) cannot be shown: no such board, or the viewer is not a member. */
export type RoomClosedReason = 'missing' | 'not-member'
