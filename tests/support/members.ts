import type { Role } from '@/lib/access/roles'
import { openSqlite } from '@/server/storage/openSqlite'
import { SqliteRoomDirectory } from '@/server/access/SqliteRoomDirectory'
import { RedisRoomDirectory } from '@/server/access/RedisRoomDirectory'
import type { RoomDirectory } from '@/server/access/RoomDirectory'
import type { StorageTarget } from './collabServers'
import { connectRedis } from '@/server/redis/redisConnection'

/**
 * Makes `members` members of `roomId` in the room directory of `target`, as
 * accepting an invite would. Servers decide with the directory's current
 * roles, so tests whose servers run `createCollabStack` (spawned processes)
 * register their clients first. Works beside a running server: SQLite in
 * WAL mode takes a second connection, Redis is shared.
 */
export async function addMembers(
  target: StorageTarget,
  roomId: string,
  members: { userId: string; role: Role }[]
): Promise<void> {
  await withDirectory(target, async (directory) => {
    for (const { userId, role } of members) {
      await directory.putMember(roomId, { userId, name: userId, role, joinedAt: Date.now() })
    }
  })
}

/** Runs `use` with a room directory on `target`, then closes its connection. */
export async function withDirectory<T>(
  target: StorageTarget,
  use: (directory: RoomDirectory) => Promise<T>
): Promise<T> {
  if ('dataDir' in target) {
    const db = openSqlite(target.dataDir)
    try {
      return await use(new SqliteRoomDirectory(db))
    } finally {
      db.close()
    }
  }
  const redis = connectRedis(target.redis)
  try {
    return await use(new RedisRoomDirectory(redis, target.redis.prefix))
  } finally {
    redis.disconnect()
  }
}
