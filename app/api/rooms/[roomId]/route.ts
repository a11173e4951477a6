import { NextResponse } from 'next/server'
import { z } from 'zod'
import { visibleTextSchema } from '@/lib/text/visibleText'
import { MAX_ROOM_NAME } from '@/server/access/RoomDirectory'
import { badRequest, jsonBody } from '@/server/http/apiResponses'
import { roomRoute, type RoomRouteContext } from './roomRoute'

/** The room as the signed-in member sees it: name, members, own role, invites (owner only). */
export function GET(_request: Request, context: RoomRouteContext) {
  return roomRoute(context, async ({ roomId, actor, app }) => NextResponse.json(await app.access.view(roomId, actor)))
}

const patchSchema = z.object({ name: visibleTextSchema({ noun: 'board name', max: MAX_ROOM_NAME }) }).strict()

/** Renames the board (owner only): `{ name }`. */
export function PATCH(request: Request, context: RoomRouteContext) {
  return roomRoute(context, async ({ roomId, actor, app }) => {
    const body = patchSchema.safeParse(await jsonBody(request))
    if (!body.success) return badRequest(body.error)
    await app.access.rename(roomId, actor, body.data.name)
    return NextResponse.json({ ok: true })
  })
}

/** Deletes the board for good, with its sessions and logs (owner only). */
export function DELETE(_request: Request, context: RoomRouteContext) {
  return roomRoute(context, async ({ roomId, actor, app }) => {
    await app.boards.delete(roomId, actor)
    return NextResponse.json({ ok: true })
  })
}
