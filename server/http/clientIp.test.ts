import { describe, expect, it } from 'vitest'
import { clientIp, trustedProxyHops } from './clientIp'

describe('clientIp', () => {
  it('uses the socket peer and ignores X-Forwarded-For when no proxy is trusted', () => {
    expect(clientIp('203.0.113.7', '1.2.3.4', 0)).toBe('203.0.113.7')
    expect(clientIp('::ffff:127.0.0.1', undefined, 0)).toBe('127.0.0.1')
    expect(clientIp(undefined, undefined, 0)).toBe('unknown')
  })

  it('with one trusted proxy, takes the address it appended, not the client’s own claims', () => {
    expect(clientIp('10.0.0.2', '6.6.6.6, 203.0.113.7', 1)).toBe('203.0.113.7')
    expect(clientIp('10.0.0.2', ['6.6.6.6', '203.0.113.7'], 1)).toBe('203.0.113.7')
    expect(clientIp('10.0.0.2', '6.6.6.6, 203.0.113.7, 10.0.0.9', 2)).toBe('203.0.113.7')
  })

  it('drops junk', () => {
    expect(clientIp('10.0.0.2', 'not an ip', 1)).toBe('10.0.0.2')
  })

  it('reads TRUST_PROXY_HOPS, 0 unless a small whole number', () => {
    expect(trustedProxyHops({})).toBe(0)
    expect(trustedProxyHops({ TRUST_PROXY_HOPS: '1' })).toBe(1)
    expect(trustedProxyHops({ TRUST_PROXY_HOPS: 'yes' })).toBe(0)
  })
})
