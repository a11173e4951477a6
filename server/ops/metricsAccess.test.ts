import { describe, expect, it } from 'vitest'
import type { IncomingMessage } from 'node:http'
import { bearerMatches, isLoopback, mayReadMetrics } from './metricsAccess'

function req(remoteAddress: string, headers: Record<string, string> = {}): IncomingMessage {
  return { socket: { remoteAddress }, headers } as unknown as IncomingMessage
}

describe('mayReadMetrics', () => {
  it('without METRICS_TOKEN: loopback only, and not through a proxy', () => {
    expect(mayReadMetrics(req('127.0.0.1'), undefined)).toBe(true)
    expect(mayReadMetrics(req('::1'), undefined)).toBe(true)
    expect(mayReadMetrics(req('::ffff:127.0.0.1'), undefined)).toBe(true)
    expect(mayReadMetrics(req('203.0.113.7'), undefined)).toBe(false)
    expect(mayReadMetrics(req('127.0.0.1', { 'x-forwarded-for': '203.0.113.7' }), undefined)).toBe(false)
  })

  it('with METRICS_TOKEN: the bearer token from anywhere, and nothing else (not even loopback)', () => {
    expect(mayReadMetrics(req('203.0.113.7', { authorization: 'Bearer s3cret-token' }), 's3cret-token')).toBe(true)
    expect(mayReadMetrics(req('127.0.0.1'), 's3cret-token')).toBe(false)
    expect(mayReadMetrics(req('127.0.0.1', { authorization: 'Bearer wrong' }), 's3cret-token')).toBe(false)
  })

  it('compares tokens exactly', () => {
    expect(bearerMatches('bearer abc', 'abc')).toBe(true)
    expect(bearerMatches('Bearer abcd', 'abc')).toBe(false)
    expect(bearerMatches('Basic abc', 'abc')).toBe(false)
    expect(bearerMatches(undefined, 'abc')).toBe(false)
  })

  it('knows loopback addresses', () => {
    expect(isLoopback('127.8.9.10')).toBe(true)
    expect(isLoopback('128.0.0.1')).toBe(false)
    expect(isLoopback('::2')).toBe(false)
  })
})
