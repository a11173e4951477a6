'use client'

import { roleSchema, type Role } from '@/lib/access/roles'
import type { MemberView } from './useRoomView'
import { ConfirmButton } from '../ui/ConfirmButton'
import styles from './room.module.css'

/**
 * One member in the invite panel. The owner may change other members' roles
 * or remove them (it asks first); the server closes that person's
 * connections at once and refuses the owner's own role changes except by
 * swapping.
 */
export function MemberRow({
  member,
  editable,
  onChange,
}: {
  member: MemberView
  editable: boolean
  onChange: (change: { role: Role } | 'remove') => void
}) {
  if (!editable) {
    return (
      <li>
        {member.name} <em>{member.role}</em>
      </li>
    )
  }
  return (
    <li className={styles.memberRow} data-testid={`member-${member.name}`}>
      <span>{member.name}</span>
      <select
        value={member.role}
        aria-label={`Role of ${member.name}`}
        onChange={(e) => onChange({ role: roleSchema.parse(e.target.value) })}
      >
        {roleSchema.options.map((role) => (
          <option key={role} value={role}>
            {role}
          </option>
        ))}
      </select>
      <ConfirmButton
        title={`Remove ${member.name}?`}
        description="They leave the board at once and cannot open it again. Every invite link is replaced, since the one they joined with would let them back in: send the new links to anyone who has yet to join. Their past sessions stay in the records."
        confirmLabel="Remove"
        onConfirm={() => onChange('remove')}
      >
        Remove
      </ConfirmButton>
    </li>
  )
}
