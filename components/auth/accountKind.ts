/**
 * The prefix of a guest's user id. `server/auth/authOptions.ts` mints guests
 * as `guest:<random>` and OAuth users as `<provider>:<id>`, and the session
 * callback passes that id through as `session.user.id`; the prefix is the
 * only thing that tells a guest from an account one can sign back in to.
 */
export const GUEST_ID_PREFIX = 'guest:'

/**
 * Whether a user id belongs to a guest. A guest has no password: each guest
 * sign-in mints a new identity, so signing out (or in as someone else) loses
 * that identity, and with it every board and session it held.
 */
export function isGuestUserId(userId: string): boolean {
  return userId.startsWith(GUEST_ID_PREFIX)
}

/** The signed-in user as the sign-in and sign-out controls need them. */
export interface SignedInAccount {
  /** Their display name. */
  name: string
  /** True for a guest, who cannot sign back in to this identity. */
  guest: boolean
}

/** The {@link SignedInAccount} of a signed-in actor (`server/auth/session.ts`'s `currentActor`). */
export function signedInAccount(actor: { userId: string; name: string }): SignedInAccount {
  return { name: actor.name, guest: isGuestUserId(actor.userId) }
}

/**
 * What a guest loses by leaving their account, said the same way wherever
 * it is asked (sign-out, and signing in as someone else).
 */
export const GUEST_LOSS_WARNING =
  'A guest account has no password, so you cannot sign back in to it: signing in again, even with the same name, ' +
  'starts a new, separate account. You will lose access to this account’s boards and sessions.'
