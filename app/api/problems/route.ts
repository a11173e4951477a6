import { NextResponse, type NextRequest } from 'next/server'
import { z } from 'zod'
import { problemSummaries } from '@/lib/problems/problemBank'
import { problemCategories, problemDifficulties } from '@/lib/problems/problemSchema'
import { currentActor } from '@/server/auth/session'
import { badRequest, handleErrors, unauthorized } from '@/server/http/apiResponses'

const querySchema = z
  .object({
    category: z.enum(problemCategories.map((c) => c.id) as ['classic', 'pattern', 'lld', 'ai']).optional(),
    difficulty: z.enum(problemDifficulties).optional(),
  })
  .strict()

/**
 * The problem bank for the session picker, optionally filtered
 * (`?category=&difficulty=`). Titles and prompts only: the requirements
 * reach a candidate when the interviewer reveals them, and follow-ups, hints
 * and checklists reach interviewers through the room's session.
 */
export function GET(request: NextRequest) {
  return handleErrors(async () => {
    const query = querySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams))
    if (!query.success) return badRequest(query.error)
    if (!(await currentActor())) return unauthorized()
    const { category, difficulty } = query.data
    const problems = problemSummaries().filter(
      (p) => (!category || p.category === category) && (!difficulty || p.difficulty === difficulty)
    )
    return NextResponse.json({ problems })
  })
}
