import { describe, expect, it } from 'vitest'
import { colorFor } from '@/lib/presence/participantColor'
import { colorToWear, distinctColor } from './userLook'

describe('distinctColor', () => {
  const own = colorFor('guest:ada')

  it('keeps my colour when nobody else wears it', () => {
    expect(distinctColor(own, [])).toBe(own)
    expect(distinctColor(own, ['#000000'])).toBe(own)
  })

  it('moves to the next free colour when someone else wears mine', () => {
    const next = distinctColor(own, [own])
    expect(next).not.toBe(own)
    expect(distinctColor(own, [own.toLowerCase(), next])).not.toBe(next)
  })
})

describe('colorToWear', () => {
  const red = '#F2555A'

  it('the later of two who collide moves; the earlier keeps the colour', () => {
    const ada = { id: 'user:guest_ada', color: red }
    const bob = { id: 'user:guest_bob', color: red }
    expect(colorToWear(ada, [ada, bob])).toBe(red)
    const bobs = colorToWear(bob, [ada, bob])
    expect(bobs).not.toBe(red)
    // …and Bob's new colour is nobody else's either.
    const cid = { id: 'user:guest_cid', color: bobs }
    expect(colorToWear(bob, [ada, bob, cid])).not.toBe(bobs)
  })
})
