import { afterEach, describe, expect, test, vi } from 'vitest'
import BareTldrawPage from '@/app/bench/tldraw/page'

/** The HTTP status Next answers for an error thrown by a page (`notFound()` → 404). */
function statusOf(render: () => unknown): string | null {
  try {
    render()
    return null
  } catch (error) {
    return String((error as { digest?: string }).digest ?? error)
  }
}

describe('the benchmark’s bare-tldraw page', () => {
  afterEach(() => vi.unstubAllEnvs())

  test('is a 404 unless the benchmark turned it on', () => {
    vi.stubEnv('MOCKBOARD_BENCH_PAGES', '')
    expect(statusOf(BareTldrawPage)).toContain('404')
    vi.stubEnv('MOCKBOARD_BENCH_PAGES', 'true')
    expect(statusOf(BareTldrawPage)).toContain('404')
  })

  test('renders with MOCKBOARD_BENCH_PAGES=1', () => {
    vi.stubEnv('MOCKBOARD_BENCH_PAGES', '1')
    expect(statusOf(BareTldrawPage)).toBeNull()
  })
})
