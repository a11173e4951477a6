'use client'

import { useEffect, useMemo } from 'react'
import { atom, computed, type Signal } from '@tldraw/state'
import { UserRecordType, createUserId, type TLStore, type TLUser } from '@tldraw/tlschema'
import { createTLCurrentUser, type TLCurrentUser, type TLUserPreferences } from '@tldraw/editor'
import { colorToWear, hasSavedLook, loadUserLook, savedColorScheme, saveUserLook } from './userLook'

/** The local user as tldraw wants it twice: editor preferences and a presence record. */
export interface BoardUser {
  /** Passed to `<Tldraw user>`: name and colour edits in the people menu land here. */
  currentUser: TLCurrentUser
  /** The user record presence is derived from. */
  user: Signal<TLUser>
  /** Wears `color` on this board without remembering it (see {@link useDistinctColor}). */
  adoptColor(color: string): void
  /** True when the user picked their colour in this browser: it is never changed for them. */
  colorChosen: boolean
}

/**
 * The signed-in user as tldraw sees them: a `user:` id derived from the
 * account id, the account's name, and a cursor colour kept per browser.
 */
export function useBoardUser(account: { userId: string; name: string }): BoardUser {
  const { userId, name } = account
  return useMemo(() => {
    const identity = loadUserLook({ userId, name })
    const preferences = atom<TLUserPreferences>('mockboard user preferences', {
      id: identity.id,
      name: identity.name,
      color: identity.color,
      // Until the user picks a theme on a board, follow the system's light/dark setting.
      colorScheme: identity.colorScheme ?? 'system',
    })
    const currentUser = createTLCurrentUser({
      userPreferences: preferences,
      setUserPreferences: (next) => {
        preferences.set(next)
        saveUserLook({
          ...identity,
          name: next.name?.trim() || identity.name,
          color: next.color ?? identity.color,
          colorScheme: next.colorScheme ?? identity.colorScheme,
        })
      },
    })
    const user = computed('mockboard user', () => {
      const prefs = preferences.get()
      return UserRecordType.create({
        id: createUserId(identity.id.replace(/^user:/, '')),
        name: prefs.name?.trim() || identity.name,
        color: prefs.color ?? identity.color,
        imageUrl: '',
      })
    })
    const adoptColor = (color: string) => preferences.set({ ...preferences.get(), color })
    return { currentUser, user, adoptColor, colorChosen: hasSavedLook(userId) }
  }, [userId, name])
}

/**
 * A viewer for read-only canvases (the replay): no identity of its own, but
 * the colour scheme last chosen on a board in this browser, so a replay opens
 * in the same theme. Toggling it here lasts for the page only.
 */
export function useViewerUser(): TLCurrentUser {
  return useMemo(() => {
    const preferences = atom<TLUserPreferences>('mockboard viewer preferences', {
      id: 'replay-viewer',
      colorScheme: savedColorScheme() ?? 'system',
    })
    return createTLCurrentUser({ userPreferences: preferences, setUserPreferences: (next) => preferences.set(next) })
  }, [])
}

/**
 * Two people on a board never share a cursor colour by accident: when
 * another participant's `user:` record wears my default colour, I take the
 * next free one for this board (not remembered). Of two who collide, only the
 * one whose id sorts later moves, so they never both switch. A colour the
 * user picked is never changed.
 */
export function useDistinctColor(store: TLStore | null, boardUser: BoardUser): void {
  useEffect(() => {
    if (!store || boardUser.colorChosen) return
    const check = () => {
      const me = boardUser.user.get()
      const next = colorToWear(me, store.query.records('user').get())
      if (next !== me.color) boardUser.adoptColor(next)
    }
    check()
    return store.listen(check, { scope: 'document', source: 'remote' })
  }, [store, boardUser])
}
