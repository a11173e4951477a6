/**
 * Headers on every response, static files included (server/http/securityHeaders.json, which the
 * server's own static file handler sends too). X-Frame-Options is belt and braces with CSP
 * `frame-ancestors 'none'`, for browsers that predate it; Referrer-Policy `same-origin` because invite
 * links carry their token in the path. The Content-Security-Policy needs a fresh nonce per page, so
 * `proxy.ts` sets it.
 */
import securityHeaders from './server/http/securityHeaders.json' with { type: 'json' }

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // The collab server, not Next, owns /collab/*; keep Next's build output self-contained.
  poweredByHeader: false,
  turbopack: {
    // TipTap with a generateHTML that can reuse its schema (lib/text/tiptapCore.ts says why).
    resolveAlias: { '@tiptap/core': './lib/text/tiptapCore.ts' },
  },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }]
  },
}

export default nextConfig
