/**
 * The records of a typical interview board, as the issue describes one: 60
 * palette blocks in a grid, 70 labelled arrows each bound to a block at both
 * ends, and 20 text notes under them. Every record is checked against the
 * board's schema, so the app and a bare tldraw both accept it.
 */
import { createBindingId, createShapeId, toRichText, type TLRecord, type TLShape } from '@tldraw/tlschema'
import { getIndicesAbove } from '@tldraw/utils'
import { createBoardSchema } from '@/lib/board/boardSchema'
import { FIRST_PAGE_ID } from '@/lib/binding/seedBoardDoc'

const schema = createBoardSchema()
const COLUMNS = 10
const ROWS = 6
const STEP = { x: 300, y: 200 }
const BLOCK = { w: 200, h: 76 }
const KINDS = ['load-balancer', 'api-gateway', 'stateless-service', 'distributed-cache', 'sql-database', 'kafka-log']
const PROTOCOLS = ['HTTP', 'gRPC', 'Kafka', 'WebSocket', 'SQL']

/** The id of the block the benchmark drags (top-left, in view at the default camera). */
export const TYPICAL_DRAG_TARGET = createShapeId('typical-block-0')

/** Shapes of {@link typicalBoard}: 60 blocks, 70 arrows, 20 notes. */
export const TYPICAL_SHAPES = COLUMNS * ROWS + 70 + 20

type Base = Pick<TLShape, 'rotation' | 'isLocked' | 'opacity' | 'meta'>
const base: Base = { rotation: 0, isLocked: false, opacity: 1, meta: {} }

/** 150 shapes and 140 arrow bindings, valid for the board's schema. */
export function typicalBoard(): TLRecord[] {
  const indices = getIndicesAbove(null, TYPICAL_SHAPES)
  const records: TLRecord[] = []
  let shapes = 0
  const shape = (record: Record<string, unknown>): TLShape => {
    const index = indices[shapes++]
    const created = schema.types.shape.create({ ...base, parentId: FIRST_PAGE_ID, index, ...record } as never)
    schema.types.shape.validate(created)
    records.push(created)
    return created as TLShape
  }
  const blocks = Array.from({ length: COLUMNS * ROWS }, (_, i) =>
    shape({
      id: createShapeId(`typical-block-${i}`),
      type: 'block',
      x: (i % COLUMNS) * STEP.x + 100,
      y: Math.floor(i / COLUMNS) * STEP.y + 100,
      props: { ...BLOCK, kind: KINDS[i % KINDS.length], label: `Service ${i}`, annotation: '10K RPS', color: 'black' },
    })
  )
  // 54 arrows along the rows and 16 down the columns.
  const pairs: [number, number][] = []
  for (let i = 0; i < blocks.length; i++) if (i % COLUMNS < COLUMNS - 1) pairs.push([i, i + 1])
  for (let i = 0; i < 16; i++) pairs.push([i, i + COLUMNS])
  for (const [n, [from, to]] of pairs.entries()) {
    const start = { x: blocks[from]!.x + BLOCK.w / 2, y: blocks[from]!.y + BLOCK.h / 2 }
    const arrow = shape({
      id: createShapeId(`typical-arrow-${n}`),
      type: 'arrow',
      ...start,
      props: {
        kind: 'arc',
        labelColor: 'black',
        color: 'black',
        fill: 'none',
        dash: 'solid',
        size: 's',
        arrowheadStart: 'none',
        arrowheadEnd: 'arrow',
        font: 'sans',
        start: { x: 0, y: 0 },
        end: { x: blocks[to]!.x - blocks[from]!.x, y: blocks[to]!.y - blocks[from]!.y },
        bend: 0,
        richText: toRichText(PROTOCOLS[n % PROTOCOLS.length]!),
        labelPosition: 0.5,
        scale: 1,
        elbowMidPoint: 0.5,
      },
    })
    records.push(binding(arrow.id, blocks[from]!.id, 'start'), binding(arrow.id, blocks[to]!.id, 'end'))
  }
  for (let i = 0; i < 20; i++) {
    shape({
      id: createShapeId(`typical-note-${i}`),
      type: 'text',
      x: (i % COLUMNS) * STEP.x + 100,
      y: ROWS * STEP.y + 100 + Math.floor(i / COLUMNS) * 80,
      props: {
        color: 'black',
        size: 's',
        font: 'sans',
        textAlign: 'start',
        w: 240,
        richText: toRichText(`Note ${i}: 100M DAU, p99 < 200 ms`),
        scale: 1,
        autoSize: true,
      },
    })
  }
  return records
}

function binding(fromId: string, toId: string, terminal: 'start' | 'end'): TLRecord {
  const record = schema.types.binding.create({
    id: createBindingId(`${fromId.slice('shape:'.length)}-${terminal}`),
    type: 'arrow',
    fromId: fromId as never,
    toId: toId as never,
    props: { terminal, normalizedAnchor: { x: 0.5, y: 0.5 }, isExact: false, isPrecise: false, snap: 'none' },
  } as never)
  return schema.types.binding.validate(record)
}
