// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest'
import { act } from 'react'
import type { Editor } from 'tldraw'
import { byTestId, cleanUp, renderForTest } from '../auth/renderForTest'

const insertPattern = vi.hoisted(() => vi.fn())
vi.mock('./insertPattern', () => ({ insertPattern }))
const { PatternPalette } = await import('./PatternPalette')

beforeAll(() => localStorage.setItem('mockboard.palette.collapsed', '0'))
afterEach(cleanUp)

/** Enough of tldraw's editor for the palette: a focusable container standing in for the canvas. */
function fakeEditor() {
  const container = document.body.appendChild(document.createElement('div'))
  container.tabIndex = -1
  const editor = { getIsReadonly: () => false, getContainer: () => container, focus: vi.fn() }
  return { editor: editor as unknown as Editor, container }
}

/** Types into the (controlled) search box as the browser does. */
function type(input: HTMLInputElement, value: string) {
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!
  act(() => {
    setValue.call(input, value)
    input.dispatchEvent(new Event('input', { bubbles: true }))
  })
}

function press(element: Element, key: string) {
  act(() => {
    element.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))
  })
}

describe('PatternPalette search results', () => {
  test('each result is an option with nothing focusable or interactive nested in it', () => {
    renderForTest(PatternPalette, { editor: null })
    type(byTestId('palette-search') as HTMLInputElement, 'cache')
    const options = [...document.querySelectorAll('[role="listbox"] > *')]
    expect(options.length).toBeGreaterThan(1)
    for (const [i, option] of options.entries()) {
      expect(option.getAttribute('role')).toBe('option')
      expect(option.id).toBe(`palette-hit-${i}`)
      expect(option.hasAttribute('tabindex')).toBe(false)
      expect(option.querySelector('button, a, input, select, textarea, [tabindex], [role]')).toBeNull()
    }
    expect(options[0]!.getAttribute('aria-selected')).toBe('true')
  })

  test('Enter places the highlighted result, announces it and puts focus on the canvas, not the page', () => {
    const { editor, container } = fakeEditor()
    renderForTest(PatternPalette, { editor })
    const search = byTestId('palette-search') as HTMLInputElement
    act(() => search.focus())
    type(search, 'LB')
    const first = document.getElementById('palette-hit-0')!
    expect(search.getAttribute('aria-activedescendant')).toBe('palette-hit-0')
    press(search, 'Enter')
    expect(insertPattern).toHaveBeenCalledTimes(1)
    expect(document.activeElement).toBe(container)
    expect(editor.focus).toHaveBeenCalled()
    const status = byTestId('palette-announcement')!
    expect(status.getAttribute('role')).toBe('status')
    expect(status.textContent).toBe(`Inserted ${first.textContent}`)

    // The same block again is announced again (the text changes).
    act(() => search.focus())
    type(search, 'LB')
    press(search, 'Enter')
    expect(status.textContent?.trim()).toBe(`Inserted ${first.textContent}`)
    expect(status.textContent).not.toBe(`Inserted ${first.textContent}`)
  })

  test('a click on a result places it too', () => {
    const { editor } = fakeEditor()
    renderForTest(PatternPalette, { editor })
    type(byTestId('palette-search') as HTMLInputElement, 'kafka')
    act(() => document.getElementById('palette-hit-0')!.click())
    expect(insertPattern).toHaveBeenCalled()
  })
})
