/** The RoomStorage contract, run against the in-memory store the unit tests use (a fake that lies would make them lie). */
import { MemoryRoomStorage } from '@/server/storage/MemoryRoomStorage'
import { describeRoomStorageContract } from './roomStorage.contract'

describeRoomStorageContract('MemoryRoomStorage', async () => {
  const storage = new MemoryRoomStorage()
  const handles = [storage]
  return {
    storage,
    another: async () => {
      const other = MemoryRoomStorage.sharing(storage)
      handles.push(other)
      return other
    },
    destroy: async () => {
      for (const handle of handles) await handle.close()
    },
  }
})
