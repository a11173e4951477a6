import type { BlockEntry } from '../catalogSchema'

/** Observability & security: how you see the system run, and who may do what to it. */
export const observabilitySecurityBlocks: BlockEntry[] = [
  {
    id: 'metrics',
    name: 'Metrics',
    aliases: ['Prometheus', 'Grafana', 'Datadog', 'RED metrics', 'USE method', 'golden signals', 'dashboards'],
    group: 'observability-security',
    icon: 'ChartLine',
    card: {
      what: 'Numeric time series scraped from every service and host: request rate, error rate, latency histograms, CPU and memory, shown on dashboards.',
      when: 'Always, as the first pillar of observability. Use RED (rate, errors, duration) for services and USE (utilization, saturation, errors) for resources.',
      tradeoffs:
        'Cheap to store and query, but aggregated, so they say that something broke, not why. Labels with many values (user_id, request_id) blow up the metrics store.',
      numbers:
        'Track p50, p90 and p99 from histograms, never averages, which hide outliers. The four golden signals: latency, traffic, errors, saturation.',
    },
    annotation: 'p99 latency',
    sources: [
      { source: '002_166e20fca8cfff70.txt', section: 'Metrics (Prometheus + Grafana)' },
      { source: '001_49db91e9f3f145ef.txt', section: 'Key Metrics to Monitor' },
    ],
  },
  {
    id: 'centralized-logging',
    name: 'Centralized logs',
    aliases: ['ELK', 'ELK stack', 'Loki', 'Kibana', 'Logstash', 'Splunk', 'structured logging', 'log aggregation'],
    group: 'observability-security',
    icon: 'Logs',
    card: {
      what: 'Every service writes structured JSON log lines (timestamp, level, service, trace_id, message) that ship to one searchable store.',
      when: 'To answer why something failed once metrics show that it did, and to debug one request end to end by joining logs on trace_id.',
      tradeoffs:
        'The richest detail of the three pillars, but the costliest to ingest and keep. Never write PII such as emails, passwords or card numbers, and keep DEBUG out of production.',
      numbers:
        'A typical answer keeps about 30 days of logs; tag each line with request_id or trace_id so it links to its trace.',
    },
    annotation: '30-day retention',
    sources: [
      { source: '002_166e20fca8cfff70.txt', section: 'Structured Logging Best Practices' },
      '001_49db91e9f3f145ef.txt',
    ],
  },
  {
    id: 'distributed-tracing',
    name: 'Distributed tracing',
    aliases: ['tracing', 'OpenTelemetry', 'OTel', 'Jaeger', 'Zipkin', 'Tempo', 'X-Ray', 'traceparent', 'spans'],
    group: 'observability-security',
    icon: 'Waypoints',
    card: {
      what: 'Follows one request across services as a tree of timed spans, carried by a trace id in a header such as W3C traceparent.',
      when: 'With microservices, when a slow or failing request crosses many hops and you must find which dependency is the bottleneck.',
      tradeoffs:
        'Tracing every call costs too much, so you sample. Head sampling (random share) is simple; tail sampling decides after the fact and keeps all slow and failed requests.',
      numbers:
        "Twitter's Zipkin setup: trace every error and every request over 1 s, plus 0.1% of successes, for under 1% CPU overhead.",
    },
    annotation: '0.1% sampled',
    sources: [
      { source: '002_166e20fca8cfff70.txt', section: 'Distributed Tracing (Jaeger, Tempo)' },
      { source: '001_49db91e9f3f145ef.txt', section: 'Distributed Tracing' },
    ],
  },
  {
    id: 'slo-alerting',
    name: 'SLO & alerting',
    aliases: ['SLO', 'SLI', 'SLA', 'alerts', 'PagerDuty', 'error budget', 'on-call'],
    group: 'observability-security',
    icon: 'Siren',
    card: {
      what: 'An SLI is the measured signal, an SLO the internal target for it, an SLA the contract with customers; alerts page on-call when the target is at risk.',
      when: 'When you close a design by saying how you would know the critical path is healthy, and what would wake someone up.',
      tradeoffs:
        'Alert on sustained user impact, not on every error or a noisy p50. Too many alerts train people to ignore them; too few miss real outages.',
      numbers:
        'Write an SLO as a target over a window, e.g. 99.9% of checkout calls under 200 ms across 30 days. Page only on sustained harm: p99 over 1 s for 5 minutes, or errors over 1% for 10.',
    },
    annotation: 'p99 < 200 ms, 99.9%',
    sources: [
      { source: '002_166e20fca8cfff70.txt', section: 'Metrics (Prometheus + Grafana)' },
      { source: '001_49db91e9f3f145ef.txt', section: "Alert Thresholds (Don't Alert on Everything!)" },
    ],
  },
  {
    id: 'authentication',
    name: 'Authentication',
    aliases: ['authn', 'auth service', 'JWT', 'OAuth', 'OAuth 2.0', 'OIDC', 'PKCE', 'API key', 'SSO', 'session auth'],
    group: 'observability-security',
    icon: 'KeyRound',
    card: {
      what: 'Proves who the caller is: server-side sessions, signed JWT bearer tokens, OAuth 2.0 sign-in through another provider, or API keys for servers.',
      when: 'On every external request, usually checked once at the API gateway so backend services receive an already verified identity.',
      tradeoffs:
        'Sessions can be revoked at once but need shared storage. JWTs verify without a lookup and scale out, but stay valid until they expire. Use PKCE for mobile and SPA OAuth.',
      numbers:
        'JWT: 15-min access token plus 7-day refresh token, 200–1000 bytes each. Server API keys are long-lived and rotated about quarterly.',
    },
    annotation: 'JWT 15 min',
    sources: [
      { source: '002_166e20fca8cfff70.txt', section: 'API Authentication & Authorization' },
      { source: '001_49db91e9f3f145ef.txt', section: 'Auth at Scale (Interviewers LOVE This Topic)' },
    ],
  },
  {
    id: 'service-auth',
    name: 'Service-to-service auth',
    aliases: ['mTLS', 'mutual TLS', 'HMAC', 'request signing', 'webhook signature', 'zero trust'],
    group: 'observability-security',
    icon: 'Handshake',
    card: {
      what: 'Machines proving identity to each other: mutual TLS, where both sides present certificates, or HMAC, where the sender signs the body with a shared secret.',
      when: 'mTLS between internal services in a zero-trust network, often applied by the mesh sidecars; HMAC for webhooks sent to third parties.',
      tradeoffs:
        'mTLS removes per-request auth calls but needs certificate issuance and rotation. HMAC is simple, yet both sides must guard the secret and reject replayed requests.',
      numbers:
        'With mesh mTLS there are zero per-request calls to an auth service. Rotate certificates and shared secrets on a schedule, as with quarterly key rotation.',
    },
    annotation: 'mTLS',
    sources: [
      { source: '002_166e20fca8cfff70.txt', section: 'API Authentication & Authorization' },
      { source: '001_49db91e9f3f145ef.txt', section: 'API Keys for Service-to-Service' },
    ],
  },
  {
    id: 'authorization',
    name: 'Authorization',
    aliases: ['authz', 'RBAC', 'ABAC', 'access control', 'permissions', 'roles', 'ACL'],
    group: 'observability-security',
    icon: 'UserCheck',
    card: {
      what: 'Decides what a verified caller may do: RBAC maps roles (admin, editor, viewer) to actions; ABAC evaluates attributes of user, resource and context.',
      when: 'On every request after authentication. Start with RBAC; mention ABAC when rules depend on ownership, tenant, time or location.',
      tradeoffs:
        'RBAC is easy to reason about but roles multiply as rules get finer. ABAC is expressive but harder to audit. A central permission check can become a hot spot.',
      numbers:
        "Cache each user's permission set, e.g. key user:123:permissions, with a 5-minute TTL so the auth service is off the hot path.",
    },
    annotation: 'perms TTL 5 min',
    sources: [
      { source: '001_49db91e9f3f145ef.txt', section: 'Role-Based Access Control (RBAC)' },
      '002_166e20fca8cfff70.txt',
    ],
  },
  {
    id: 'e2e-encryption',
    name: 'End-to-end encryption',
    aliases: ['E2EE', 'E2E encryption', 'Signal Protocol', 'forward secrecy', 'client-side encryption'],
    group: 'observability-security',
    icon: 'LockKeyhole',
    card: {
      what: "Messages are encrypted on the sender's device with keys only the recipients hold; the server relays and stores ciphertext it cannot read.",
      when: 'Private messaging (WhatsApp, Signal) or any product that promises the operator cannot see user content.',
      tradeoffs:
        'Strong privacy and perfect forward secrecy, but the server cannot search, moderate or index content, and multi-device plus group key management gets complex.',
      numbers:
        'In Signal-style groups each sender hands its sender key to every member over pairwise encrypted channels; keys are replaced when someone leaves, so cost grows with group size.',
    },
    annotation: 'Signal Protocol',
    sources: [
      { source: '001_49db91e9f3f145ef.txt', section: 'Security: End-to-End Encryption' },
      '002_166e20fca8cfff70.txt',
      '004_883ce214cd1f0ecf.txt',
    ],
  },
  {
    id: 'signed-urls',
    name: 'Signed URLs',
    aliases: ['presigned URL', 'pre-signed URL', 'hotlink protection', 'expiring link', 'signed cookie'],
    group: 'observability-security',
    icon: 'Link2',
    card: {
      what: 'A link to a blob or CDN object that carries an expiry time and a signature, so the storage or edge can serve it without asking the app.',
      when: 'Direct client uploads and downloads to object storage, private media behind a CDN, and stopping other sites from hotlinking your files.',
      tradeoffs:
        'Takes the bytes off your servers and needs no per-request auth, but a leaked link works for anyone until it expires; pair with referer checks, geo limits and rate limits.',
      numbers:
        'Keep expiry short, about 1 hour for media links; signing is an HMAC over the path and expiry, done in the app.',
    },
    annotation: 'expires 1 h',
    sources: [
      { source: '003_00a63fccc9d8ea53.txt', section: 'Q2: Prevent hotlinking?' },
      { source: '003_00a63fccc9d8ea53.txt', section: '1. Object Storage (S3, GCS)' },
      '002_166e20fca8cfff70.txt',
    ],
  },
  {
    id: 'error-envelope',
    name: 'Error envelope',
    aliases: ['API error format', 'RFC 7807', 'Problem Details', 'problem+json', 'error codes'],
    group: 'observability-security',
    icon: 'TriangleExclamationPoint',
    card: {
      what: 'One consistent JSON shape for every API error: a machine-readable code, a human message, optional details and the request_id.',
      when: 'Whenever you sketch an API, so clients can branch on codes and support staff can match a complaint to a trace.',
      tradeoffs:
        'Small upfront design cost for far easier client handling and debugging. Never leak stack traces or raw DB errors; keep 4xx (caller fault) apart from 5xx.',
      numbers:
        'Shape: {"error":{"code":"RATE_LIMITED","message":"…","retry_after":47}}; RFC 7807 Problem Details is the standard for REST.',
    },
    annotation: '429 RATE_LIMITED',
    sources: [{ source: '002_166e20fca8cfff70.txt', section: 'API Error Design' }],
  },
]
