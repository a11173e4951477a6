import { describe, expect, it } from 'vitest'
import { guardStateChangingRequest, type GuardedRequest } from './requestGuard'
import { appOrigins, headerReader } from './appOrigin'

const APP = 'http://127.0.0.1:3000'

function request(method: string, pathname: string, headers: Record<string, string>): GuardedRequest {
  const all = new Headers({ host: '127.0.0.1:3000', 'x-forwarded-proto': 'http', ...headers })
  return { method, pathname, header: headerReader(all) }
}

function verdict(method: string, pathname: string, headers: Record<string, string> = {}) {
  const req = request(method, pathname, headers)
  return guardStateChangingRequest(req, appOrigins(req.header, {}))
}

const json = { 'content-type': 'application/json', 'content-length': '2' }

describe('guardStateChangingRequest: origin', () => {
  it('lets safe methods through whatever their origin', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS']) {
      expect(verdict(method, '/api/rooms', { origin: 'http://evil.example' })).toEqual({ ok: true })
    }
  })

  it('accepts a same-origin POST, PUT, PATCH and DELETE', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      expect(verdict(method, '/api/rooms', { origin: APP, ...json })).toEqual({ ok: true })
    }
  })

  it.each([
    'http://evil.example',
    'http://127.0.0.1:3001', // another port of the same host: same site, not same origin
    'https://127.0.0.1:3000', // another scheme
    'http://127.0.0.1:3000.evil.example',
    'null', // sandboxed frames, data: URLs
    '',
  ])('refuses a POST from origin %j with 403', (origin) => {
    expect(verdict('POST', '/api/rooms', { origin, ...json })).toMatchObject({ ok: false, status: 403 })
  })

  it('refuses cross-origin DELETE and PATCH too, and non-API posts (server actions)', () => {
    const evil = { origin: 'http://evil.example', ...json }
    expect(verdict('DELETE', '/api/rooms/r1/members/u', evil)).toMatchObject({ status: 403 })
    expect(verdict('PATCH', '/api/rooms/r1/members/u', evil)).toMatchObject({ status: 403 })
    expect(verdict('POST', '/join/abc', { origin: 'http://evil.example' })).toMatchObject({ status: 403 })
  })

  it('without Origin, goes by Sec-Fetch-Site: same-origin passes, anything else is refused', () => {
    expect(verdict('POST', '/api/rooms', { 'sec-fetch-site': 'same-origin' })).toEqual({ ok: true })
    for (const site of ['cross-site', 'same-site', 'none']) {
      expect(verdict('POST', '/api/rooms', { 'sec-fetch-site': site })).toMatchObject({ ok: false, status: 403 })
    }
  })

  it('without Origin or Sec-Fetch-Site (curl, scripts) lets the request through to the route’s own checks', () => {
    expect(verdict('POST', '/api/rooms', { cookie: 'next-auth.session-token=x' })).toEqual({ ok: true })
  })

  it('compares with NEXTAUTH_URL when set, as well as the Host', () => {
    const req = request('POST', '/api/rooms', { origin: 'https://mock.example.com', ...json })
    const origins = appOrigins(req.header, { NEXTAUTH_URL: 'https://mock.example.com/' })
    expect(guardStateChangingRequest(req, origins)).toEqual({ ok: true })
  })

  it('honours X-Forwarded-Proto from a TLS proxy', () => {
    const req = request('POST', '/api/rooms', { origin: 'https://127.0.0.1:3000', 'x-forwarded-proto': 'https' })
    expect(guardStateChangingRequest(req, appOrigins(req.header, {}))).toEqual({ ok: true })
  })

  it('refuses when the Host header is unusable, since no origin can match', () => {
    const all = new Headers({ host: 'evil.example/x@', origin: 'http://evil.example/x@' })
    const req = { method: 'POST', pathname: '/api/rooms', header: headerReader(all) }
    expect(guardStateChangingRequest(req, appOrigins(req.header, {}))).toMatchObject({ ok: false, status: 403 })
  })

  it('leaves next-auth’s routes to next-auth’s own CSRF token', () => {
    const headers = { origin: 'http://evil.example', 'content-type': 'application/x-www-form-urlencoded' }
    expect(verdict('POST', '/api/auth/callback/guest', { ...headers, 'content-length': '9' })).toEqual({ ok: true })
    expect(verdict('POST', '/api/authx', { ...headers, 'content-length': '9' })).toMatchObject({ status: 403 })
  })
})

describe('guardStateChangingRequest: content type', () => {
  it.each([
    'text/plain',
    'text/plain;charset=UTF-8',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/jsonp',
    'application/json-seq',
  ])('refuses an API body sent as %j with 415', (type) => {
    expect(
      verdict('POST', '/api/rooms/r1/session/clock', { origin: APP, 'content-type': type, 'content-length': '16' })
    ).toMatchObject({ ok: false, status: 415 })
  })

  it('refuses a body without a content type, and a chunked one', () => {
    expect(verdict('POST', '/api/rooms', { origin: APP, 'content-length': '2' })).toMatchObject({ status: 415 })
    expect(verdict('POST', '/api/rooms', { origin: APP, 'transfer-encoding': 'chunked' })).toMatchObject({
      status: 415,
    })
  })

  it('accepts JSON with parameters and any case', () => {
    const type = 'Application/JSON; charset=utf-8'
    expect(verdict('POST', '/api/rooms', { origin: APP, 'content-type': type, 'content-length': '2' })).toEqual({
      ok: true,
    })
  })

  it('accepts a request without a body whatever it claims (the New board form, invite buttons)', () => {
    const form = { origin: APP, 'content-type': 'application/x-www-form-urlencoded', 'content-length': '0' }
    expect(verdict('POST', '/api/rooms', form)).toEqual({ ok: true })
    expect(verdict('DELETE', '/api/rooms/r1/members/u', { origin: APP })).toEqual({ ok: true })
  })

  it('does not ask server actions (page paths) for JSON', () => {
    const action = { origin: APP, 'content-type': 'multipart/form-data; boundary=x', 'content-length': '99' }
    expect(verdict('POST', '/join/abc', action)).toEqual({ ok: true })
  })
})

describe('guardStateChangingRequest: audio chunk uploads', () => {
  const audio = { 'content-type': 'audio/webm;codecs=opus', 'content-length': '100' }
  const upload = '/api/rooms/room-1234/sessions/session-1234/audio'

  it('accepts an audio/webm body on the upload route from the app itself', () => {
    expect(verdict('POST', upload, { origin: APP, ...audio })).toEqual({ ok: true })
  })

  it('still refuses it from another origin, and audio bodies anywhere else', () => {
    expect(verdict('POST', upload, { origin: 'http://evil.example', ...audio })).toMatchObject({ status: 403 })
    expect(verdict('POST', '/api/rooms/room-1234/restore', { origin: APP, ...audio })).toMatchObject({ status: 415 })
    expect(verdict('POST', `${upload}/consent`, { origin: APP, ...audio })).toMatchObject({ status: 415 })
    expect(verdict('POST', upload, { origin: APP, 'content-type': 'text/plain', 'content-length': '3' })).toMatchObject(
      { status: 415 }
    )
  })
})
