'use client'

import { Check, Circle } from 'lucide-react'
import type { Editor } from 'tldraw'
import type { Problem } from '@/lib/problems/problemSchema'
import { kindsOnBoard } from '@/lib/review/boardGraph'
import { useBoardGraph } from '../review/useBoardGraph'
import styles from './session.module.css'

/**
 * The problem's reference checklist, with the items the board already shows
 * ticked: an item is on the board when a block of one of its kinds is. Items
 * the board cannot show (estimates, a spoken trade-off) stay for the user to
 * judge.
 */
export function ChecklistPanel({ problem, editor }: { problem: Problem; editor: Editor | null }) {
  const present = kindsOnBoard(useBoardGraph(editor))
  return (
    <ul className={styles.checklist} data-testid="checklist">
      {problem.checklist.map(({ item, kinds: wanted }) => {
        const ticked = wanted.some((k) => present.has(k))
        return (
          <li key={item} data-ticked={ticked || undefined} data-testid="checklist-item">
            {ticked ? (
              <Check size={16} aria-label="on the board" />
            ) : (
              <Circle size={14} aria-label="not on the board" />
            )}
            <span>{item}</span>
            {wanted.length === 0 && <span className={styles.muted}> (not on a board: judge it yourself)</span>}
          </li>
        )
      })}
    </ul>
  )
}
