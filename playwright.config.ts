import { defineConfig } from '@playwright/test'
import { chromiumLaunchOptions } from './tests/support/chromium'

/**
 * End-to-end tests in Debian's Chromium (never `npx playwright install`: it
 * downloads its own browser, which this network does not allow). Each test
 * starts its own production server on a free port with its own DATA_DIR
 * (tests/e2e/fixtures.ts); run `npm run build` first (`npm test` does).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  // Roomy: a loaded shared machine can make a 15 s test take a minute; a hang still fails.
  timeout: 180_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    viewport: { width: 1280, height: 800 },
    launchOptions: chromiumLaunchOptions,
    trace: 'off',
  },
})
