'use client'

import type { Role } from '@/lib/access/roles'
import styles from './room.module.css'

const LABELS: Record<Role, { text: string; title: string }> = {
  interviewer: { text: 'Interviewer', title: 'You run the session and score the candidate on your private rubric.' },
  candidate: { text: 'Candidate', title: 'You design on the board.' },
  observer: { text: 'Observer · read-only', title: 'You can watch and follow others, but not change the board.' },
}

const SOLO = { text: 'You · solo practice', title: 'You practise alone against the clock, then score yourself.' }

/** Your role in the room (in solo practice just "You"); observers see that the board is read-only for them. */
export function RoleBadge({ role, solo = false }: { role: Role; solo?: boolean }) {
  const label = solo ? SOLO : LABELS[role]
  return (
    <span className={styles.roleBadge} data-role={role} data-testid="role-badge" title={label.title}>
      {label.text}
    </span>
  )
}
