'use client'

import { useMemo } from 'react'
import { atom, computed, type Signal } from '@tldraw/state'
import { UserRecordType, createUserId, type TLUser } from '@tldraw/tlschema'
import { createTLCurrentUser, type TLCurrentUser, type TLUserPreferences } from '@tldraw/editor'
import { loadGuestIdentity, saveGuestIdentity } from './guestIdentity'

/** The local user as tldraw wants it twice: editor preferences and a presence record. */
export interface GuestUser {
  /** Passed to `<Tldraw user>`: name and colour edits in the people menu land here. */
  currentUser: TLCurrentUser
  /** The user record presence is derived from. */
  user: Signal<TLUser>
}

/** Loads (or creates) this browser's guest identity and exposes it to tldraw. */
export function useGuestUser(): GuestUser {
  return useMemo(() => {
    const identity = loadGuestIdentity()
    const preferences = atom<TLUserPreferences>('mockboard user preferences', {
      id: identity.id,
      name: identity.name,
      color: identity.color,
    })
    const currentUser = createTLCurrentUser({
      userPreferences: preferences,
      setUserPreferences: (next) => {
        preferences.set(next)
        saveGuestIdentity({
          id: identity.id,
          name: next.name?.trim() || identity.name,
          color: next.color ?? identity.color,
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
    return { currentUser, user }
  }, [])
}
