import { describe, expect, it } from 'vitest'
import { radioKeyTarget } from './radioKeys'

describe('radioKeyTarget', () => {
  it('moves through the 1–4 scores as the WAI-ARIA radio pattern does, wrapping', () => {
    expect(radioKeyTarget('ArrowRight', 0, 4)).toBe(1)
    expect(radioKeyTarget('ArrowDown', 3, 4)).toBe(0)
    expect(radioKeyTarget('ArrowLeft', 0, 4)).toBe(3)
    expect(radioKeyTarget('ArrowUp', 2, 4)).toBe(1)
    expect(radioKeyTarget('Home', 2, 4)).toBe(0)
    expect(radioKeyTarget('End', 0, 4)).toBe(3)
    expect(radioKeyTarget('Tab', 0, 4)).toBeNull()
    expect(radioKeyTarget(' ', 0, 4)).toBeNull()
  })
})
