/**
 * The replay benchmark's participants (the server that seeds the board, the
 * interviewer and the candidate), each with its own Y.Doc and Yjs client id,
 * writing store batches the way `StoreYjsBinding` does and exchanging updates
 * as over the wire: every update a batch emits is one log entry.
 */
import * as Y from 'yjs'
import type { TLRecord } from '@tldraw/tlschema'
import { createBoardSchema } from '@/lib/board/boardSchema'
import { seedBoardDoc } from '@/lib/binding/seedBoardDoc'
import { getRecordsMap, recordToYMap, writeRecordChanges } from '@/lib/binding/yRecords'

/** The board's schema, for the records the session writes. */
export const schema = createBoardSchema()

export const SERVER = 0
export const INTERVIEWER = 1
export const CANDIDATE = 2
export type Author = typeof SERVER | typeof INTERVIEWER | typeof CANDIDATE
/** Origin of updates applied from another participant (not logged again). */
const REMOTE = Symbol('remote')

/** One log entry before it gets its time: its delay after the previous one. */
export interface Step {
  update: Uint8Array
  /** In-burst delay (ms) for frames and keystrokes; a weight of the idle time for `think`. */
  delay: number
  /** First step of an action, after an idle gap. */
  think: boolean
}

/** The participants' docs, written the way StoreYjsBinding writes a store batch. */
export class SessionLog {
  readonly steps: Step[] = []
  /** Every document record as the store holds it. */
  readonly records = new Map<string, TLRecord>()
  private readonly docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()]
  private captured: Uint8Array | null = null

  constructor() {
    for (const doc of this.docs) {
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== REMOTE) this.captured = update
      })
    }
    seedBoardDoc(this.docs[SERVER]!, schema)
    this.flush(SERVER, 0, false)
  }

  /** One store batch of `author` (the binding's `store.listen` handler): one transaction, one log entry. */
  write(author: Author, delay: number, think: boolean, put: TLRecord[], remove: string[] = []): void {
    const doc = this.docs[author]!
    const records = getRecordsMap(doc)
    doc.transact(() => {
      for (const next of put) {
        const prev = this.records.get(next.id)
        const yRecord = records.get(next.id)
        if (prev && yRecord instanceof Y.Map) writeRecordChanges(yRecord, prev, next)
        else records.set(next.id, recordToYMap(next))
      }
      for (const id of remove) records.delete(id)
    })
    for (const record of put) this.records.set(record.id, record)
    for (const id of remove) this.records.delete(id)
    this.flush(author, delay, think)
  }

  /** The board as the last entry left it, encoded as one update. */
  encodedBoard(): Uint8Array {
    return Y.encodeStateAsUpdate(this.docs[SERVER]!)
  }

  destroy(): void {
    for (const doc of this.docs) doc.destroy()
  }

  private flush(author: Author, delay: number, think: boolean): void {
    const update = this.captured
    this.captured = null
    if (!update) return
    this.docs.forEach((doc, i) => i !== author && Y.applyUpdate(doc, update, REMOTE))
    this.steps.push({ update, delay, think })
  }
}
