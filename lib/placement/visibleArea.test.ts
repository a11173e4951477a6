import { describe, expect, it } from 'vitest'
import { unobstructedArea } from './visibleArea'

const viewport = { x: 0, y: 0, w: 800, h: 600 }

describe('unobstructedArea', () => {
  it('no overlays: the whole viewport', () => {
    expect(unobstructedArea(viewport, [])).toEqual(viewport)
  })

  it("takes tldraw's chrome off the cheapest edge: menu off the top, toolbar off the bottom, style panel off the right", () => {
    const menu = { x: 0, y: 0, w: 160, h: 48 }
    const toolbar = { x: 200, y: 540, w: 400, h: 60 }
    const stylePanel = { x: 650, y: 0, w: 150, h: 320 }
    expect(unobstructedArea(viewport, [menu, toolbar, stylePanel])).toEqual({ x: 0, y: 48, w: 650, h: 492 })
  })

  it('ignores overlays outside the viewport and clips those half in it', () => {
    const outside = { x: 900, y: 0, w: 100, h: 100 }
    const halfIn = { x: -100, y: 200, w: 140, h: 100 }
    expect(unobstructedArea(viewport, [outside, halfIn])).toEqual({ x: 40, y: 0, w: 760, h: 600 })
  })

  it('an overlay that would leave almost nothing is ignored', () => {
    expect(unobstructedArea(viewport, [{ x: 0, y: 0, w: 800, h: 500 }])).toEqual(viewport)
  })
})
