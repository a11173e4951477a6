'use client'

import { useMemo, useState } from 'react'
import { filterProblems } from '@/lib/problems/filterProblems'
import {
  problemCategories,
  problemDifficulties,
  type ProblemCategory,
  type ProblemDifficulty,
  type ProblemSummary,
} from '@/lib/problems/problemSchema'
import styles from './problemPicker.module.css'

/**
 * The problem bank as a searchable list: a search box, category and
 * difficulty chips (press again to clear), and the matching problems, each
 * with its difficulty. The first entry is always "Custom prompt" (value '').
 */
export function ProblemPicker({
  problems,
  value,
  onChange,
}: {
  problems: readonly ProblemSummary[]
  value: string
  onChange: (problemId: string) => void
}) {
  const [query, setQuery] = useState('')
  const [category, setCategory] = useState<ProblemCategory | null>(null)
  const [difficulty, setDifficulty] = useState<ProblemDifficulty | null>(null)
  const shown = useMemo(
    () => filterProblems(problems, { query, category, difficulty }),
    [problems, query, category, difficulty]
  )

  return (
    <div className={styles.picker}>
      <input
        type="search"
        className={styles.search}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder={`Search ${problems.length} problems`}
        aria-label="Search problems"
        data-testid="problem-search"
      />
      <div className={styles.chips} role="group" aria-label="Category">
        {problemCategories.map((c) => (
          <Chip key={c.id} pressed={category === c.id} onPress={() => setCategory(category === c.id ? null : c.id)}>
            {c.name}
          </Chip>
        ))}
      </div>
      <div className={styles.chips} role="group" aria-label="Difficulty">
        {problemDifficulties.map((d) => (
          <Chip key={d} pressed={difficulty === d} onPress={() => setDifficulty(difficulty === d ? null : d)}>
            {d}
          </Chip>
        ))}
      </div>
      <ul className={styles.list} aria-label="Problems" data-testid="problem-list">
        <li>
          <button
            type="button"
            className={styles.item}
            aria-pressed={value === ''}
            onClick={() => onChange('')}
            data-testid="problem-custom"
          >
            Custom prompt…
          </button>
        </li>
        {shown.map((p) => (
          <li key={p.id}>
            <button
              type="button"
              className={styles.item}
              aria-pressed={value === p.id}
              onClick={() => onChange(p.id)}
              data-testid={`problem-${p.id}`}
            >
              <span>{p.title}</span>
              <span className={styles.difficulty}>{p.difficulty}</span>
            </button>
          </li>
        ))}
        {shown.length === 0 && (
          <li className={styles.none}>No problem matches. Clear a chip or write a custom prompt.</li>
        )}
      </ul>
    </div>
  )
}

function Chip({ pressed, onPress, children }: { pressed: boolean; onPress: () => void; children: React.ReactNode }) {
  return (
    <button type="button" className={styles.chip} aria-pressed={pressed} onClick={onPress}>
      {children}
    </button>
  )
}
