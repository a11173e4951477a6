// @vitest-environment jsdom
import { afterEach, describe, expect, test } from 'vitest'
import { act } from 'react'
import { cleanUp, renderForTest } from '../auth/renderForTest'
import { SKIP_TARGETS, SkipLinks } from './SkipLinks'

afterEach(cleanUp)

const sessionLink = () => document.querySelector(`a[href="#${SKIP_TARGETS.sessionPanel}"]`)

/** Lets the MutationObserver's callback and React's update run. */
const settle = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)))

describe('SkipLinks', () => {
  test('the session panel’s link waits until the panel is on the page', async () => {
    const board = renderForTest(SkipLinks, { sessionPanel: true })
    expect(sessionLink()).toBeNull()
    expect(document.querySelector(`a[href="#${SKIP_TARGETS.header}"]`)).not.toBeNull()

    // The panel arrives later (its own chunk), somewhere in the board.
    const panel = document.createElement('aside')
    panel.id = SKIP_TARGETS.sessionPanel
    await act(async () => {
      board.appendChild(document.createElement('div')).appendChild(panel)
    })
    await settle()
    expect(sessionLink()).not.toBeNull()
  })

  test('a panel already there is linked at once; no panel wanted, no link', async () => {
    const panel = document.body.appendChild(document.createElement('aside'))
    panel.id = SKIP_TARGETS.sessionPanel
    renderForTest(SkipLinks, { sessionPanel: true })
    await settle()
    expect(sessionLink()).not.toBeNull()
    cleanUp()

    document.body.appendChild(document.createElement('aside')).id = SKIP_TARGETS.sessionPanel
    renderForTest(SkipLinks, { sessionPanel: false })
    await settle()
    expect(sessionLink()).toBeNull()
  })
})
