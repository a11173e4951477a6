import type { NoteRow } from './summaryData'
import card from '@/components/ui/card.module.css'
import styles from './summary.module.css'

/** Props of {@link NotesSection}. */
export interface NotesSectionProps {
  notes: NoteRow[]
  /** The room's replay page; each note's time links to its moment there. */
  replayHref: string
}

/** The interviewer's notes, stamped with the session clock; each time opens the replay at that moment. */
export function NotesSection({ notes, replayHref }: NotesSectionProps) {
  return (
    <section className={card.card} data-testid="notes">
      <h2>Notes</h2>
      {notes.length === 0 ? (
        <p className={card.muted}>No notes were taken.</p>
      ) : (
        <ul className={styles.notes}>
          {notes.map((note) => (
            <li key={note.id} data-testid="note">
              <a
                className={styles.clock}
                href={`${replayHref}?clock=${note.at}`}
                title="Watch this moment in the replay"
              >
                {note.clock}
              </a>
              <span>
                {note.text}
                {note.by && <span className={styles.noteBy}>{note.by}</span>}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
