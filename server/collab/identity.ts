import { z } from 'zod'

/**
 * Who a connection says it is. Until sign-in lands (issue 5) this is the
 * browser's guest id from the URL and is not verified: it only labels the
 * log's author column. A missing id gets a fresh guest id per connection.
 */
export const connectionQuerySchema = z.object({
  user: z
    .string()
    .regex(/^(user|guest):[\w-]{1,64}$/)
    .optional(),
})

/** Reads the author id of a connection from its upgrade URL's query. */
export function readConnectionUser(searchParams: URLSearchParams): string | null {
  const parsed = connectionQuerySchema.safeParse({ user: searchParams.get('user') ?? undefined })
  if (!parsed.success) return null
  return parsed.data.user ?? `guest:${crypto.randomUUID().slice(0, 8)}`
}
