import { CloseCode } from './closeCodes'

/** What the board tells its user after the server closed the connection over a quota. */
export interface CloseNotice {
  /** The close code it explains. */
  code: number
  /** One or two sentences a person can act on. */
  message: string
  /** The canvas turns read-only: edits would not be saved. */
  readOnly: boolean
  /** Offer to connect again (a new socket with a fresh budget). */
  canRetry: boolean
}

const NOTICES: Record<number, Omit<CloseNotice, 'code'>> = {
  [CloseCode.BoardFull]: {
    message:
      'This board is full: its history reached the size limit, so new edits cannot be saved. ' +
      'You can still view it; duplicate it from My boards to keep drawing.',
    readOnly: true,
    canRetry: false,
  },
  [CloseCode.ByteBudgetExceeded]: {
    message: 'Too much was sent too fast (a very large paste?), so the server disconnected this board.',
    readOnly: false,
    canRetry: true,
  },
  [CloseCode.RateLimited]: {
    message: 'Too many changes were sent too fast, so the server disconnected this board.',
    readOnly: false,
    canRetry: true,
  },
  [CloseCode.TooManyConnections]: {
    message: 'You have too many boards open at once. Close some tabs, then reconnect.',
    readOnly: false,
    canRetry: true,
  },
}

/**
 * The notice for a quota close code, or null for codes that are not about
 * a quota (those reconnect by themselves or deny access).
 *
 * @example
 * ```ts
 * closeNotice(CloseCode.BoardFull)?.message // 'This board is full: …'
 * ```
 */
export function closeNotice(code: number | undefined): CloseNotice | null {
  const notice = code === undefined ? undefined : NOTICES[code]
  return notice ? { code: code!, ...notice } : null
}
