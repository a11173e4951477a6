import { CloseCode } from '@/lib/collab/closeCodes'
import { canOpenDoc, canWriteDoc, type Role, type RoomDoc } from '@/lib/access/roles'
import { verifyCollabToken } from '../access/collabToken'
import type { MemberRoles } from './MemberRoles'

/** A connection let in: who it is, what it may do, and until when its token vouches for it. */
export interface Admitted {
  ok: true
  userId: string
  /** The display name the token carries (signed by the app when it issued the token). */
  name: string
  role: Role
  canWrite: boolean
  /** When the token expires (ms since the epoch): the connection is re-validated then. */
  expiresAt: number
  /** {@link MemberRoles.mark} taken before the role was read; an access change after it closes the connection. */
  mark: number
}

/** A connection refused or closed, with the close code the client gets. */
export interface Refused {
  ok: false
  code: number
  reason: string
}

/** What re-validating an open connection decided: keep it, or close it with a code. */
export type Recheck = { ok: true } | Refused

/**
 * Decides what a collab connection may do. The token proves only who the
 * client is and which room it asks for; the rights come from the member's
 * role now, read from the room directory ({@link MemberRoles}):
 *
 * - opening: a missing or expired token → 4401; a forged or other-room token,
 *   one without `exp`, a non-member, or a role that may not open the document
 *   → 4403; otherwise read-write or read-only as the current role allows;
 * - at token expiry (and every `recheckMs` after): the role is read again; a
 *   member who is gone → 4403, one whose rights on the document changed →
 *   4409 (the client fetches a new token and reconnects with the new rights),
 *   a failed lookup → 4401; unchanged rights keep the connection open.
 *
 * Without `roles` (tests and tools that have no room directory) the token's
 * role is trusted and a connection is closed with 4401 when its token expires.
 */
export class ConnectionAccess {
  constructor(
    private readonly options: {
      authSecret: string
      roles: MemberRoles | null
    }
  ) {}

  /** Checks a connection's token and the member's current role. Never throws for a refusal; rethrows directory errors. */
  async admit(token: string | null, roomId: string, doc: RoomDoc): Promise<Admitted | Refused> {
    const check = await verifyCollabToken(token, roomId, this.options.authSecret)
    if (!check.ok) {
      const code = check.problem === 'invalid' ? CloseCode.Forbidden : CloseCode.Unauthorized
      return refused(code, `token ${check.problem}`)
    }
    const { grant } = check
    const roles = this.options.roles
    const mark = roles?.mark() ?? 0
    const role = roles ? await roles.role(roomId, grant.userId) : grant.role
    if (!role) return refused(CloseCode.Forbidden, 'not a member of this room')
    if (!canOpenDoc(role, doc)) return refused(CloseCode.Forbidden, `a ${role} may not open this document`)
    return {
      ok: true,
      userId: grant.userId,
      name: grant.name,
      role,
      canWrite: canWriteDoc(role, doc),
      expiresAt: grant.expiresAt,
      mark,
    }
  }

  /**
   * True when the member's access changed after `admitted` was decided (an
   * announcement raced with the connection opening): close it with 4409.
   */
  changedSince(roomId: string, admitted: Admitted): boolean {
    return this.options.roles?.changedSince(roomId, admitted.userId, admitted.mark) ?? false
  }

  /** Re-validates an open connection whose token expired, with a fresh directory lookup. */
  async recheck(roomId: string, doc: RoomDoc, connection: { userId: string; canWrite: boolean }): Promise<Recheck> {
    const roles = this.options.roles
    if (!roles) return refused(CloseCode.Unauthorized, 'token expired')
    let role: Role | null
    try {
      role = await roles.role(roomId, connection.userId, { fresh: true })
    } catch {
      return refused(CloseCode.Unauthorized, 'token expired and access could not be checked')
    }
    if (!role || !canOpenDoc(role, doc)) return refused(CloseCode.Forbidden, 'no longer a member of this room')
    if (canWriteDoc(role, doc) !== connection.canWrite) {
      return refused(CloseCode.AccessChanged, 'your access to this room changed')
    }
    return { ok: true }
  }
}

function refused(code: number, reason: string): Refused {
  return { ok: false, code, reason }
}
