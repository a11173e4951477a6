/**
 * Headers on every response, static files included. The Content-Security-Policy
 * needs a fresh nonce per page, so `proxy.ts` sets it.
 */
const securityHeaders = [
  // Belt and braces with CSP `frame-ancestors 'none'`, for browsers that predate it.
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  // Invite links carry their token in the path: never send it to another origin.
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
]

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
