import { getServerSession } from 'next-auth'
import { createAuthOptions } from './authOptions'
import type { Actor } from '../access/RoomAccess'

/** The signed-in user of the current request, or null. For server components and route handlers. */
export async function currentActor(): Promise<Actor | null> {
  const session = await getServerSession(createAuthOptions())
  const user = session?.user as { id?: string; name?: string | null } | undefined
  if (!user?.id) return null
  return { userId: user.id, name: user.name?.slice(0, 64) || 'Guest' }
}
