// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { byTestId, cleanUp, click, renderForTest } from './renderForTest'

const nextAuth = vi.hoisted(() => ({ getSession: vi.fn(), signOut: vi.fn(), signIn: vi.fn() }))
vi.mock('next-auth/react', () => nextAuth)
const { SignOutButton } = await import('./SignOutButton')

beforeEach(() => vi.clearAllMocks())
afterEach(cleanUp)

describe('SignOutButton', () => {
  test('a guest is asked first, told they cannot come back, and signed out only on confirming', async () => {
    nextAuth.getSession.mockResolvedValue({ user: { id: 'guest:abc', name: 'Ann' }, expires: '' })
    renderForTest(SignOutButton, {})
    await click(byTestId('sign-out'))
    const dialog = byTestId('confirm-dialog')
    expect(dialog?.getAttribute('role')).toBe('alertdialog')
    expect(dialog?.textContent).toContain('“Ann”')
    expect(dialog?.textContent).toMatch(/cannot sign back in/)
    expect(nextAuth.signOut).not.toHaveBeenCalled()
    await click(byTestId('confirm-action'))
    expect(nextAuth.signOut).toHaveBeenCalledWith({ callbackUrl: '/' })
  })

  test('Cancel keeps the guest signed in, focus back on Sign out', async () => {
    nextAuth.getSession.mockResolvedValue({ user: { id: 'guest:abc', name: 'Ann' }, expires: '' })
    renderForTest(SignOutButton, {})
    ;(byTestId('sign-out') as HTMLElement).focus()
    await click(byTestId('sign-out'))
    await click([...document.querySelectorAll('button')].find((b) => b.textContent === 'Cancel') ?? null)
    expect(byTestId('confirm-dialog')).toBeNull()
    expect(nextAuth.signOut).not.toHaveBeenCalled()
    // Focus goes back to the button, not to the page's start (the dialog has no Radix trigger to return to).
    expect(document.activeElement).toBe(byTestId('sign-out'))
  })

  test('an OAuth account signs out at once, with no warning', async () => {
    nextAuth.getSession.mockResolvedValue({ user: { id: 'github:42', name: 'Bo' }, expires: '' })
    renderForTest(SignOutButton, {})
    await click(byTestId('sign-out'))
    expect(byTestId('confirm-dialog')).toBeNull()
    expect(nextAuth.signOut).toHaveBeenCalledWith({ callbackUrl: '/' })
  })

  test('when the session cannot be read, it asks rather than risk a guest', async () => {
    nextAuth.getSession.mockRejectedValue(new TypeError('Failed to fetch'))
    renderForTest(SignOutButton, {})
    await click(byTestId('sign-out'))
    expect(byTestId('confirm-dialog')).not.toBeNull()
    expect(nextAuth.signOut).not.toHaveBeenCalled()
  })
})
