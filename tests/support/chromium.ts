/**
 * How Debian's Chromium is launched for end-to-end tests and benchmarks
 * (never `npx playwright install`: it downloads its own browser, which this
 * network does not allow). Without the networking flags Chromium floods the
 * closed network with connections.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
}
