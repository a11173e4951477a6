import { z } from 'zod'
import { sessionLevels } from '@/lib/session/sessionConfig'
import { recommendationSchema, scoreSchema } from '@/lib/rubric/rubricSheet'

/**
 * The durable record of a room's session, for the summary and "My sessions":
 * what was practised, when, by whom, and the scores once saved. The clock and
 * the rubric themselves live in the room's session and private documents; this
 * is the index over them. One session per room: starting again replaces it.
 */
export const sessionRecordSchema = z.object({
  roomId: z.string(),
  title: z.string(),
  problemId: z.string().nullable(),
  mode: z.enum(['pair', 'solo']),
  level: z.enum(sessionLevels),
  startedAt: z.number(),
  endedAt: z.number().nullable(),
  startedBy: z.string(),
  /** Everyone who was a member while the session ran: their "My sessions" list shows it. */
  participants: z.array(z.string()),
  /** The candidate in a pair session, or the solo user. */
  candidateId: z.string().nullable(),
  scores: z.record(z.string(), scoreSchema),
  recommendation: recommendationSchema.nullable(),
  /** Whether the candidate may see the scores (shared in pair mode; always in solo mode). */
  scoresShared: z.boolean(),
})

/** A session record. */
export type SessionRecord = z.infer<typeof sessionRecordSchema>

/**
 * Where session records live: SQLite embedded, Redis at scale.
 * Implementations: `SqliteSessionStore`, `RedisSessionStore`.
 */
export interface SessionStore {
  /** Creates or replaces the room's session record. */
  put(record: SessionRecord): Promise<void>
  get(roomId: string): Promise<SessionRecord | null>
  /** Sessions `userId` took part in, newest first. */
  listForUser(userId: string, limit?: number): Promise<SessionRecord[]>
}
