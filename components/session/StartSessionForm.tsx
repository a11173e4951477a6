'use client'

import { useEffect, useId, useState, type FormEvent } from 'react'
import type { ProblemSummary } from '@/lib/problems/problemSchema'
import {
  PLAN_45,
  PLAN_60,
  PLAN_LLD,
  planMinutes,
  sessionLevels,
  type PlannedPhase,
  type SessionConfig,
} from '@/lib/session/sessionConfig'
import { planMismatch } from '@/lib/session/planForProblem'
import { sessionApi } from './sessionApi'
import { ProblemPicker } from './ProblemPicker'
import styles from './session.module.css'
import { requestedMode } from './requestedMode'

/** The phase plans offered: the seeds' 45-minute HLD split, its 60-minute variant, and the LLD plan. */
const PLAN_PRESETS = [
  { id: 'hld-45', label: '45 min', plan: PLAN_45 },
  { id: 'hld-60', label: '60 min', plan: PLAN_60 },
  { id: 'lld-45', label: 'LLD 45 min', plan: PLAN_LLD },
] as const

/**
 * The interviewer's "start a session" form: a problem from the bank
 * (searched, and filtered by category and difficulty chips) or a custom prompt, pair or solo, the
 * target level, 45 or 60 minutes, the minutes of each phase, and the
 * session's settings: templates for the candidate (pair), hints and showing
 * the whole problem at once (solo).
 */
export function StartSessionForm({ onStart }: { onStart: (config: SessionConfig) => void }) {
  const [problems, setProblems] = useState<ProblemSummary[]>([])
  const [problemId, setProblemId] = useState('')
  const [customPrompt, setCustomPrompt] = useState('')
  const [mode, setMode] = useState<SessionConfig['mode']>(requestedMode)
  const [level, setLevel] = useState<SessionConfig['level']>('senior')
  const [plan, setPlan] = useState<PlannedPhase[]>(PLAN_45)
  const [planPreset, setPlanPreset] = useState<(typeof PLAN_PRESETS)[number]['id']>('hld-45')
  const [templatesForCandidate, setTemplatesForCandidate] = useState(true)
  const [soloHints, setSoloHints] = useState(false)
  const [revealAll, setRevealAll] = useState(false)
  useEffect(() => void sessionApi.problems().then(setProblems, () => undefined), [])
  const chosen = problems.find((p) => p.id === problemId)
  const ready = !!problemId || customPrompt.trim().length >= 10
  const hintId = useId()

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const source = problemId ? { problemId } : { customPrompt: customPrompt.trim() }
    onStart({
      ...source,
      mode,
      level,
      plan,
      settings: { templatesForCandidate, soloHints },
      revealAll: mode === 'solo' && revealAll,
    })
  }
  const chooseProblem = (id: string) => {
    setProblemId(id)
    // A low-level design problem starts on the LLD plan (no estimation phase); others on the HLD one.
    const lld = problems.find((p) => p.id === id)?.category === 'lld'
    const preset = PLAN_PRESETS.find((p) => p.id === (lld ? 'lld-45' : 'hld-45'))!
    if (planPreset !== preset.id && (lld || planPreset === 'lld-45')) {
      setPlanPreset(preset.id)
      setPlan(preset.plan)
    }
  }
  const setMinutes = (index: number, minutes: number) =>
    setPlan((current) =>
      current.map((p, i) => (i === index ? { ...p, minutes: Math.max(1, Math.min(90, minutes || 1)) } : p))
    )

  return (
    <form className={styles.form} onSubmit={submit} data-testid="start-session-form">
      <h3>Start a session</h3>
      <ProblemPicker problems={problems} value={problemId} onChange={chooseProblem} />
      {chosen ? (
        <p className={styles.muted}>{chosen.prompt}</p>
      ) : (
        <textarea
          value={customPrompt}
          onChange={(e) => setCustomPrompt(e.target.value)}
          placeholder="Write your own prompt"
          aria-label="Custom prompt"
          rows={3}
        />
      )}
      <div className={styles.row}>
        <select
          value={mode}
          onChange={(e) => setMode(e.target.value as SessionConfig['mode'])}
          aria-label="Mode"
          data-testid="mode-select"
        >
          <option value="pair">Pair (interviewer + candidate)</option>
          <option value="solo">Solo practice</option>
        </select>
        <select value={level} onChange={(e) => setLevel(e.target.value as SessionConfig['level'])} aria-label="Level">
          {sessionLevels.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
      </div>
      {mode === 'pair' ? (
        <label className={styles.flag}>
          <input
            type="checkbox"
            checked={templatesForCandidate}
            onChange={(e) => setTemplatesForCandidate(e.target.checked)}
            data-testid="templates-for-candidate"
          />
          Candidate may use templates
        </label>
      ) : (
        <>
          <label className={styles.flag}>
            <input
              type="checkbox"
              checked={revealAll}
              onChange={(e) => setRevealAll(e.target.checked)}
              data-testid="reveal-all"
            />
            Show requirements and scale from the start (otherwise reveal them step by step)
          </label>
          <label className={styles.flag}>
            <input type="checkbox" checked={soloHints} onChange={(e) => setSoloHints(e.target.checked)} />
            Show hints while I practise
          </label>
        </>
      )}
      <div className={styles.row} role="radiogroup" aria-label="Plan">
        {PLAN_PRESETS.map((preset) => (
          <label key={preset.id}>
            <input
              type="radio"
              name="plan"
              checked={planPreset === preset.id}
              // A low-level design problem runs on the LLD plan only (the server refuses others).
              disabled={!!chosen && planMismatch(chosen.category, preset.plan) !== null}
              onChange={() => {
                setPlanPreset(preset.id)
                setPlan(preset.plan)
              }}
              data-testid={`plan-${preset.id}`}
            />{' '}
            {preset.label}
          </label>
        ))}
        <span className={styles.muted}>total {planMinutes(plan)} min (edit each phase below)</span>
      </div>
      <ol className={styles.phases}>
        {plan.map((phase, i) => (
          <li key={phase.id}>
            <span>{phase.label}</span>
            <input
              type="number"
              min={1}
              max={90}
              value={phase.minutes}
              onChange={(e) => setMinutes(i, Number(e.target.value))}
              aria-label={`${phase.label} minutes`}
            />
          </li>
        ))}
      </ol>
      <button
        type="submit"
        className={styles.primary}
        disabled={!ready}
        aria-describedby={ready ? undefined : hintId}
        data-testid="start-session"
      >
        Start
      </button>
      {/* Why Start is disabled, said next to it (and read with it). */}
      {!ready && (
        <p id={hintId} className={`${styles.muted} ${styles.hint}`} data-testid="start-session-hint">
          Choose a problem or write a prompt (10 characters or more) to start.
        </p>
      )}
    </form>
  )
}
