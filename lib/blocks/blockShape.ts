import {
  DefaultColorStyle,
  createShapePropsMigrationSequence,
  type RecordProps,
  type TLDefaultColorStyle,
  type TLShape,
} from '@tldraw/tlschema'
import { T } from '@tldraw/validate'

/** The tldraw shape type of a palette block. Stored on boards: never rename. */
export const BLOCK_SHAPE_TYPE = 'block'

/** Props of a palette block on the canvas. */
export interface BlockShapeProps {
  w: number
  h: number
  /**
   * The catalog id of what this block is (`load-balancer`, `kafka-log`, …).
   * A plain string, not an enum: a board made by a newer release with blocks
   * this release does not know still loads, and shows them as generic blocks.
   */
  kind: string
  /** The user's name for this instance, e.g. "Timeline service". */
  label: string
  /** The number line under the label, e.g. "10K RPS" or "3 replicas". */
  annotation: string
  color: TLDefaultColorStyle
}

declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    block: BlockShapeProps
  }
}

/** A palette block shape record. */
export type TLBlockShape = TLShape<'block'>

/** Validators for every block prop: remote records that fail them are skipped by the binding. */
export const blockShapeProps: RecordProps<TLBlockShape> = {
  w: T.nonZeroNumber,
  h: T.nonZeroNumber,
  kind: T.string,
  label: T.string,
  annotation: T.string,
  color: DefaultColorStyle,
}

/**
 * Migrations of block props. Empty at version 1; when a prop changes, add a
 * step here (tldraw runs them on load and in the binding's schema gating), so
 * old boards keep opening. See the tldraw "shape props migrations" guide.
 */
export const blockShapeMigrations = createShapePropsMigrationSequence({ sequence: [] })

/** Default size of a new block, in page units. */
export const BLOCK_SIZE = { w: 200, h: 76 } as const
