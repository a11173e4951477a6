/**
 * Test helper process for SqliteRoomStorage.test.ts: a second writer on the
 * same SQLite file. `node --import tsx appendWriter.fixture.ts DIR ROOM COUNT`
 * appends COUNT entries to ROOM one at a time (each awaited, so each is a
 * turn's only append), with times that go backwards, and prints the sequence
 * numbers it got as JSON.
 */
import { SqliteRoomStorage } from './SqliteRoomStorage'

const [dir, room, count] = process.argv.slice(2)
const storage = new SqliteRoomStorage({ dataDir: dir! })
const seqs: number[] = []
const start = Date.now()
for (let i = 0; i < Number(count); i++) {
  seqs.push(
    await storage.appendUpdate(room!, { time: start - i, author: 'user:child', update: new Uint8Array([i % 256]) })
  )
}
await storage.close()
process.stdout.write(JSON.stringify(seqs))
