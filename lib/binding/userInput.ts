/** How long after the last pointer move, wheel or key press the user still counts as busy. */
export const QUIET_MS = 200

/** How long after the last input the user still counts as present (see {@link UserInput.present}). */
export const PRESENT_MS = 2_000

interface InputPendingScheduling {
  isInputPending?: (options?: { includeContinuous?: boolean }) => boolean
}

/** Whether the user is interacting with the page now; see {@link watchUserInput}. */
export interface UserInput {
  /** True while a pointer is pressed, input waits to be handled, or input came in the last {@link QUIET_MS}. */
  busy(): boolean
  /**
   * True while a pointer is pressed or input came in the last {@link PRESENT_MS}:
   * the user is at the page and may act any moment (more input is likely soon).
   */
  present(): boolean
  /** Removes the listeners. */
  dispose(): void
}

/**
 * Watches `target` (the window) for the user's input, so background work can
 * step aside while they press, drag, scroll, type or move the pointer.
 * Listeners are passive and capture-phase: they see every event first and
 * never delay it. Where Chromium has `navigator.scheduling.isInputPending`,
 * input already queued but not yet dispatched counts too.
 */
export function watchUserInput(target: Window): UserInput {
  let pressed = false
  let lastInput = Number.NEGATIVE_INFINITY
  const touched = () => {
    lastInput = performance.now()
  }
  const down = () => {
    pressed = true
    touched()
  }
  const up = () => {
    pressed = false
    touched()
  }
  const listeners: [string, () => void][] = [
    ['pointerdown', down],
    ['pointerup', up],
    ['pointercancel', up],
    ['blur', up],
    ['pointermove', touched],
    ['wheel', touched],
    ['keydown', touched],
  ]
  for (const [type, listener] of listeners) target.addEventListener(type, listener, { capture: true, passive: true })
  const scheduling = (target.navigator as { scheduling?: InputPendingScheduling } | undefined)?.scheduling
  return {
    busy: () =>
      pressed ||
      performance.now() - lastInput < QUIET_MS ||
      scheduling?.isInputPending?.({ includeContinuous: true }) === true,
    present: () => pressed || performance.now() - lastInput < PRESENT_MS,
    dispose: () => {
      for (const [type, listener] of listeners) target.removeEventListener(type, listener, { capture: true })
    },
  }
}
