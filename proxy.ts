import { NextResponse, type NextRequest } from 'next/server'
import { appOrigins, headerReader } from '@/server/http/appOrigin'
import { guardStateChangingRequest } from '@/server/http/requestGuard'
import {
  API_CONTENT_SECURITY_POLICY,
  createNonce,
  pageContentSecurityPolicy,
} from '@/server/http/contentSecurityPolicy'

/**
 * Runs before every route (Next 16's Proxy, formerly Middleware), so routes
 * added later get the same protection without doing anything:
 *
 * - refuses cross-origin state-changing requests and non-JSON API bodies
 *   (`server/http/requestGuard.ts`);
 * - gives every page a Content-Security-Policy with a fresh nonce, which Next
 *   reads from the request's policy header and puts on its own scripts
 *   (`server/http/contentSecurityPolicy.ts`); API answers get a deny-all policy.
 *
 * The static headers (X-Frame-Options, nosniff, Referrer-Policy) are set for
 * every path, static files included, in `next.config.js`.
 */
export function proxy(request: NextRequest): NextResponse {
  const header = headerReader(request.headers)
  const { pathname } = request.nextUrl
  const verdict = guardStateChangingRequest({ method: request.method, pathname, header }, appOrigins(header))
  if (!verdict.ok) {
    return NextResponse.json(
      { error: verdict.error },
      { status: verdict.status, headers: { 'content-security-policy': API_CONTENT_SECURITY_POLICY } }
    )
  }
  if (pathname.startsWith('/api/')) {
    const response = NextResponse.next()
    response.headers.set('content-security-policy', API_CONTENT_SECURITY_POLICY)
    return response
  }
  const policy = pageContentSecurityPolicy({
    nonce: createNonce(),
    dev: process.env.NODE_ENV === 'development',
    host: header('host') ?? null,
    collabUrl: process.env.COLLAB_URL,
    https: header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https',
  })
  const requestHeaders = new Headers(request.headers)
  requestHeaders.set('content-security-policy', policy)
  const response = NextResponse.next({ request: { headers: requestHeaders } })
  response.headers.set('content-security-policy', policy)
  return response
}

export const config = {
  matcher: [
    // Everything but build assets (hashed, immutable, never HTML).
    '/((?!_next/static|_next/image|favicon.ico|icon.svg).*)',
  ],
}
