import { notFound } from 'next/navigation'
import { BareTldrawScreen } from '@/components/bench/BareTldrawScreen'

/** Read per request: the page exists only where the benchmark turned it on. */
export const dynamic = 'force-dynamic'

/**
 * The benchmark's floor: a bare `<Tldraw>` with the records the benchmark
 * injects, no Yjs and no app chrome, in the same build as the board. Only
 * served when `MOCKBOARD_BENCH_PAGES=1` (the benchmark's app); a 404 otherwise.
 */
export default function BareTldrawPage() {
  if (process.env.MOCKBOARD_BENCH_PAGES !== '1') notFound()
  return <BareTldrawScreen />
}
