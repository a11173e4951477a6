'use client'

import { createContext, useContext } from 'react'
import { DefaultCursor, type TLCursorProps } from 'tldraw'

/** The tldraw user ids (`user:<account>`) of the people talking in the room's call now. */
export const SpeakingUsersContext = createContext<ReadonlySet<string>>(new Set())

/** The class a talking collaborator's cursor gets (its name tag shows a ring, as their avatar in the call does). */
export const SPEAKING_CURSOR_CLASS = 'mb-speaking-cursor'

/**
 * tldraw's collaborator cursor, with a ring on the name tag while that
 * person talks in the call (see `useSpeaking`), so the board shows who is
 * speaking where they point.
 */
export function SpeakingCursor(props: TLCursorProps) {
  const speaking = useContext(SpeakingUsersContext)
  const talking = speaking.has(props.userId)
  return (
    <DefaultCursor
      {...props}
      className={[props.className, talking ? SPEAKING_CURSOR_CLASS : null].filter(Boolean).join(' ') || undefined}
    />
  )
}
