import { redirect } from 'next/navigation'
import { z } from 'zod'
import { isAccessError } from '@/server/access/RoomAccess'
import { currentActor } from '@/server/auth/session'
import { appContext } from '@/server/appContext'
import styles from '../../home.module.css'

const inviteSchema = z.string().regex(/^[\w-]{16,64}$/)

/** An invite link: signs you in (as a guest if need be), joins you with the link's role, opens the board. */
export default async function JoinPage({ params }: { params: Promise<{ invite: string }> }) {
  const invite = inviteSchema.safeParse((await params).invite)
  const actor = await currentActor()
  if (invite.success && !actor) redirect(`/signin?callbackUrl=${encodeURIComponent(`/join/${invite.data}`)}`)
  let roomId: string | null = null
  let problem = 'This invite link is not valid.'
  if (invite.success && actor) {
    try {
      roomId = (await appContext().access.acceptInvite(invite.data, actor)).roomId
    } catch (error) {
      if (!isAccessError(error)) throw error
      problem = 'This invite link was revoked or never existed. Ask the interviewer for a new one.'
    }
  }
  if (roomId) redirect(`/r/${roomId}`)
  return (
    <main className={styles.main}>
      <h1 className={styles.title}>Cannot join</h1>
      <p className={styles.lead}>{problem}</p>
    </main>
  )
}
