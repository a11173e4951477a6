'use client'

import type { Editor, TLShapeId } from 'tldraw'
import type { Problem, PublicProblem } from '@/lib/problems/problemSchema'
import { reviewBoard } from '@/lib/review/reviewBoard'
import type { Finding } from '@/lib/review/finding'
import { useBoardGraph } from './useBoardGraph'
import styles from './review.module.css'

/**
 * The design review of the board as it is now: findings, most severe first.
 * Clicking one selects the shapes involved and zooms to them. Computed here,
 * in this browser; nothing is sent anywhere, so the candidate never sees it.
 */
export function ReviewPanel({ editor, problem }: { editor: Editor | null; problem: Problem | PublicProblem | null }) {
  const graph = useBoardGraph(editor)
  const findings = reviewBoard({ graph, problem })
  const show = (finding: Finding) => {
    if (!editor) return
    const ids = finding.shapeIds.filter((id) => editor.getShape(id as TLShapeId)) as TLShapeId[]
    if (!ids.length) return
    editor.select(...ids)
    editor.zoomToSelection({ animation: { duration: 200 } })
  }
  if (graph.nodes.length === 0) {
    return <p className={styles.empty}>Place some blocks from the palette: the review reads typed blocks and arrows.</p>
  }
  if (findings.length === 0) {
    return (
      <p className={styles.empty} data-testid="review-clean">
        Nothing to point out: no single points of failure, every arrow labelled.
      </p>
    )
  }
  return (
    <ol className={styles.findings} data-testid="review-findings">
      {findings.map((finding) => (
        <li key={finding.id}>
          <button
            type="button"
            className={styles.finding}
            data-severity={finding.severity}
            data-check={finding.check}
            data-testid="review-finding"
            onClick={() => show(finding)}
            disabled={finding.shapeIds.length === 0}
          >
            <span className={styles.severity}>{finding.severity}</span>
            <strong>{finding.title}</strong>
            <span className={styles.explanation}>{finding.explanation}</span>
          </button>
        </li>
      ))}
    </ol>
  )
}
