import { z } from 'zod'
import { roleSchema } from '@/lib/access/roles'
import { roomIdSchema } from '@/lib/room/roomId'

/** Route params of `/api/rooms/[roomId]/…`, validated. */
export const roomParamsSchema = z.object({ roomId: roomIdSchema })

/** Params of member routes. */
export const memberParamsSchema = roomParamsSchema.extend({ userId: z.string().min(1).max(128) })

/** Params of invite routes. */
export const inviteParamsSchema = roomParamsSchema.extend({ role: roleSchema })
