/** The RoomStorage contract, run against the embedded store: SQLite files in a temporary data directory. */
import type { RoomStorage } from '@/server/storage/RoomStorage'
import { SqliteRoomStorage } from '@/server/storage/SqliteRoomStorage'
import { tempDataDir } from '../support/collabServers'
import { describeRoomStorageContract } from './roomStorage.contract'

describeRoomStorageContract('SqliteRoomStorage', async () => {
  const data = tempDataDir()
  const storage = new SqliteRoomStorage({ dataDir: data.dir })
  const handles: RoomStorage[] = [storage]
  return {
    storage,
    // A second connection to the same file, as a second process would open it.
    another: async () => {
      const other = new SqliteRoomStorage({ dataDir: data.dir })
      handles.push(other)
      return other
    },
    destroy: async () => {
      for (const handle of handles) await handle.close()
      data.remove()
    },
  }
})
