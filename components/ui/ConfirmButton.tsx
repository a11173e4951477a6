'use client'

import { useState, type ReactNode } from 'react'
import { AlertDialog } from 'radix-ui'
import { ConfirmDialogBody } from './ConfirmDialogBody'

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
      <ConfirmDialogBody
        title={props.title}
        description={props.description}
        confirmLabel={props.confirmLabel}
        onConfirm={() => {
          setBusy(true)
          void Promise.resolve(props.onConfirm()).finally(() => setBusy(false))
        }}
      />
    </AlertDialog.Root>
  )
}
