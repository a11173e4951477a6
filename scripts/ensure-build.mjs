// `npm start` runs this first: on a fresh clone there is no production build
// yet, so make one. Rebuild by hand (`npm run build`) after changing the code.
import { existsSync } from 'node:fs'
import { spawnSync } from 'node:child_process'

if (!existsSync('.next/BUILD_ID')) {
  console.log('No production build found: building Mockboard once (about 30 s)…')
  const result = spawnSync('npx', ['next', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  })
  process.exit(result.status ?? 1)
}
