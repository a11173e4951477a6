import { NextResponse } from 'next/server'
import type { ZodError } from 'zod'
import { isRoomRequestError } from '../access/RoomRequestError'
import { describeWait, retryAfterSeconds } from './quotas'
import { readCappedBody } from './readCappedBody'

/** 400 with the fields that failed validation: `{ error, fields: { path: message } }`. */
export function badRequest(error: ZodError): NextResponse {
  const fields = Object.fromEntries(error.issues.map((issue) => [issue.path.join('.') || '(body)', issue.message]))
  return NextResponse.json({ error: 'invalid request', fields }, { status: 400 })
}

/** Why a body that is not JSON gets a 400 (its `(body)` field, in {@link badRequest}'s shape). */
const NOT_JSON = 'the request body is not valid JSON'

/** Thrown by {@link jsonBody} for a body that is not JSON; {@link handleErrors} answers it with a 400. */
class UnparsableBodyError extends Error {
  override readonly name = 'UnparsableBodyError'
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
 * 404, 409, 413, 415) with a JSON body, and {@link jsonBody}'s unparsable
 * body into a 400 like {@link badRequest}'s; anything else is a 500 without details.
 */
export async function handleErrors(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run()
  } catch (error) {
    if (isRoomRequestError(error)) return NextResponse.json({ error: error.message }, { status: error.status })
    if (error instanceof Error && error.name === 'UnparsableBodyError') {
      return NextResponse.json({ error: 'invalid request', fields: { '(body)': NOT_JSON } }, { status: 400 })
    }
    console.error('[mockboard] route failed', error)
    return NextResponse.json({ error: 'internal error' }, { status: 500 })
  }
}

/**
 * Largest JSON body the API reads (256 KiB). The largest legit ones are a
 * session's start (a 2,000-character prompt and a 12-phase plan) and a
 * rubric note (2,000 characters): ~13 KB even with every character escaped.
 */
export const JSON_BODY_MAX_BYTES = 256 * 1024

/**
 * Reads a JSON body for zod to judge; an empty body is `{}`. Throws (for
 * {@link handleErrors}) a 413 for a body over {@link JSON_BODY_MAX_BYTES},
 * refused without reading past the cap, and a 400 for one that is not JSON
 * (`{ error: 'invalid request', fields: { '(body)': … } }`, as zod's refusals).
 * Routes check who is asking first, so nobody signed out costs a read.
 */
export async function jsonBody(request: Request): Promise<unknown> {
  const bytes = await readCappedBody(
    request,
    JSON_BODY_MAX_BYTES,
    `the request body is too large: a JSON body may hold at most ${JSON_BODY_MAX_BYTES / 1024} KiB`
  )
  if (bytes.byteLength === 0) return {}
  try {
    return JSON.parse(new TextDecoder().decode(bytes))
  } catch {
    throw new UnparsableBodyError(NOT_JSON)
  }
}
