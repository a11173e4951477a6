/** The AudioStore contract, run on the file store (embedded default) and on PostgreSQL (`DATABASE_URL`). */
import { afterAll } from 'vitest'
import pino from 'pino'
import type pg from 'pg'
import { FileAudioStore } from '@/server/audio/FileAudioStore'
import { openPostgres, migratePostgres } from '@/server/postgres/openPostgres'
import { PostgresAudioStore } from '@/server/postgres/PostgresAudioStore'
import { tempDataDir } from '../support/collabServers'
import { sharedPostgres, stopSharedPostgres } from '../support/postgres'
import { describeAudioStoreContract } from './audioStore.contract'

afterAll(stopSharedPostgres)

describeAudioStoreContract(
  'FileAudioStore',
  async () => {
    const data = tempDataDir()
    return { store: new FileAudioStore(data.dir), another: null, destroy: async () => data.remove() }
  },
  { sharedByServers: false }
)

describeAudioStoreContract(
  'PostgresAudioStore',
  async () => {
    const logger = pino({ level: 'silent' })
    const url = await (await sharedPostgres()).createDatabase()
    const pools: pg.Pool[] = [openPostgres(url, logger)]
    await migratePostgres(pools[0]!, logger)
    return {
      store: new PostgresAudioStore(pools[0]!),
      // A second pool on the same database, as a second web server has.
      another: async () => new PostgresAudioStore(pools[pools.push(openPostgres(url, logger)) - 1]!),
      destroy: async () => void (await Promise.all(pools.map((pool) => pool.end()))),
    }
  },
  { sharedByServers: true }
)
