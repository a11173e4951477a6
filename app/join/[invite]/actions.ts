'use server'

import { redirect } from 'next/navigation'
import { isRoomRequestError } from '@/server/access/RoomRequestError'
import { currentActor } from '@/server/auth/session'
import { appContext } from '@/server/appContext'
import { inviteTokenSchema } from './inviteToken'

/**
 * The join page's "Join" button (a server action, so a POST that Next and
 * `proxy.ts` both check for a same-origin `Origin`): joins the signed-in user
 * with the invite's role and opens the board. An invite revoked meanwhile
 * sends them back to the join page, which explains.
 */
export async function joinRoom(formData: FormData): Promise<void> {
  const invite = inviteTokenSchema.safeParse(formData.get('invite'))
  if (!invite.success) redirect('/')
  const actor = await currentActor()
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(`/join/${invite.data}`)}`)
  let roomId: string
  try {
    roomId = (await appContext().access.acceptInvite(invite.data, actor)).roomId
  } catch (error) {
    if (!isRoomRequestError(error)) throw error
    redirect(`/join/${invite.data}`)
  }
  redirect(`/r/${roomId}`)
}
