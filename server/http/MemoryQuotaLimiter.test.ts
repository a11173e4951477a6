import { describe } from 'vitest'
import { MemoryQuotaLimiter } from './MemoryQuotaLimiter'
import { quotaLimiterContract } from './quotaLimiterContract'

describe('MemoryQuotaLimiter: the quota contract', () => {
  quotaLimiterContract((spec, now) => new MemoryQuotaLimiter(spec, now))
})
