'use client'

import { useId, useState } from 'react'
import { MAX_BOARD_NAME, checkBoardName } from './boardName'
import styles from './boards.module.css'

/** Props of {@link RenameBoardForm}. */
export interface RenameBoardFormProps {
  /** The board's name now: the field starts with it. */
  currentName: string
  /** Saves a checked, trimmed name. */
  onSave: (name: string) => void
  onCancel: () => void
}

/**
 * The inline rename field of a row in My boards. A name the server would
 * refuse (blank once trimmed) is never sent: the field says why under it and
 * Save is disabled, which also makes Enter do nothing (no implicit submit
 * through a disabled button); Escape cancels.
 */
export function RenameBoardForm({ currentName, onSave, onCancel }: RenameBoardFormProps) {
  const [typed, setTyped] = useState(currentName)
  const check = checkBoardName(typed)
  const messageId = useId()
  return (
    <form
      className={styles.rename}
      onSubmit={(event) => {
        event.preventDefault()
        // Enter with Save disabled does not submit, but a check here keeps that a guarantee, not a browser habit.
        if (check.ok) onSave(check.name)
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel()
      }}
    >
      <span className={styles.renameRow}>
        <input
          name="name"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          maxLength={MAX_BOARD_NAME}
          aria-label="Board name"
          aria-invalid={!check.ok}
          aria-describedby={check.ok ? undefined : messageId}
          autoFocus
          data-testid="rename-input"
        />
        <button type="submit" disabled={!check.ok} data-testid="rename-save">
          Save
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </span>
      {!check.ok && (
        <span id={messageId} className={styles.error} role="alert" data-testid="rename-error">
          {check.message}
        </span>
      )}
    </form>
  )
}
