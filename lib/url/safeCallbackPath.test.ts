import { describe, expect, it } from 'vitest'
import { safeCallbackPath } from './safeCallbackPath'

const ORIGIN = 'http://127.0.0.1:3000'

describe('safeCallbackPath', () => {
  it.each([
    ['/', '/'],
    ['/r/abcdefgh12', '/r/abcdefgh12'],
    ['/join/abc?x=1#top', '/join/abc?x=1#top'],
    ['/sessions?tab=a%2Fb', '/sessions?tab=a%2Fb'],
    [`${ORIGIN}/r/room1234`, '/r/room1234'],
    ['r/relative', '/r/relative'],
    // Encoded slashes stay encoded: a path on this origin, not a host.
    ['/%2F%5Cevil.example', '/%2F%5Cevil.example'],
    ['%2F%2Fevil.example', '/%2F%2Fevil.example'],
    // Same scheme without slashes resolves as a relative path, as in a browser.
    ['http:evil.example', '/evil.example'],
  ])('keeps same-origin %j as %j', (input, expected) => {
    expect(safeCallbackPath(input, ORIGIN)).toBe(expected)
  })

  it.each([
    '/\\evil.example/phish',
    '//evil.example',
    '\\\\/evil.example',
    '\\/evil.example',
    '/\\/evil.example',
    'https://evil.example',
    'http://127.0.0.1:3001/',
    'https://127.0.0.1:3000/',
    'HTTPS:evil.example',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(document.cookie)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '/\t/evil.example',
    '/\n/evil.example',
    '\t//evil.example',
    ' //evil.example',
    '\u0000//evil.example',
    '/.//evil.example',
    '/%2e//evil.example',
    '/./\\evil.example',
    '///evil.example',
    '//user@evil.example',
    '//127.0.0.1:3000@evil.example',
    'http:\\\\evil.example',
    '',
  ])('refuses %j', (input) => {
    expect(safeCallbackPath(input, ORIGIN)).toBe('/')
  })

  it('decoded once, as the query parser does, the issue payload leaves the origin and is refused', () => {
    const payload = new URLSearchParams('callbackUrl=%2F%5Cevil.example%2Fphish').get('callbackUrl')
    expect(payload).toBe('/\\evil.example/phish')
    expect(safeCallbackPath(payload, ORIGIN)).toBe('/')
  })

  it('refuses overlong values', () => {
    expect(safeCallbackPath('/'.padEnd(3000, 'a'), ORIGIN)).toBe('/')
  })

  it('refuses anything that is not a string, and uses the fallback given', () => {
    expect(safeCallbackPath(undefined, ORIGIN)).toBe('/')
    expect(safeCallbackPath(['/a'], ORIGIN)).toBe('/')
    expect(safeCallbackPath('//evil.example', ORIGIN, '/home')).toBe('/home')
  })

  it('without an origin, only relative paths pass', () => {
    expect(safeCallbackPath('/r/room1234')).toBe('/r/room1234')
    expect(safeCallbackPath(`${ORIGIN}/r/room1234`)).toBe('/')
  })

  it('what it returns stays on the origin when a browser resolves it', () => {
    const inputs = ['/a', '/.//x', '/%2e%2e//x', '/..//x', '/a/..//b', '/\\x', '/;//x', '/?//x', '/#//x']
    for (const input of inputs) {
      const out = safeCallbackPath(input, ORIGIN)
      expect(new URL(out, ORIGIN).origin, input).toBe(ORIGIN)
      expect(out.startsWith('//'), input).toBe(false)
    }
  })
})
