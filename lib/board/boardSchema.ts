import { createTLSchema, type TLSchema } from '@tldraw/tlschema'

/**
 * The tldraw schema of a Mockboard board. Browser and server build it from the
 * same code so the server can seed rooms that every client of this release
 * reads without migration. Custom shapes (the pattern palette) register here.
 */
export function createBoardSchema(): TLSchema {
  return createTLSchema()
}
