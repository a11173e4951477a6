import { BlockShapeUtil } from '../blocks/BlockShapeUtil'

/**
 * Shape utils a board adds to tldraw's defaults. Their props and migrations
 * must also be in `createBoardSchema()` (lib/board), which the store and the
 * server use. A module constant, because tldraw remounts when it changes.
 */
export const boardShapeUtils = [BlockShapeUtil]
