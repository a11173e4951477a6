import type { NoteRow } from './summaryData'
import styles from './summary.module.css'

/** Props of {@link NotesSection}. */
export interface NotesSectionProps {
  notes: NoteRow[]
}

/** The interviewer's notes, stamped with the session clock. */
export function NotesSection({ notes }: NotesSectionProps) {
  return (
    <section className={styles.card} data-testid="notes">
      <h2>Notes</h2>
      {notes.length === 0 ? (
        <p className={styles.muted}>No notes were taken.</p>
      ) : (
        <ul className={styles.notes}>
          {notes.map((note) => (
            <li key={note.id} data-testid="note">
              <span className={styles.clock}>{note.clock}</span>
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
