'use client'

import { AlertDialog } from 'radix-ui'
import styles from './confirm.module.css'

/** Props of {@link ConfirmDialogBody}. */
export interface ConfirmDialogBodyProps {
  /** The question, e.g. "End the session?" */
  title: string
  /** What happens, in a sentence or two. */
  description: string
  /** The confirming button's text, e.g. "End session". */
  confirmLabel: string
  onConfirm: () => void
  /** Radix's focus hooks, for a dialog opened without its own trigger ({@link ConfirmDialog}). */
  onOpenAutoFocus?: (event: Event) => void
  onCloseAutoFocus?: (event: Event) => void
}

/**
 * The confirmation itself, inside an `AlertDialog.Root`: the overlay, the
 * question, Cancel (focused first, as Escape) and the confirming button. One
 * look and one behaviour for {@link ConfirmButton} and {@link ConfirmDialog}.
 */
export function ConfirmDialogBody(props: ConfirmDialogBodyProps) {
  return (
    <AlertDialog.Portal>
      <AlertDialog.Overlay className={styles.overlay} />
      <AlertDialog.Content
        className={styles.dialog}
        data-testid="confirm-dialog"
        onOpenAutoFocus={props.onOpenAutoFocus}
        onCloseAutoFocus={props.onCloseAutoFocus}
      >
        <AlertDialog.Title className={styles.title}>{props.title}</AlertDialog.Title>
        <AlertDialog.Description className={styles.description}>{props.description}</AlertDialog.Description>
        <div className={styles.actions}>
          <AlertDialog.Cancel asChild>
            <button type="button" className={styles.cancel}>
              Cancel
            </button>
          </AlertDialog.Cancel>
          <AlertDialog.Action asChild>
            <button type="button" className={styles.confirm} data-testid="confirm-action" onClick={props.onConfirm}>
              {props.confirmLabel}
            </button>
          </AlertDialog.Action>
        </div>
      </AlertDialog.Content>
    </AlertDialog.Portal>
  )
}
