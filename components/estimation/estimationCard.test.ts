// @vitest-environment jsdom
import { act, createElement } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { latencyRows } from '@/lib/facts/latencyNumbers'
import { throughputRules } from '@/lib/facts/throughputRules'
import { workedExamples } from '@/lib/facts/workedExamples'
import { EstimationCard } from './EstimationCard'
import { isEstimationKey } from './useEstimationShortcut'

/** A key event as `isEstimationKey` reads it. */
const key = (init: Partial<KeyboardEvent>, target: EventTarget | null = document.body) => ({
  key: 'E',
  code: 'KeyE',
  shiftKey: false,
  metaKey: false,
  ctrlKey: false,
  altKey: false,
  repeat: false,
  ...init,
  target,
})

describe('the estimation shortcut', () => {
  it('is Shift+E alone, outside text fields', () => {
    expect(isEstimationKey(key({ key: 'E', code: 'KeyE', shiftKey: true }))).toBe(true)
    expect(isEstimationKey(key({ key: 'e', code: 'KeyE' }))).toBe(false) // tldraw's eraser
    expect(isEstimationKey(key({ key: 'E', code: 'KeyE', shiftKey: true, ctrlKey: true }))).toBe(false)
    expect(isEstimationKey(key({ key: 'E', code: 'KeyE', shiftKey: true, repeat: true }))).toBe(false)
    expect(isEstimationKey(key({ key: 'E', code: 'KeyE', shiftKey: true }, document.createElement('input')))).toBe(
      false
    )
  })
})

describe('EstimationCard', () => {
  let root: Root | null = null
  let host: HTMLElement
  beforeAll(() => {
    // jsdom lacks what Radix's popper measures with.
    globalThis.ResizeObserver ??= class {
      observe() {}
      unobserve() {}
      disconnect() {}
    } as unknown as typeof ResizeObserver
  })
  afterEach(() => {
    act(() => root?.unmount())
    root = null
    host?.remove()
  })

  const press = () =>
    act(() => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'E', code: 'KeyE', shiftKey: true }))
    })
  const card = () => document.querySelector('[data-testid="estimation-card"]')

  it('Shift+E opens the card on the latency table from the fact base, and closes it again', () => {
    host = document.body.appendChild(document.createElement('div'))
    root = createRoot(host)
    act(() => root!.render(createElement(EstimationCard)))
    expect(document.querySelector('[data-testid="estimation-button"]')?.textContent).toBe('Numbers')
    expect(card()).toBeNull()

    press()
    expect(card()).not.toBeNull()
    const latency = document.querySelector('[data-testid="estimation-latency"]')!.textContent!
    for (const row of latencyRows) expect(latency).toContain(row.shown)

    press()
    expect(card()).toBeNull()
  })

  it('every tab shows its table', () => {
    host = document.body.appendChild(document.createElement('div'))
    root = createRoot(host)
    act(() => root!.render(createElement(EstimationCard)))
    press()
    const open = (id: string) =>
      act(() => {
        const tab = document.querySelector<HTMLElement>(`[data-testid="estimation-tab-${id}"]`)!
        // Radix tabs switch on mousedown (pointer) or focus; a click event alone does not.
        tab.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, button: 0 }))
        tab.focus()
      })
    open('nines')
    expect(document.querySelector('[data-testid="estimation-nines"]')?.textContent).toContain('8.77 h')
    open('powers')
    expect(document.querySelector('[data-testid="estimation-powers"]')?.textContent).toContain('1,048,576')
    open('throughput')
    const throughput = document.querySelector('[data-testid="estimation-throughput"]')!.textContent!
    for (const rule of throughputRules) expect(throughput).toContain(rule.rate)
    open('examples')
    const examples = document.querySelector('[data-testid="estimation-examples"]')!.textContent!
    for (const example of workedExamples) expect(examples).toContain(example.title)
    expect(examples).toContain('86,400')
  })
})
