'use client'

import { Check, Circle } from 'lucide-react'
import type { Editor } from 'tldraw'
import type { Problem } from '@/lib/problems/problemSchema'
import type { SheetEdit } from '@/lib/rubric/rubricSheet'
import { kindsOnBoard } from '@/lib/review/boardGraph'
import { useBoardGraph } from '../review/useBoardGraph'
import styles from './session.module.css'

/** Props of {@link ChecklistPanel}. */
export interface ChecklistPanelProps {
  problem: Problem
  editor: Editor | null
  /** Items ticked by hand (kept in the user's sheet). */
  ticks: readonly string[]
  /** Ticks or unticks an item the board cannot decide; absent: read only. */
  onTick?: (edit: SheetEdit) => void
}

/**
 * The problem's reference checklist. An item the board can show is ticked
 * when a block of one of its kinds is on the board; an item it cannot show
 * (an estimate, a spoken trade-off) is the user's to tick by hand, and the
 * tick is kept in their sheet, so the summary shows it too.
 */
export function ChecklistPanel({ problem, editor, ticks, onTick }: ChecklistPanelProps) {
  const present = kindsOnBoard(useBoardGraph(editor))
  return (
    <ul className={styles.checklist} data-testid="checklist">
      {problem.checklist.map(({ item, kinds: wanted }) => {
        const manual = wanted.length === 0
        const ticked = manual ? ticks.includes(item) : wanted.some((k) => present.has(k))
        return (
          <li key={item} data-ticked={ticked || undefined} data-testid="checklist-item">
            {manual ? (
              <input
                type="checkbox"
                checked={ticked}
                disabled={!onTick}
                aria-label={`Covered: ${item}`}
                onChange={(e) => onTick?.({ op: 'tick', item, on: e.target.checked })}
                data-testid="checklist-tick"
              />
            ) : ticked ? (
              <Check size={16} aria-label="on the board" />
            ) : (
              <Circle size={14} aria-label="not on the board" />
            )}
            <span>{item}</span>
            {manual && <span className={styles.muted}> (tick it if it was covered)</span>}
          </li>
        )
      })}
    </ul>
  )
}
