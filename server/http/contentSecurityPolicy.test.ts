import { describe, expect, it } from 'vitest'
import { collabOrigin, createNonce, pageContentSecurityPolicy } from './contentSecurityPolicy'

const base = { nonce: 'abc123==', dev: false, host: '127.0.0.1:3000', collabUrl: undefined, https: false }

function directives(policy: string): Map<string, string> {
  return new Map(policy.split('; ').map((d) => [d.split(' ')[0]!, d.slice(d.indexOf(' ') + 1)]))
}

describe('pageContentSecurityPolicy', () => {
  it('is strict: nonce scripts, no framing, images only from here, data and blob', () => {
    const d = directives(pageContentSecurityPolicy(base))
    expect(d.get('default-src')).toBe("'self'")
    expect(d.get('script-src')).toBe("'self' 'nonce-abc123==' 'strict-dynamic'")
    expect(d.get('img-src')).toBe("'self' data: blob:")
    expect(d.get('frame-ancestors')).toBe("'none'")
    expect(d.get('object-src')).toBe("'none'")
    expect(d.get('base-uri')).toBe("'self'")
    expect(d.get('form-action')).toBe("'self'")
    expect(d.get('connect-src')).toBe("'self' ws://127.0.0.1:3000 wss://127.0.0.1:3000")
    expect(d.has('upgrade-insecure-requests')).toBe(false)
    expect(d.get('script-src')).not.toContain('unsafe')
  })

  it('adds COLLAB_URL’s WebSocket origin, eval in dev only, and the upgrade over https', () => {
    const d = directives(
      pageContentSecurityPolicy({ ...base, dev: true, https: true, collabUrl: 'wss://collab.example.com/collab' })
    )
    expect(d.get('connect-src')).toContain('wss://collab.example.com')
    expect(d.get('script-src')).toContain("'unsafe-eval'")
    expect(d.has('upgrade-insecure-requests')).toBe(true)
  })

  it('never lets COLLAB_URL inject a directive', () => {
    expect(collabOrigin("wss://a.example/collab; script-src 'unsafe-inline'")).toBe('wss://a.example')
    expect(collabOrigin('https://collab.example.com:8443/c')).toBe('wss://collab.example.com:8443')
    expect(collabOrigin('/collab')).toBeNull()
    expect(collabOrigin('javascript:alert(1)')).toBeNull()
  })

  it('makes a fresh 128-bit nonce each time', () => {
    const a = createNonce()
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/)
    expect(createNonce()).not.toBe(a)
  })
})
