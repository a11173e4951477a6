import { SlidingWindowLimiter } from './SlidingWindowLimiter'
import { checkWeight, type LimitDecision, type QuotaBackend, type QuotaLimiter, type QuotaSpec } from './QuotaLimiter'

/**
 * A {@link QuotaLimiter} in this process's memory (a {@link SlidingWindowLimiter}):
 * the embedded deployment's quotas, and the stand-in while Redis is
 * unreachable. Each process counts on its own.
 */
export class MemoryQuotaLimiter implements QuotaLimiter {
  private readonly window: SlidingWindowLimiter

  /** `now`: the clock, for tests (default `Date.now`). */
  constructor(spec: QuotaSpec, now?: () => number) {
    this.window = new SlidingWindowLimiter({ limit: spec.limit, windowMs: spec.windowMs, now })
  }

  async take(key: string, weight = 1): Promise<LimitDecision> {
    checkWeight(weight)
    return this.window.take(key, weight)
  }
}

/** Quotas kept in this process's memory, on the clock `now` (default `Date.now`). */
export function memoryQuotaBackend(now?: () => number): QuotaBackend {
  return { limiter: (spec) => new MemoryQuotaLimiter(spec, now) }
}
