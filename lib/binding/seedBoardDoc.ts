import type * as Y from 'yjs'
import type { IndexKey } from '@tldraw/utils'
import { DocumentRecordType, PageRecordType, TLDOCUMENT_ID, type TLPageId, type TLSchema } from '@tldraw/tlschema'
import { getMetaMap, getRecordsMap, recordToYMap, SCHEMA_FIELD } from './yRecords'

/** The id of the page every new board starts with. */
export const FIRST_PAGE_ID = 'page:page' as TLPageId

/**
 * Writes the records a new board needs (the document and its first page) and
 * the schema they were written with, unless the doc already has a schema.
 *
 * Only the server calls this, once, when it creates a room: if two browsers
 * joining an empty room each seeded it, they would race (tldraw#1798).
 *
 * @returns true when the doc was empty and has been seeded.
 * @example
 * ```ts
 * const doc = new Y.Doc()
 * seedBoardDoc(doc, createBoardSchema()) // true
 * seedBoardDoc(doc, createBoardSchema()) // false: already seeded
 * ```
 */
export function seedBoardDoc(doc: Y.Doc, schema: TLSchema, origin: unknown = null): boolean {
  const meta = getMetaMap(doc)
  if (meta.has(SCHEMA_FIELD)) return false
  doc.transact(() => {
    const records = getRecordsMap(doc)
    const document = DocumentRecordType.create({ id: TLDOCUMENT_ID })
    const page = PageRecordType.create({ id: FIRST_PAGE_ID, name: 'Page 1', index: 'a1' as IndexKey })
    records.set(document.id, recordToYMap(document))
    records.set(page.id, recordToYMap(page))
    meta.set(SCHEMA_FIELD, schema.serialize())
  }, origin)
  return true
}
