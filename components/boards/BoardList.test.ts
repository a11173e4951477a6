// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { act } from 'react'
import type { BoardListItem } from '@/lib/session/sessionView'
import { byTestId, cleanUp, click, renderForTest } from '../auth/renderForTest'

const fetchJson = vi.hoisted(() => vi.fn())
vi.mock('@/lib/http/fetchJson', () => ({ fetchJson }))
vi.mock('next/navigation', () => ({ useRouter: () => ({ push: vi.fn() }) }))
// The toasts are not under test: run the action and report how it went.
vi.mock('../ui/toast/useToastedAction', () => ({
  useToastedAction: () => (action: () => Promise<unknown>) =>
    action().then(
      () => true,
      () => false
    ),
}))
const { BoardList } = await import('./BoardList')

const board = (roomId: string, name: string): BoardListItem => ({
  roomId,
  name,
  isOwner: true,
  role: 'interviewer',
  createdAt: 0,
  lastActivityAt: 0,
})

/** A control of one board's row. */
const inRow = (roomId: string, testId: string) =>
  document.querySelector<HTMLElement>(`[data-room-id="${roomId}"] [data-testid="${testId}"]`)

/** Lets awaited requests, React and Radix's deferred focus return (a timer) settle. */
const settle = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 20)))

function press(element: Element, key: string) {
  act(() => {
    element.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))
  })
}

beforeEach(() => {
  fetchJson.mockReset()
  fetchJson.mockResolvedValue({})
})
afterEach(cleanUp)

describe('BoardList keeps keyboard focus when a control goes away', () => {
  test('Escape in the rename field cancels and returns focus to the row’s Rename button', async () => {
    renderForTest(BoardList, { boards: [board('a', 'Alpha'), board('b', 'Beta')] })
    await click(inRow('b', 'rename-board'))
    const input = byTestId('rename-input') as HTMLInputElement
    expect(document.activeElement).toBe(input)
    press(input, 'Escape')
    expect(byTestId('rename-input')).toBeNull()
    expect(document.activeElement).toBe(inRow('b', 'rename-board'))
  })

  test('saving a rename with Enter (a submit) returns focus to the row’s Rename button', async () => {
    renderForTest(BoardList, { boards: [board('a', 'Alpha'), board('b', 'Beta')] })
    await click(inRow('a', 'rename-board'))
    const form = (byTestId('rename-input') as HTMLInputElement).form!
    await act(async () => {
      form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }))
    })
    await settle()
    expect(fetchJson).toHaveBeenCalledWith('/api/rooms/a', { method: 'PATCH', body: { name: 'Alpha' } })
    expect(byTestId('rename-input')).toBeNull()
    expect(document.activeElement).toBe(inRow('a', 'rename-board'))
  })

  test('deleting a board moves focus to the next board, the one before when it was last, then the empty line', async () => {
    renderForTest(BoardList, { boards: [board('a', 'Alpha'), board('b', 'Beta'), board('c', 'Gamma')] })
    const remove = async (roomId: string) => {
      inRow(roomId, 'delete-board')!.focus()
      await click(inRow(roomId, 'delete-board'))
      await click(byTestId('confirm-action'))
      await settle()
    }
    await remove('b')
    expect(inRow('b', 'board-link')).toBeNull()
    expect(document.activeElement).toBe(inRow('c', 'board-link'))
    await remove('c')
    expect(document.activeElement).toBe(inRow('a', 'board-link'))
    await remove('a')
    expect(document.activeElement).toBe(byTestId('no-boards'))
  })
})
