'use client'

import { useCallback } from 'react'
import { useToast } from './ToastProvider'

/** What to say about an action: `done` on success (omit for none), `failed` as the failure's title. */
export interface ActionMessages {
  done?: string
  failed: string
}

/**
 * A failed action in plain language: the server's own message when it
 * answered (the API writes them for people), or, when it could not be
 * reached, that nothing was changed and to try again once connected.
 */
export function actionErrorMessage(error: unknown): string {
  const message = (error as Error)?.message ?? String(error)
  if (error instanceof TypeError || /failed to fetch|networkerror|load failed/i.test(message)) {
    return 'Could not reach the server, so nothing changed. Try again once the board shows Connected.'
  }
  return message
}

/**
 * Runs user actions with feedback: a success toast naming what happened, or
 * a failure toast with the reason and a "Try again" that runs the action
 * again. The returned runner never rejects, so it is safe in event handlers.
 *
 * @example
 * ```ts
 * const run = useToastedAction()
 * onClick={() => run(() => revoke('candidate'), { done: 'New candidate link made', failed: 'Could not revoke the link' })}
 * ```
 */
export function useToastedAction(): (action: () => Promise<unknown>, messages: ActionMessages) => Promise<boolean> {
  const toast = useToast()
  return useCallback(
    function attempt(action: () => Promise<unknown>, messages: ActionMessages): Promise<boolean> {
      return action().then(
        () => {
          if (messages.done) toast({ tone: 'success', title: messages.done })
          return true
        },
        (error: unknown) => {
          toast({
            tone: 'error',
            title: messages.failed,
            description: actionErrorMessage(error),
            retry: () => void attempt(action, messages),
          })
          return false
        }
      )
    },
    [toast]
  )
}
