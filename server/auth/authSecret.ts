import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import path from 'node:path'

/**
 * The secret that signs sessions and collab tokens: `AUTH_SECRET`, or on the
 * embedded default one generated once and kept in `DATA_DIR/auth-secret`, so
 * `npm start` needs no configuration and sign-ins survive restarts. Several
 * servers (Redis mode) must share one, so there it must be set. The file is
 * 0600 and a data directory created here 0700.
 */
export function resolveAuthSecret(options: {
  envSecret: string | undefined
  dataDir: string
  redisMode: boolean
}): string {
  if (options.envSecret) return options.envSecret
  if (options.redisMode) throw new Error('AUTH_SECRET must be set in Redis mode: every server needs the same secret')
  const file = path.join(options.dataDir, 'auth-secret')
  if (existsSync(file)) {
    chmodSync(file, 0o600) // older installs wrote it with the umask's mode
    return readFileSync(file, 'utf8').trim()
  }
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 })
  const secret = randomBytes(32).toString('base64url')
  writeFileSync(file, secret, { mode: 0o600 })
  return secret
}
