import { fetchJson } from '@/lib/http/fetchJson'
import type { ProblemSummary } from '@/lib/problems/problemSchema'
import type { SheetEdit } from '@/lib/rubric/rubricSheet'
import type { SessionConfig } from '@/lib/session/sessionConfig'
import type { RevealPart, SessionSettings } from '@/lib/session/sessionRecord'
import type { SessionView, SheetView } from '@/lib/session/sessionView'

const call = <T>(url: string) => fetchJson<T>(url)

const send = <T = unknown>(method: 'POST' | 'PATCH', url: string, body?: unknown) => fetchJson<T>(url, { method, body })

const room = (roomId: string) => `/api/rooms/${encodeURIComponent(roomId)}`
const sheet = (roomId: string, sessionId: string) => `${room(roomId)}/sessions/${encodeURIComponent(sessionId)}/sheet`

/** The browser's calls to the session API (see `app/api/rooms/[roomId]/session` and `…/sessions`). */
export const sessionApi = {
  view: (roomId: string, sessionId?: string) =>
    call<SessionView>(
      sessionId ? `${room(roomId)}/sessions/${encodeURIComponent(sessionId)}` : `${room(roomId)}/session`
    ),
  start: (roomId: string, config: SessionConfig) => send('POST', `${room(roomId)}/session`, config),
  clock: (
    roomId: string,
    action: { type: 'pause' | 'resume' | 'next' | 'end' } | { type: 'extend'; minutes: number }
  ) => send('POST', `${room(roomId)}/session/clock`, action),
  reveal: (roomId: string, parts: RevealPart[]) => send('POST', `${room(roomId)}/session/reveal`, { parts }),
  settings: (roomId: string, settings: SessionSettings) => send('POST', `${room(roomId)}/session/settings`, settings),
  sheet: (roomId: string, sessionId: string) => call<SheetView>(sheet(roomId, sessionId)),
  editSheet: (roomId: string, sessionId: string, edit: SheetEdit) =>
    send<SheetView>('PATCH', sheet(roomId, sessionId), edit),
  shareSheet: (roomId: string, sessionId: string, shared: boolean) =>
    send<SheetView>('POST', `${sheet(roomId, sessionId)}/share`, { shared }),
  openSheet: (roomId: string, sessionId: string, open: boolean) =>
    send<SheetView>('POST', `${sheet(roomId, sessionId)}/open`, { open }),
  submitSheet: (roomId: string, sessionId: string) => send<SheetView>('POST', `${sheet(roomId, sessionId)}/submit`),
  problems: () => call<{ problems: ProblemSummary[] }>('/api/problems').then((r) => r.problems),
}
