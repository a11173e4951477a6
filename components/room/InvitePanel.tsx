'use client'

import { useEffect, useId, useState } from 'react'
import { Popover } from 'radix-ui'
import type { Role } from '@/lib/access/roles'
import { useRoomView, type MemberView } from './useRoomView'
import { MemberRow } from './MemberRow'
import { fetchJson } from '@/lib/http/fetchJson'
import { ConfirmButton } from '../ui/ConfirmButton'
import { useToastedAction } from '../ui/toast/useToastedAction'
import styles from './room.module.css'

const INVITES: { role: Role; label: string }[] = [
  { role: 'candidate', label: 'Candidate' },
  { role: 'observer', label: 'Observer (read-only)' },
  { role: 'interviewer', label: 'Co-interviewer' },
]

/** How often the open people list asks the server who is a member now. */
const PEOPLE_REFRESH_MS = 2_000

/**
 * The board's people. Everyone sees the members; the owner (whatever their
 * interview role) gets the invite link of each role (copy, or revoke to make
 * a new one), changes roles, removes members, and swaps interviewer and
 * candidate in a peer mock (reversible; it asks first). Nobody can demote or
 * remove the owner: the server refuses it.
 */
export function InvitePanel({ roomId, role }: { roomId: string; role: Role }) {
  const [open, setOpen] = useState(false)
  const { view, reload } = useRoomView(roomId, role)
  const [copied, setCopied] = useState<Role | null>(null)
  const idPrefix = useId()
  const run = useToastedAction()
  // While open, the list follows who joins or leaves.
  useEffect(() => {
    if (!open) return
    const timer = setInterval(() => void reload(), PEOPLE_REFRESH_MS)
    return () => clearInterval(timer)
  }, [open, reload])
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
  const revoke = (inviteRole: Role, label: string) =>
    run(
      async () => {
        await fetchJson(`/api/rooms/${roomId}/invites/${inviteRole}`, { method: 'POST' })
        await reload()
      },
      { done: `New ${label.toLowerCase()} link made; the old one no longer works`, failed: 'Could not revoke the link' }
    )
  const changeMember = (member: MemberView, change: { role: Role } | 'remove') =>
    run(
      async () => {
        const url = `/api/rooms/${roomId}/members/${encodeURIComponent(member.userId)}`
        await fetchJson(url, change === 'remove' ? { method: 'DELETE' } : { method: 'PATCH', body: change })
        await reload()
      },
      change === 'remove'
        ? { done: `${member.name} was removed; the invite links are new`, failed: `Could not remove ${member.name}` }
        : { done: `${member.name} is now ${change.role}`, failed: `Could not change ${member.name}'s role` }
    )
  const swap = () =>
    run(
      async () => {
        await fetchJson(`/api/rooms/${roomId}/swap`, { method: 'POST' })
        await reload()
      },
      { done: 'Roles swapped', failed: 'Could not swap roles' }
    )

  if (!view.isOwner && view.members.length < 2) return null
  return (
    <Popover.Root
      open={open}
      onOpenChange={(next) => {
        if (next) void reload() // members may have joined since it last loaded
        setOpen(next)
      }}
    >
      <Popover.Trigger asChild>
        <button type="button" className={styles.inviteButton} data-testid="invite-button">
          {view.isOwner ? 'Invite' : 'People'}
        </button>
      </Popover.Trigger>
      {/* Portalled, so no panel covers it; Esc and a click outside close it. */}
      <Popover.Portal>
        <Popover.Content
          className={styles.popover}
          align="end"
          sideOffset={8}
          collisionPadding={8}
          aria-label={view.isOwner ? 'Invite people' : 'People'}
        >
          {view.invites &&
            INVITES.map(({ role: inviteRole, label }) => (
              <div key={inviteRole} className={styles.inviteRow}>
                {/* The row's role names its link field (a real label, so a click on it selects the link too). */}
                <label htmlFor={`${idPrefix}-invite-${inviteRole}`}>{label}</label>
                <input
                  id={`${idPrefix}-invite-${inviteRole}`}
                  readOnly
                  value={linkFor(view.invites![inviteRole])}
                  data-testid={`invite-link-${inviteRole}`}
                />
                <button type="button" onClick={() => copy(inviteRole, view.invites![inviteRole])}>
                  {copied === inviteRole ? 'Copied' : 'Copy'}
                </button>
                <ConfirmButton
                  buttonTitle="Make a new link; the old one stops working"
                  title={`Revoke the ${label.toLowerCase()} link?`}
                  description="The old link stops working at once; people who already joined stay. Send the new link to whoever still needs it."
                  confirmLabel="Revoke"
                  onConfirm={() => revoke(inviteRole, label)}
                >
                  Revoke
                </ConfirmButton>
              </div>
            ))}
          <ul className={styles.members}>
            {view.members.map((m) => (
              <MemberRow
                key={m.userId}
                member={m}
                editable={view.isOwner && m.userId !== view.me.userId}
                onChange={(change) => void changeMember(m, change)}
              />
            ))}
          </ul>
          {canSwap && (
            <ConfirmButton
              testId="swap-roles"
              title="Swap interviewer and candidate?"
              description={
                view.me.role === 'interviewer'
                  ? 'You become the candidate and they become the interviewer. Your rubric sheets stay yours: they never see them. You can swap back.'
                  : 'You become the interviewer again and they become the candidate.'
              }
              confirmLabel="Swap"
              onConfirm={swap}
            >
              {view.me.role === 'interviewer' ? 'Swap interviewer and candidate' : 'Swap back: I interview'}
            </ConfirmButton>
          )}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  )
}
