// @vitest-environment jsdom
import { afterEach, describe, expect, test, vi } from 'vitest'
import { act, createElement } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { RenameBoardForm } from './RenameBoardForm'

// React warns unless it is told this environment runs act().
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

let root: Root | null = null
afterEach(() => {
  act(() => root?.unmount())
  root = null
  document.body.innerHTML = ''
})

function renderForm(currentName = 'System design') {
  const onSave = vi.fn()
  const onCancel = vi.fn()
  const container = document.body.appendChild(document.createElement('div'))
  root = createRoot(container)
  act(() => root!.render(createElement(RenameBoardForm, { currentName, onSave, onCancel })))
  const input = container.querySelector<HTMLInputElement>('[data-testid="rename-input"]')!
  const save = container.querySelector<HTMLButtonElement>('[data-testid="rename-save"]')!
  const form = container.querySelector('form')!
  return { container, input, save, form, onSave, onCancel }
}

/** Types into a controlled input the way the browser does (React listens for `input` with the native setter's value). */
function type(input: HTMLInputElement, value: string) {
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!
  act(() => {
    setValue.call(input, value)
    input.dispatchEvent(new Event('input', { bubbles: true }))
  })
}

function submit(form: HTMLFormElement) {
  act(() => {
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }))
  })
}

describe('RenameBoardForm', () => {
  test('a name of only spaces disables Save, says why next to the field, and is never sent', () => {
    const { container, input, save, form, onSave } = renderForm()
    type(input, '    ')
    expect(save.disabled).toBe(true)
    const message = container.querySelector('[data-testid="rename-error"]')!
    expect(message.textContent).toMatch(/cannot be blank/)
    expect(input.getAttribute('aria-invalid')).toBe('true')
    expect(input.getAttribute('aria-describedby')).toBe(message.id)
    // Enter (a submit) with the blank name does nothing.
    submit(form)
    expect(onSave).not.toHaveBeenCalled()
  })

  test('saves the trimmed name, and clears the message once the name is fixed', () => {
    const { container, input, save, form, onSave } = renderForm()
    type(input, '   ')
    type(input, '  Chat system  ')
    expect(save.disabled).toBe(false)
    expect(container.querySelector('[data-testid="rename-error"]')).toBeNull()
    submit(form)
    expect(onSave).toHaveBeenCalledWith('Chat system')
  })

  test('Escape cancels', () => {
    const { input, onCancel } = renderForm()
    act(() => {
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    })
    expect(onCancel).toHaveBeenCalled()
  })
})
