import { z } from 'zod'

/** An invite token as it appears in `/join/<invite>` links. */
export const inviteTokenSchema = z.string().regex(/^[\w-]{16,64}$/)
