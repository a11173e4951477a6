import type { RoomStorage } from '@/server/storage/RoomStorage'
import type { OpenedStorage } from './roomStorage.contract'

/**
 * The contract's handles for a Redis store: `connect(serverId)` opens one
 * server's storage (its own connection, the same Redis and key prefix);
 * `another` is a second server, and `destroy` closes them all.
 */
export function redisContractHandles(connect: (serverId: string) => RoomStorage): OpenedStorage {
  const storage = connect('a')
  const handles: RoomStorage[] = [storage]
  return {
    storage,
    another: async () => {
      const other = connect('b')
      handles.push(other)
      return other
    },
    destroy: async () => {
      for (const handle of handles) await handle.close()
    },
  }
}
