import { describe, expect, it } from 'vitest'
import { createHttpQuotas, describeWait, retryAfterSeconds } from './quotas'

describe('HTTP quotas', () => {
  it('defaults to 20 rooms per user per hour', async () => {
    let now = 0
    const quotas = createHttpQuotas({}, () => now)
    for (let i = 0; i < 20; i++) expect((await quotas.roomCreation('guest:a')).ok).toBe(true)
    const refused = await quotas.roomCreation('guest:a')
    expect(refused).toEqual({ ok: false, retryAfterMs: 60 * 60 * 1000 })
    expect((await quotas.roomCreation('guest:b')).ok).toBe(true)
    now += 60 * 60 * 1000
    expect((await quotas.roomCreation('guest:a')).ok).toBe(true)
  })

  it('defaults to 30 guest sign-ins per IP per 10 minutes, and reads the environment', async () => {
    const quotas = createHttpQuotas({}, () => 0)
    for (let i = 0; i < 30; i++) expect((await quotas.guestSignIn('10.0.0.1')).ok).toBe(true)
    expect((await quotas.guestSignIn('10.0.0.1')).ok).toBe(false)
    const small = createHttpQuotas({ QUOTA_GUEST_SIGNINS_PER_IP_PER_10_MIN: '2' }, () => 0)
    const signIns = [await small.guestSignIn('ip'), await small.guestSignIn('ip'), await small.guestSignIn('ip')]
    expect(signIns.map((d) => d.ok)).toEqual([true, true, false])
  })

  it('defaults to 120 recording chunks per user per minute (six times what a recording browser sends)', async () => {
    let now = 0
    const quotas = createHttpQuotas({}, () => now)
    for (let i = 0; i < 120; i++) expect((await quotas.audioChunk('guest:a')).ok).toBe(true)
    expect(await quotas.audioChunk('guest:a')).toEqual({ ok: false, retryAfterMs: 60_000 })
    expect((await quotas.audioChunk('guest:b')).ok).toBe(true)
    now += 60_000
    expect((await quotas.audioChunk('guest:a')).ok).toBe(true)
  })

  it('defaults to 2 MiB of recording per user per minute, over 8 times what a recording browser sends', async () => {
    let now = 0
    const quotas = createHttpQuotas({}, () => now)
    // A real browser: one ~12 KB chunk every 3 s, for ten minutes.
    for (let i = 0; i < 200; i++, now += 3_000) expect((await quotas.audioBytes('guest:a', 12_000)).ok).toBe(true)
    // A forged client: 512 KiB chunks as fast as it can.
    for (let i = 0; i < 4; i++) expect((await quotas.audioBytes('guest:b', 512 * 1024)).ok).toBe(true)
    expect(await quotas.audioBytes('guest:b', 1)).toEqual({ ok: false, retryAfterMs: 60_000 })
    expect((await quotas.audioBytes('guest:c', 512 * 1024)).ok).toBe(true)
    const small = createHttpQuotas({ QUOTA_AUDIO_BYTES_PER_USER_PER_MINUTE: '1000' }, () => now)
    const taken = [await small.audioBytes('u', 600), await small.audioBytes('u', 400), await small.audioBytes('u', 1)]
    expect(taken.map((d) => d.ok)).toEqual([true, true, false])
    const off = createHttpQuotas({ QUOTA_AUDIO_BYTES_PER_USER_PER_MINUTE: '0' }, () => now)
    for (let i = 0; i < 100; i++) expect((await off.audioBytes('u', 512 * 1024)).ok).toBe(true)
  })

  it('0 turns a quota off; an invalid value keeps the defaults', async () => {
    const off = createHttpQuotas({ QUOTA_ROOMS_PER_USER_PER_HOUR: '0' }, () => 0)
    for (let i = 0; i < 100; i++) expect((await off.roomCreation('u')).ok).toBe(true)
    const bad = createHttpQuotas({ QUOTA_ROOMS_PER_USER_PER_HOUR: 'lots' }, () => 0)
    for (let i = 0; i < 20; i++) await bad.roomCreation('u')
    expect((await bad.roomCreation('u')).ok).toBe(false)
  })

  it('rounds waits up to whole seconds and words them', () => {
    expect(retryAfterSeconds(1)).toBe(1)
    expect(retryAfterSeconds(1_001)).toBe(2)
    expect(describeWait(1_000)).toBe('1 second')
    expect(describeWait(45_000)).toBe('45 seconds')
    expect(describeWait(59 * 60 * 1000)).toBe('59 minutes')
  })
})
