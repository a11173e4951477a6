// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { keepImagesLabelled } from './keepImagesLabelled'

/** Lets the MutationObserver's callback run (it is queued as a microtask). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('keepImagesLabelled', () => {
  it('labels an image already there and one added later', async () => {
    const container = document.createElement('div')
    container.appendChild(document.createElement('img'))
    const stop = keepImagesLabelled(container, 'The board')
    expect(container.querySelector('img')?.getAttribute('alt')).toBe('The board')

    const inner = document.createElement('div')
    inner.appendChild(document.createElement('img'))
    container.appendChild(inner)
    await settle()
    expect([...container.querySelectorAll('img')].map((img) => img.alt)).toEqual(['The board', 'The board'])
    stop()
  })

  it('stops labelling once stopped', async () => {
    const container = document.createElement('div')
    const stop = keepImagesLabelled(container, 'The board')
    stop()
    container.appendChild(document.createElement('img'))
    await settle()
    expect(container.querySelector('img')?.hasAttribute('alt')).toBe(false)
  })
})
