'use client'

import { useRef } from 'react'
import { AlertDialog } from 'radix-ui'
import { ConfirmDialogBody, type ConfirmDialogBodyProps } from './ConfirmDialogBody'

/** Props of {@link ConfirmDialog}. */
export interface ConfirmDialogProps extends Omit<ConfirmDialogBodyProps, 'onOpenAutoFocus' | 'onCloseAutoFocus'> {
  /** Whether the dialog shows. */
  open: boolean
  /** Called with false when the user cancels (Cancel, Escape). */
  onOpenChange: (open: boolean) => void
}

/**
 * The app's confirmation ({@link ConfirmButton}'s dialog) opened by code
 * rather than by its own trigger button: for a form whose submit (Enter in a
 * field included) must ask first.
 */
export function ConfirmDialog({ open, onOpenChange, ...body }: ConfirmDialogProps) {
  // With no Radix trigger, Radix returns focus nowhere on close; put it back where it was when the dialog opened.
  const focusedBefore = useRef<HTMLElement | null>(null)
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      <ConfirmDialogBody
        {...body}
        onOpenAutoFocus={() => {
          focusedBefore.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
        }}
        onCloseAutoFocus={(event) => {
          if (!focusedBefore.current?.isConnected) return
          event.preventDefault()
          focusedBefore.current.focus()
        }}
      />
    </AlertDialog.Root>
  )
}
