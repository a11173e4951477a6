import type { Problem, PublicProblem } from '@/lib/problems/problemSchema'
import type { PhaseGuide } from '@/lib/session/phaseSchema'
import styles from './session.module.css'

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

/**
 * The problem as the viewer may see it: prompt, requirements and scale for
 * everyone; follow-ups and hints when `showInterviewerNotes` (the server only
 * sends them to interviewers anyway).
 */
export function ProblemCard({
  problem,
  customPrompt,
  guide,
  showInterviewerNotes,
}: {
  problem: Problem | PublicProblem | null
  customPrompt?: string
  guide: PhaseGuide | undefined
  showInterviewerNotes: boolean
}) {
  return (
    <div className={styles.card} data-testid="problem-card">
      {guide && (
        <section className={styles.guide} data-testid="phase-guide">
          <h4>Now: {guide.label}</h4>
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
      {problem && (
        <>
          <List title="Functional requirements" items={problem.functional} />
          <List title="Non-functional requirements" items={problem.nonFunctional} />
          <List title="Scale" items={problem.scale} />
        </>
      )}
      {showInterviewerNotes && problem && 'followUps' in problem && (
        <>
          <List title="Follow-up questions (interviewer)" items={problem.followUps} testId="follow-ups" />
          <List title="Hints (interviewer)" items={problem.hints} />
        </>
      )}
    </div>
  )
}
