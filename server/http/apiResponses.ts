import { NextResponse } from 'next/server'
import type { ZodError } from 'zod'
import { isRoomRequestError } from '../access/RoomRequestError'
import { describeWait, retryAfterSeconds } from './quotas'

/** 400 with the fields that failed validation: `{ error, fields: { path: message } }`. */
export function badRequest(error: ZodError): NextResponse {
  const fields = Object.fromEntries(error.issues.map((issue) => [issue.path.join('.') || '(body)', issue.message]))
  return NextResponse.json({ error: 'invalid request', fields }, { status: 400 })
}

/** 401 for requests without a signed-in user. */
export function unauthorized(): NextResponse {
  return NextResponse.json({ error: 'sign in first' }, { status: 401 })
}

/**
 * 429 for a request over a quota: `{ error }` says what and how long to wait
 * (`message(wait)`, wait in words), and `Retry-After` says it in seconds.
 */
export function tooManyRequests(retryAfterMs: number, message: (wait: string) => string): NextResponse {
  return NextResponse.json(
    { error: message(describeWait(retryAfterMs)) },
    { status: 429, headers: { 'retry-after': String(retryAfterSeconds(retryAfterMs)) } }
  )
}

/**
 * Runs a route handler, turning `RoomRequestError`s into their status (400, 403,
 * 404, 409) with a JSON body; anything else is a 500 without details.
 */
export async function handleErrors(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run()
  } catch (error) {
    if (isRoomRequestError(error)) return NextResponse.json({ error: error.message }, { status: error.status })
    console.error('[mockboard] route failed', error)
    return NextResponse.json({ error: 'internal error' }, { status: 500 })
  }
}

/** Reads a JSON body, treating an empty or unparsable body as `{}` for zod to judge. */
export async function jsonBody(request: Request): Promise<unknown> {
  try {
    const text = await request.text()
    return text ? JSON.parse(text) : {}
  } catch {
    return Symbol('unparsable')
  }
}
