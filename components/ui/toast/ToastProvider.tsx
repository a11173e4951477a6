'use client'

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react'
import { Toast } from 'radix-ui'
import styles from './toast.module.css'

/** One message to show for a moment: an action's outcome, or a failure with a way to try again. */
export interface ToastMessage {
  /** One line: what happened ("Link revoked"), or what failed ("Could not end the session"). */
  title: string
  /** More, when it helps: the server's reason, what to do next. */
  description?: string
  /** `error` stays until dismissed (or retried); `success` fades after a few seconds. */
  tone: 'success' | 'error'
  /** Offered as a "Try again" button on a failure. */
  retry?: () => void
}

interface ShownToast extends ToastMessage {
  id: number
}

const ToastContext = createContext<((message: ToastMessage) => void) | null>(null)

/** How long a success stays; failures stay until the user closes them or tries again. */
const SUCCESS_MS = 4_000
const ERROR_MS = 60 * 60 * 1_000

let nextId = 1

/**
 * The app's one place for transient feedback (Radix Toast: announced to
 * screen readers, swipe or Escape to dismiss, paused while hovered). Mounted
 * once in the root layout; components call {@link useToast}.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ShownToast[]>([])
  const show = useCallback((message: ToastMessage) => {
    const id = nextId++
    // A repeated message replaces its older copy instead of stacking.
    setToasts((all) => [...all.filter((t) => t.title !== message.title).slice(-2), { ...message, id }])
  }, [])
  const remove = (id: number) => setToasts((all) => all.filter((t) => t.id !== id))
  return (
    <ToastContext.Provider value={show}>
      {/* Swiped away towards the screen's left edge, the side the toasts sit on. */}
      <Toast.Provider swipeDirection="left" label="Notification">
        {children}
        {toasts.map((toast) => (
          <Toast.Root
            key={toast.id}
            className={styles.toast}
            data-tone={toast.tone}
            data-testid={`toast-${toast.tone}`}
            type={toast.tone === 'error' ? 'foreground' : 'background'}
            duration={toast.tone === 'error' ? ERROR_MS : SUCCESS_MS}
            onOpenChange={(open) => !open && remove(toast.id)}
          >
            <Toast.Title className={styles.title}>{toast.title}</Toast.Title>
            {toast.description && (
              <Toast.Description className={styles.description}>{toast.description}</Toast.Description>
            )}
            {toast.retry && (
              <Toast.Action altText="Try again" asChild>
                <button type="button" className={styles.retry} onClick={toast.retry} data-testid="toast-retry">
                  Try again
                </button>
              </Toast.Action>
            )}
            <Toast.Close className={styles.close} aria-label="Dismiss">
              ×
            </Toast.Close>
          </Toast.Root>
        ))}
        <Toast.Viewport className={styles.viewport} />
      </Toast.Provider>
    </ToastContext.Provider>
  )
}

/** Shows a toast. Outside a {@link ToastProvider} (unit tests) it does nothing. */
export function useToast(): (message: ToastMessage) => void {
  const show = useContext(ToastContext)
  return useMemo(() => show ?? (() => undefined), [show])
}
