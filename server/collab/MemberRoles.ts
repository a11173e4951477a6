import type { Role } from '@/lib/access/roles'

/** Reads a member's current role in a room from the room directory; null when they are not a member. */
export type CurrentRole = (roomId: string, userId: string) => Promise<Role | null>

/** How long a looked-up role is reused for new connections of the same user (reconnect bursts). */
export const ROLE_CACHE_MS = 2_000

/** Cached entries kept at most; past that the cache starts over. */
const MAX_CACHED = 10_000

/** Revocation marks kept at most; past that older ones are forgotten (and treated as changed). */
const MAX_REVOKED = 10_000

/**
 * The current roles of room members, as the collab server needs them: one
 * directory lookup per connection open (reused for {@link ROLE_CACHE_MS} so
 * a user's board and session sockets reconnecting together cost one; only
 * members are cached, since joining by invite is not announced), and a fresh
 * lookup when a token expires.
 *
 * {@link invalidate} is called for every access change (removal, role
 * change) announced on this server or through the bus: it drops the cached
 * role and bumps a generation, so a connection whose lookup raced with the
 * change can tell with {@link changedSince} and close itself.
 */
export class MemberRoles {
  private readonly cache = new Map<string, { role: Role; until: number }>()
  /** Generation of the latest access change per member. */
  private readonly revoked = new Map<string, number>()
  private generation = 0
  /** Members whose marks were forgotten count as changed for marks older than this. */
  private forgottenBefore = 0

  constructor(
    private readonly lookup: CurrentRole,
    private readonly options: { cacheMs?: number; now?: () => number } = {}
  ) {}

  /** A mark of "now", to ask {@link changedSince} later. */
  mark(): number {
    return this.generation
  }

  /**
   * The member's current role, or null when they are not a member.
   * `fresh` skips the cache (token expiry re-validation).
   * @throws whatever the directory throws.
   */
  async role(roomId: string, userId: string, options: { fresh?: boolean } = {}): Promise<Role | null> {
    const key = memberKey(roomId, userId)
    const now = this.now()
    const cached = this.cache.get(key)
    if (!options.fresh && cached && cached.until > now) return cached.role
    const mark = this.mark()
    const role = await this.lookup(roomId, userId)
    // A change announced while we looked may have been read before or after: do not keep it.
    // Nor "not a member": joining by invite is not announced, and must work at once.
    if (role && !this.changedSince(roomId, userId, mark)) {
      if (this.cache.size >= MAX_CACHED) this.cache.clear()
      this.cache.set(key, { role, until: now + (this.options.cacheMs ?? ROLE_CACHE_MS) })
    }
    return role
  }

  /** Forgets the member's cached role: their access just changed. */
  invalidate(roomId: string, userId: string): void {
    const key = memberKey(roomId, userId)
    this.cache.delete(key)
    this.generation++
    if (this.revoked.size >= MAX_REVOKED) {
      this.revoked.clear()
      this.forgottenBefore = this.generation
    }
    this.revoked.set(key, this.generation)
  }

  /** True when the member's access changed after `mark` was taken. */
  changedSince(roomId: string, userId: string, mark: number): boolean {
    const changedAt = this.revoked.get(memberKey(roomId, userId))
    if (changedAt !== undefined) return changedAt > mark
    return mark < this.forgottenBefore
  }

  private now(): number {
    return this.options.now?.() ?? Date.now()
  }
}

function memberKey(roomId: string, userId: string): string {
  return `${roomId}\u0000${userId}`
}
