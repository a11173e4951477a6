import type { Problem, PublicProblem } from '@/lib/problems/problemSchema'
import type { PhaseGuide } from '@/lib/session/phaseSchema'
import { REVEAL_PARTS, type RevealPart } from '@/lib/session/sessionRecord'
import styles from './session.module.css'

const PART_TITLES: Record<RevealPart, string> = {
  functional: 'Functional requirements',
  nonFunctional: 'Non-functional requirements',
  scale: 'Scale',
}

function List({ title, items, testId }: { title: string; items: readonly string[]; testId?: string }) {
  return (
    <section data-testid={testId}>
      <h4>{title}</h4>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </section>
  )
}

/** Props of {@link ProblemCard}. */
export interface ProblemCardProps {
  problem: Problem | PublicProblem | null
  customPrompt?: string | null
  guide: PhaseGuide | undefined
  /** Parts of the problem the candidate has been shown. */
  revealed: readonly RevealPart[]
  /** Shows the reveal buttons (the interviewer, or a solo user, while the session runs). */
  onReveal?: (parts: RevealPart[]) => void
  /** The viewer's partner is told about each part; a solo user reveals for themself. */
  solo: boolean
  /** The viewer watches (an observer): hidden parts are the interviewer's to reveal to the candidate, not theirs to ask for. */
  observing?: boolean
}

/**
 * The problem as the viewer may see it. The candidate first gets the prompt
 * only; requirements and scale appear as the interviewer reveals them (the
 * server sends their text only then). The interviewer sees everything, which
 * part the candidate has, and a Reveal button for the rest; follow-ups and
 * hints when the server sent them.
 */
export function ProblemCard({
  problem,
  customPrompt,
  guide,
  revealed,
  onReveal,
  solo,
  observing = false,
}: ProblemCardProps) {
  const hidden = REVEAL_PARTS.filter((p) => !revealed.includes(p))
  const unrevealedNote = solo
    ? 'hidden until you reveal them.'
    : observing
      ? 'not revealed to the candidate yet.'
      : 'ask the interviewer.'
  return (
    <div className={styles.card} data-testid="problem-card">
      {guide && (
        <section className={styles.guide} data-testid="phase-guide">
          <h3>Now: {guide.label}</h3>
          <p>{guide.goal}</p>
          <ul>
            {guide.prompts.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </section>
      )}
      <h3>{problem?.title ?? 'Custom prompt'}</h3>
      <p>{problem?.prompt ?? customPrompt}</p>
      {problem &&
        REVEAL_PARTS.map((part) => {
          const items = problem[part]
          const shown = revealed.includes(part)
          if (items.length === 0) {
            return (
              <p key={part} className={styles.muted} data-testid={`unrevealed-${part}`}>
                {PART_TITLES[part]}: {unrevealedNote}
                {onReveal && solo && (
                  <button type="button" className={styles.linkButton} onClick={() => onReveal([part])}>
                    Reveal
                  </button>
                )}
              </p>
            )
          }
          return (
            <div key={part} data-revealed={shown || undefined} data-testid={`part-${part}`}>
              <List title={PART_TITLES[part]} items={items} />
              {onReveal && !shown && (
                <button
                  type="button"
                  className={styles.linkButton}
                  onClick={() => onReveal([part])}
                  data-testid={`reveal-${part}`}
                >
                  Reveal to the candidate
                </button>
              )}
            </div>
          )
        })}
      {problem && onReveal && hidden.length > 1 && (
        <button type="button" className={styles.secondary} onClick={() => onReveal(hidden)} data-testid="reveal-all">
          Reveal all
        </button>
      )}
      {problem && 'followUps' in problem && problem.followUps.length > 0 && (
        <List title="Follow-up questions (interviewer)" items={problem.followUps} testId="follow-ups" />
      )}
      {problem && 'hints' in problem && problem.hints.length > 0 && (
        <List title={solo ? 'Hints' : 'Hints (interviewer)'} items={problem.hints} testId="hints" />
      )}
    </div>
  )
}
