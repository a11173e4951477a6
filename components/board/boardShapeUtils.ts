import { BlockShapeUtil } from '../blocks/BlockShapeUtil'
import { BatchedGeoShapeUtil } from './labels/BatchedGeoShapeUtil'

/**
 * Shape utils a board adds to tldraw's defaults. Their props and migrations
 * must also be in `createBoardSchema()` (lib/board), which the store and the
 * server use. A module constant, because tldraw remounts when it changes.
 */
export const boardShapeTypes = [BlockShapeUtil]

/**
 * What every board canvas (live, replay, summary image) passes to tldraw:
 * the board's shape types, and tldraw's geo shape with its labels measured
 * in batches ({@link BatchedGeoShapeUtil}, the same shapes, cheaper to mount).
 */
export const boardShapeUtils = [...boardShapeTypes, BatchedGeoShapeUtil]
