import type { PublicProblem } from '@/lib/problems/problemSchema'
import type { SessionConfig } from '@/lib/session/sessionConfig'
import type { SessionView } from '@/server/sessions/SessionService'

async function call<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, { cache: 'no-store', ...init })
  const body = (await response.json().catch(() => ({}))) as T & { error?: string }
  if (!response.ok) throw new Error(body.error ?? `request failed: ${response.status}`)
  return body
}

const post = (url: string, body?: unknown) =>
  call<unknown>(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })

const base = (roomId: string) => `/api/rooms/${encodeURIComponent(roomId)}/session`

/** The browser's calls to the session API (see `app/api/rooms/[roomId]/session`). */
export const sessionApi = {
  view: (roomId: string) => call<SessionView>(base(roomId)),
  start: (roomId: string, config: SessionConfig) => post(base(roomId), config),
  clock: (
    roomId: string,
    action: { type: 'pause' | 'resume' | 'next' | 'end' } | { type: 'extend'; minutes: number }
  ) => post(`${base(roomId)}/clock`, action),
  share: (roomId: string) => post(`${base(roomId)}/share`),
  saveScores: (roomId: string) => post(`${base(roomId)}/scores`),
  problems: () => call<{ problems: PublicProblem[] }>('/api/problems').then((r) => r.problems),
}
