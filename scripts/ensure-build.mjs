// `npm start` runs this first. On a fresh clone there is no production build
// yet, and after a `git pull` the build may be older than the code: in both
// cases build once, so `npm start` always serves the code that is checked out.
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { spawnSync } from 'node:child_process'

const BUILD_ID = '.next/BUILD_ID'
const SOURCES = ['app', 'components', 'lib', 'server', 'public', 'next.config.js', 'package-lock.json', 'tsconfig.json']

function newestMtime(entry) {
  if (!existsSync(entry)) return 0
  const stat = statSync(entry)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(entry).reduce((newest, name) => Math.max(newest, newestMtime(path.join(entry, name))), 0)
}

const builtAt = existsSync(BUILD_ID) ? statSync(BUILD_ID).mtimeMs : 0
const changedAt = Math.max(...SOURCES.map(newestMtime))
if (builtAt === 0 || changedAt > builtAt) {
  console.log(
    builtAt === 0
      ? 'No production build yet: building Mockboard once…'
      : 'Code changed since the last build: rebuilding…'
  )
  const result = spawnSync('npm', ['run', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  })
  process.exit(result.status ?? 1)
}
