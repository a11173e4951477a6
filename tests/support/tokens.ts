import type { Role } from '@/lib/access/roles'
import { signCollabToken } from '@/server/access/collabToken'

/** The secret test servers sign and check collab tokens with. */
export const TEST_AUTH_SECRET = 'test-secret-do-not-use-in-production'

/** A collab token for tests: user `user`, role `role` (interviewer by default), valid for `ttlSeconds`. */
export function testToken(
  roomId: string,
  options: { user?: string; name?: string; role?: Role; ttlSeconds?: number; secret?: string } = {}
): Promise<string> {
  const userId = options.user ?? 'user:tester'
  return signCollabToken(
    { userId, name: options.name ?? userId, roomId, role: options.role ?? 'interviewer' },
    options.secret ?? TEST_AUTH_SECRET,
    options.ttlSeconds
  )
}
