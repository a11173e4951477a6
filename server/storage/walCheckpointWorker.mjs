// The thread behind `WalCheckpointer.ts` (plain JavaScript so it starts without a TypeScript loader).
//
// Its own connection to the database copies the WAL's committed pages into the database file when asked and
// every `intervalMs`, in PASSIVE mode: it never waits for, nor blocks, the server's writes. The copy and the disk
// flushes around it (with `synchronous` NORMAL or FULL) so happen here, not on the server's event loop.
//
// Messages in: 'round' (checkpoint), 'now' (checkpoint and report it), 'stop' (close the connection, end the thread).
// Message out, in answer to 'now' only: SQLite's { busy, log, checkpointed } (`log` counts the WAL's frames,
// `checkpointed` those now in the database file). An error ends the thread (its 'error' event, on the server).
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'

const { file, synchronous, intervalMs } = workerData
const db = new Database(file, { fileMustExist: true })
db.pragma(`synchronous = ${synchronous}`)

const checkpoint = () => db.pragma('wal_checkpoint(PASSIVE)')[0]

const timer = setInterval(checkpoint, intervalMs)
parentPort.on('message', (message) => {
  if (message === 'round') checkpoint()
  if (message === 'now') parentPort.postMessage(checkpoint())
  if (message === 'stop') {
    clearInterval(timer)
    db.close()
    parentPort.close()
  }
})
