'use client'

import type { Role } from '@/lib/access/roles'
import styles from './room.module.css'

const LABELS: Record<Role, { text: string; title: string }> = {
  interviewer: { text: 'Interviewer', title: 'You run this session: invite people, swap roles, see private notes.' },
  candidate: { text: 'Candidate', title: 'You design on the board.' },
  observer: { text: 'Observer · read-only', title: 'You can watch and follow others, but not change the board.' },
}

/** Your role in the room; observers see that the board is read-only for them. */
export function RoleBadge({ role }: { role: Role }) {
  const label = LABELS[role]
  return (
    <span className={styles.roleBadge} data-role={role} data-testid="role-badge" title={label.title}>
      {label.text}
    </span>
  )
}
