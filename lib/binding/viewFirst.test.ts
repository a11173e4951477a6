import { describe, expect, test } from 'vitest'
import { createShapeId, type TLRecord } from '@tldraw/tlschema'
import { getIndicesAbove } from '@tldraw/utils'
import { createBoardSchema } from '../board/boardSchema'
import { FIRST_PAGE_ID } from './seedBoardDoc'
import { planViewFirst } from './viewFirst'

const schema = createBoardSchema()
const VIEW = { x: 0, y: 0, w: 1000, h: 800 }

/** The first page and 100×80 boxes on it at `spots`, stacked in the order given (the first at the bottom). */
function boxes(spots: [string, number, number][]): TLRecord[] {
  const indices = getIndicesAbove(null, spots.length)
  const page = schema.types.page.create({ id: FIRST_PAGE_ID, name: 'Page 1', index: indices[0]! })
  return [page as TLRecord].concat(
    spots.map(([name, x, y], i) =>
      schema.types.shape.create({
        id: createShapeId(name),
        type: 'geo',
        parentId: FIRST_PAGE_ID,
        index: indices[i]!,
        x,
        y,
        props: { w: 100, h: 80 },
      })
    )
  )
}

describe('planViewFirst', () => {
  test('loads what the screen shows and a rim around it first', () => {
    const plan = planViewFirst(
      boxes([
        ['on', 500, 400],
        ['rim', 1050, 400],
        ['beyond', 1300, 400],
      ]),
      VIEW
    )
    expect(plan.first).toEqual([FIRST_PAGE_ID, createShapeId('on'), createShapeId('rim')])
    expect(plan.rest).toEqual([createShapeId('beyond')])
  })

  test('streams the rest bottom of the stack first, wherever it lies, so each chunk lands on top', () => {
    const plan = planViewFirst(
      boxes([
        ['bottom', 9_000, 9_000],
        ['view', 0, 0],
        ['middle', 3_000, 0],
        ['top', 1_500, 0],
      ]),
      VIEW
    )
    expect(plan.rest).toEqual(['bottom', 'middle', 'top'].map((name) => createShapeId(name)))
  })
})
