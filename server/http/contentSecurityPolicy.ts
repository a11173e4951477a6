/** What a page's policy depends on. */
export interface PagePolicyOptions {
  /** This response's nonce: Next puts it on its own inline and bundle scripts. */
  nonce: string
  /** `next dev`: React needs `eval` for its error overlays. */
  dev: boolean
  /** The request's host (`Host` header), for the same-origin WebSocket of the collab endpoint. */
  host: string | null
  /** `COLLAB_URL`, when browsers reach the collab endpoint elsewhere. */
  collabUrl: string | undefined
  /** The page was served over https: ask the browser to upgrade any stray http subresource. */
  https: boolean
}

/**
 * The Content-Security-Policy of every page:
 *
 * - scripts only with this response's nonce (`'strict-dynamic'` lets those
 *   load Next's and tldraw's chunks), so an injected `<script>` never runs;
 * - styles from our origin plus inline styles (`'unsafe-inline'`): tldraw
 *   positions every shape with `style` attributes and injects its theme
 *   variables, which a nonce cannot cover. Style injection cannot run script;
 * - images, fonts and media from our origin, `data:` and `blob:` (tldraw's
 *   fonts and icons are self-hosted under `/_next/static/media`, exports and
 *   pasted images are blobs): a shape pointing at another host stays blank
 *   instead of making every viewer's browser fetch it;
 * - network: our origin, its WebSocket (`ws(s)://<host>`), and `COLLAB_URL`'s origin;
 * - no plugins, no `<base>` hijack, forms post only here, and no framing at all.
 */
export function pageContentSecurityPolicy(options: PagePolicyOptions): string {
  const connect = new Set(["'self'"])
  if (options.host) {
    connect.add(`ws://${options.host}`)
    connect.add(`wss://${options.host}`)
  }
  const collab = collabOrigin(options.collabUrl)
  if (collab) connect.add(collab)
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' data: blob:",
    `connect-src ${[...connect].join(' ')}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ['upgrade-insecure-requests'] : []),
  ]
  return directives.join('; ')
}

/** The policy of API answers (JSON, never rendered): nothing may load, nothing may frame them. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'"

/** A fresh nonce for one response: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = new Uint8Array(16)
  crypto.getRandomValues(bytes)
  return btoa(String.fromCharCode(...bytes))
}

/**
 * The WebSocket origin browsers use for `COLLAB_URL` (`wss://collab.example.com`),
 * or null when it is unset, relative or not a ws/http URL. An http(s) URL maps
 * to ws(s), as the collab client does.
 */
export function collabOrigin(collabUrl: string | undefined): string | null {
  if (!collabUrl) return null
  try {
    const url = new URL(collabUrl)
    const scheme = { 'ws:': 'ws:', 'wss:': 'wss:', 'http:': 'ws:', 'https:': 'wss:' }[url.protocol]
    // Only a bare host[:port] may go into the policy: nothing that could end a directive.
    if (!scheme || !/^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(url.host)) return null
    return `${scheme}//${url.host}`
  } catch {
    return null
  }
}
