'use client'

import { useSyncExternalStore } from 'react'
import { readBrowserClock, SERVER_CLOCK, type ReaderClock } from './readerTime'

// A browser's zone does not change under a page in any way worth listening for.
const subscribe = () => () => {}
const serverClock = () => SERVER_CLOCK

/**
 * The reader's clock: {@link SERVER_CLOCK} while rendering on the server and
 * hydrating (so the first render matches the server's HTML), then the
 * browser's own locale and time zone.
 */
export function useReaderClock(): ReaderClock {
  return useSyncExternalStore(subscribe, readBrowserClock, serverClock)
}
