import { createTLSchema, defaultShapeSchemas, type TLSchema } from '@tldraw/tlschema'
import { BLOCK_SHAPE_TYPE, blockShapeMigrations, blockShapeProps } from '../blocks/blockShape'

/**
 * The tldraw schema of a Mockboard board. Browser and server build it from the
 * same code so the server can seed rooms that every client of this release
 * reads without migration. Custom shapes register here, and their utils in
 * the canvas (`components/blocks`).
 */
export function createBoardSchema(): TLSchema {
  return createTLSchema({
    shapes: {
      ...defaultShapeSchemas,
      [BLOCK_SHAPE_TYPE]: { props: blockShapeProps, migrations: blockShapeMigrations },
    },
  })
}
