import { describe, expect, it } from 'vitest'
import { clusterBounds } from './clusters'

const box = (x: number, y: number) => ({ x, y, w: 10, h: 10 })

describe('clusterBounds', () => {
  it('unlinked rectangles stay apart', () => {
    expect(
      clusterBounds(
        new Map([
          ['a', box(0, 0)],
          ['b', box(100, 0)],
        ]),
        []
      )
    ).toEqual([box(0, 0), box(100, 0)])
  })

  it('links chain into one group, bounded together', () => {
    const rects = new Map([
      ['a', box(0, 0)],
      ['arrow', box(10, 0)],
      ['b', box(100, 50)],
      ['lone', box(500, 500)],
    ])
    const groups = clusterBounds(rects, [
      ['arrow', 'a'],
      ['arrow', 'b'],
    ])
    expect(groups).toEqual([{ x: 0, y: 0, w: 110, h: 60 }, box(500, 500)])
  })

  it('ignores links to ids it was not given', () => {
    expect(clusterBounds(new Map([['a', box(0, 0)]]), [['a', 'gone']])).toEqual([box(0, 0)])
  })
})
