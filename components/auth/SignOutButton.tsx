'use client'

import { signOut } from 'next-auth/react'

/** Signs out and returns home. */
export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: '/' })}
      style={{ all: 'unset', cursor: 'pointer', textDecoration: 'underline' }}
    >
      Sign out
    </button>
  )
}
