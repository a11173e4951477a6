import { NextResponse } from 'next/server'
import { z } from 'zod'
import { badRequest, jsonBody } from '@/server/http/apiResponses'
import { roomRoute, type RoomRouteContext } from '../roomRoute'

const bodySchema = z
  .object({
    seq: z
      .number({ error: 'seq must be a number: the log position to restore' })
      .int('seq must be a whole number')
      .min(1, 'seq must be a log position (1 or more)')
      .max(Number.MAX_SAFE_INTEGER),
  })
  .strict()

/**
 * Restores the board to how it was at log position `seq` (the owner and
 * interviewers): `{ seq }` → `{ seq, logSeq, created, updated, deleted, skipped }`.
 * Logged as a new change that every connected user sees at once. 400 for a
 * position before the board existed, 404 for one past the log's end.
 */
export function POST(request: Request, context: RoomRouteContext) {
  return roomRoute(context, async ({ roomId, actor, app }) => {
    const body = bodySchema.safeParse(await jsonBody(request))
    if (!body.success) return badRequest(body.error)
    return NextResponse.json(await app.boards.restore(roomId, actor, body.data.seq))
  })
}
