import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { runner } from 'node-pg-migrate'
import type { Logger } from 'pino'

/** The folder of this release's migrations (node-pg-migrate files, applied in name order). */
const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url))

/** `bigint` columns (times in ms, sequence numbers) read back as numbers: every value we store is below 2^53. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
}

/**
 * A connection pool on `DATABASE_URL` (node-postgres). Errors of idle
 * clients (the server restarted) are logged instead of crashing the process;
 * the pool opens a new connection on the next query.
 */
export function openPostgres(url: string, logger: Logger, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, types })
  pool.on('error', (error) => logger.warn({ err: error }, 'postgres connection error'))
  return pool
}

/**
 * Applies the migrations this release has and the database lacks
 * (node-pg-migrate, table `pgmigrations`), in one transaction. Servers
 * starting together take turns on node-pg-migrate's advisory lock (each
 * waits for the one before), so a migration runs once; a database that is
 * up to date is left as it is.
 */
export async function migratePostgres(pool: pg.Pool, logger: Logger): Promise<void> {
  const client = await pool.connect()
  try {
    const applied = await runner({
      dbClient: client,
      dir: MIGRATIONS_DIR,
      direction: 'up',
      migrationsTable: 'pgmigrations',
      advisoryLockMode: 'wait',
      singleTransaction: true,
      logger: { info: (m) => logger.debug(m), warn: (m) => logger.warn(m), error: (m) => logger.error(m) },
    })
    if (applied.length > 0) logger.info({ migrations: applied.map((m) => m.name) }, 'postgres migrated')
  } finally {
    client.release()
  }
}
