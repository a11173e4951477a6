import { z } from 'zod'
import { sessionIdSchema } from '../session/sessionRecord'
import { roomIdSchema } from './roomId'

/** Params of `/r/[roomId]/s/[sessionId]/…` pages, validated. */
export const sessionPageParamsSchema = z.object({ roomId: roomIdSchema, sessionId: sessionIdSchema })
