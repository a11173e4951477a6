import { act, createElement, type FunctionComponent } from 'react'
import { createRoot, type Root } from 'react-dom/client'

// React warns unless it is told this environment runs act().
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

let mounted: Root | null = null

/** Renders a component into jsdom's body for a component test (one at a time); {@link cleanUp} after each test. */
export function renderForTest<P extends object>(component: FunctionComponent<P>, props: P): HTMLElement {
  const container = document.body.appendChild(document.createElement('div'))
  mounted = createRoot(container)
  act(() => mounted!.render(createElement(component, props)))
  return container
}

/** Unmounts what {@link renderForTest} rendered and empties the body (dialogs portal into it). */
export function cleanUp(): void {
  act(() => mounted?.unmount())
  mounted = null
  document.body.innerHTML = ''
}

/** Clicks an element and lets React and any awaited promise settle. */
export async function click(element: Element | null): Promise<void> {
  if (!element) throw new Error('nothing to click')
  await act(async () => {
    ;(element as HTMLElement).click()
    await Promise.resolve()
  })
}

/** The element with this `data-testid` anywhere in the document (portalled dialogs included), or null. */
export const byTestId = (id: string) => document.querySelector(`[data-testid="${id}"]`)
