import { afterEach, describe, expect, it } from 'vitest'
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { openSqlite } from './openSqlite'
import { resolveAuthSecret } from '../auth/authSecret'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

const mode = (file: string) => statSync(file).mode & 0o777

describe('data file permissions', () => {
  it('creates the data dir 0700 and the database, WAL and shared memory 0600', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'mb-perm-'))
    dirs.push(root)
    const dataDir = path.join(root, 'data')
    const db = openSqlite(dataDir)
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)')
    resolveAuthSecret({ envSecret: undefined, dataDir, redisMode: false })
    expect(mode(dataDir)).toBe(0o700)
    for (const name of ['mockboard.sqlite', 'mockboard.sqlite-wal', 'mockboard.sqlite-shm', 'auth-secret']) {
      expect(mode(path.join(dataDir, name)), name).toBe(0o600)
    }
    db.close()
  })

  it('tightens an older world-readable install', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'mb-perm-'))
    dirs.push(dataDir)
    openSqlite(dataDir).close()
    chmodSync(path.join(dataDir, 'mockboard.sqlite'), 0o644)
    writeFileSync(path.join(dataDir, 'auth-secret'), 'x'.repeat(32), { mode: 0o644 })
    chmodSync(path.join(dataDir, 'auth-secret'), 0o644)
    openSqlite(dataDir).close()
    resolveAuthSecret({ envSecret: undefined, dataDir, redisMode: false })
    expect(mode(path.join(dataDir, 'mockboard.sqlite'))).toBe(0o600)
    expect(mode(path.join(dataDir, 'auth-secret'))).toBe(0o600)
  })
})
