import type { SessionConfig } from '@/lib/session/sessionConfig'

/**
 * The mode the board was opened for: the home page's "Practise solo" opens
 * it with `?mode=solo`; anything else is a pair interview. It holds until a
 * session starts (then the session's own mode does).
 */
export function requestedMode(): SessionConfig['mode'] {
  if (typeof window === 'undefined') return 'pair'
  return new URLSearchParams(window.location.search).get('mode') === 'solo' ? 'solo' : 'pair'
}
