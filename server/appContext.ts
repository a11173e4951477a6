import type { RoomAccess } from './access/RoomAccess'
import type { SessionService } from './sessions/SessionService'
import type { ReplayService } from './replay/ReplayService'
import type { RubricSheets } from './sessions/RubricSheets'
import type { BoardService } from './boards/BoardService'
import type { AudioService } from './audio/AudioService'

/**
 * What the Next.js route handlers need from the server process: the room
 * access rules, the secret collab tokens are signed with, the sessions and replay. Next bundles
 * route code separately from `server/main.ts`, so the one instance is shared
 * through `globalThis` rather than a module variable.
 */
export interface AppContext {
  access: RoomAccess
  authSecret: string
  sessions: SessionService
  sheets: RubricSheets
  boards: BoardService
  replay: ReplayService
  audio: AudioService
}

const KEY = Symbol.for('mockboard.appContext')

/** Registers the process's app context (called once by `server/main.ts`). */
export function setAppContext(context: AppContext): void {
  ;(globalThis as Record<symbol, unknown>)[KEY] = context
}

/** The process's app context; throws when the app was not started through `server/main.ts`. */
export function appContext(): AppContext {
  const context = (globalThis as Record<symbol, unknown>)[KEY] as AppContext | undefined
  if (!context) throw new Error('Mockboard app context missing: start the app with `npm start` or `npm run dev`')
  return context
}
