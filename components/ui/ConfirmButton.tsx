'use client'

import { useState, type ReactNode } from 'react'
import { AlertDialog } from 'radix-ui'
import styles from './confirm.module.css'

/** Props of {@link ConfirmButton}. */
export interface ConfirmButtonProps {
  /** What the trigger button shows. */
  children: ReactNode
  /** The question, e.g. "End the session?" */
  title: string
  /** What happens, in a sentence or two. */
  description: string
  /** The confirming button's text, e.g. "End session". */
  confirmLabel: string
  onConfirm: () => unknown
  className?: string
  buttonTitle?: string
  testId?: string
  disabled?: boolean
}

/**
 * A button for an action that cannot be taken back (end a session, swap
 * roles, remove a member, delete a board): it asks first, in an accessible
 * Radix alert dialog (focus trapped, Escape cancels, Cancel focused first).
 */
export function ConfirmButton(props: ConfirmButtonProps) {
  const [busy, setBusy] = useState(false)
  return (
    <AlertDialog.Root>
      <AlertDialog.Trigger asChild>
        <button
          type="button"
          className={props.className}
          title={props.buttonTitle}
          data-testid={props.testId}
          disabled={props.disabled || busy}
        >
          {props.children}
        </button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className={styles.overlay} />
        <AlertDialog.Content className={styles.dialog} data-testid="confirm-dialog">
          <AlertDialog.Title className={styles.title}>{props.title}</AlertDialog.Title>
          <AlertDialog.Description className={styles.description}>{props.description}</AlertDialog.Description>
          <div className={styles.actions}>
            <AlertDialog.Cancel asChild>
              <button type="button" className={styles.cancel}>
                Cancel
              </button>
            </AlertDialog.Cancel>
            <AlertDialog.Action asChild>
              <button
                type="button"
                className={styles.confirm}
                data-testid="confirm-action"
                onClick={() => {
                  setBusy(true)
                  void Promise.resolve(props.onConfirm()).finally(() => setBusy(false))
                }}
              >
                {props.confirmLabel}
              </button>
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  )
}
