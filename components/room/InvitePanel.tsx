'use client'

import { useState } from 'react'
import { createPortal } from 'react-dom'
import type { Role } from '@/lib/access/roles'
import { useRoomView } from './useRoomView'
import { MemberRow } from './MemberRow'
import styles from './room.module.css'

const INVITES: { role: Role; label: string }[] = [
  { role: 'candidate', label: 'Candidate' },
  { role: 'observer', label: 'Observer (read-only)' },
  { role: 'interviewer', label: 'Co-interviewer' },
]

/**
 * For interviewers: the invite link of each role (copy, or revoke to make a
 * new one), the members, and for the owner the one-click role swap of a
 * peer mock.
 */
export function InvitePanel({ roomId, role }: { roomId: string; role: Role }) {
  const [open, setOpen] = useState(false)
  const { view, reload } = useRoomView(roomId, role)
  const [copied, setCopied] = useState<Role | null>(null)
  if (!view) return null
  const canSwap =
    view.isOwner &&
    view.members.some(
      (m) => m.role === (view.me.role === 'interviewer' ? 'candidate' : 'interviewer') && m.userId !== view.me.userId
    )

  const linkFor = (token: string) => `${window.location.origin}/join/${token}`
  const copy = async (inviteRole: Role, token: string) => {
    await navigator.clipboard?.writeText(linkFor(token)).catch(() => undefined)
    setCopied(inviteRole)
    setTimeout(() => setCopied(null), 1_500)
  }
  const revoke = async (inviteRole: Role) => {
    await fetch(`/api/rooms/${roomId}/invites/${inviteRole}`, { method: 'POST' })
    await reload()
  }
  const changeMember = async (userId: string, change: { role: Role } | 'remove') => {
    const url = `/api/rooms/${roomId}/members/${encodeURIComponent(userId)}`
    await (change === 'remove'
      ? fetch(url, { method: 'DELETE' })
      : fetch(url, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(change) }))
    await reload()
  }
  const swap = async () => {
    await fetch(`/api/rooms/${roomId}/swap`, { method: 'POST' })
    await reload()
  }

  return (
    <div className={styles.invite}>
      {(view.invites || canSwap) && (
        <button
          type="button"
          className={styles.inviteButton}
          onClick={() => {
            if (!open) void reload() // members may have joined since it last loaded
            setOpen(!open)
          }}
          data-testid="invite-button"
        >
          Invite
        </button>
      )}
      {open &&
        // Portalled: tldraw's style panel shares this corner and would cover it.
        createPortal(
          <div className={styles.popover} role="dialog" aria-label="Invite people">
            {view.invites &&
              INVITES.map(({ role: inviteRole, label }) => (
                <div key={inviteRole} className={styles.inviteRow}>
                  <span>{label}</span>
                  <input
                    readOnly
                    value={linkFor(view.invites![inviteRole])}
                    data-testid={`invite-link-${inviteRole}`}
                  />
                  <button type="button" onClick={() => copy(inviteRole, view.invites![inviteRole])}>
                    {copied === inviteRole ? 'Copied' : 'Copy'}
                  </button>
                  <button
                    type="button"
                    onClick={() => revoke(inviteRole)}
                    title="Make a new link; the old one stops working"
                  >
                    Revoke
                  </button>
                </div>
              ))}
            <ul className={styles.members}>
              {view.members.map((m) => (
                <MemberRow
                  key={m.userId}
                  member={m}
                  editable={view.me.role === 'interviewer' && m.userId !== view.me.userId}
                  onChange={(change) => changeMember(m.userId, change)}
                />
              ))}
            </ul>
            {canSwap && (
              <button type="button" onClick={swap} data-testid="swap-roles">
                Swap interviewer and candidate
              </button>
            )}
          </div>,
          document.body
        )}
    </div>
  )
}
