import type { BlockEntry } from '../catalogSchema'

/** APIs & real-time: how clients and services talk, request-response and push. */
export const apisRealtimeBlocks: BlockEntry[] = [
  {
    id: 'rest-api',
    name: 'REST API',
    aliases: ['REST', 'RESTful', 'HTTP API', 'JSON API', 'CRUD API'],
    group: 'apis-realtime',
    icon: 'Braces',
    card: {
      what: 'Resource-oriented HTTP/JSON: nouns in URLs (/users/42/orders), verbs from GET, POST, PUT, PATCH, DELETE, and meaning from status codes such as 201, 404, 409, 429.',
      when: 'Public and partner APIs and plain CRUD, where HTTP caching and wide tooling matter. Version in the path (/api/v1/) and paginate with cursors.',
      tradeoffs:
        'Simple and cacheable, but endpoints over- or under-fetch for specific screens. GET, PUT and DELETE are idempotent; POST is not, so retried creates need an idempotency key.',
      numbers: 'Roughly 10-50 ms per call and ~10K requests/s per service instance.',
    },
    annotation: 'p99 < 50 ms',
    sources: [
      { source: '002_166e20fca8cfff70.txt', section: 'REST — Principles & Best Practices' },
      '001_49db91e9f3f145ef.txt',
      { source: '004_883ce214cd1f0ecf.txt', section: 'API Design' },
      '000_660079a65f9868b6.txt',
    ],
  },
  {
    id: 'graphql',
    name: 'GraphQL',
    aliases: ['GQL', 'Apollo', 'GraphQL subscriptions'],
    group: 'apis-realtime',
    icon: 'Share2',
    card: {
      what: 'One endpoint where the client sends a query naming exactly the fields it wants, and the server resolves them across underlying services in one response.',
      when: 'Mobile clients on tight bandwidth, or several frontends with different data needs, often behind a BFF. Saves chains of REST calls for a single screen.',
      tradeoffs:
        'No over-fetching and fewer round-trips, but queries travel as POSTs so HTTP caching is lost, and resolvers, query cost limits and N+1 fetches add complexity.',
      numbers:
        'Rule of thumb: one GraphQL round-trip replaces the several REST calls a screen would otherwise make; cap query depth and cost per request.',
    },
    annotation: '1 round-trip',
    sources: [
      { source: '002_166e20fca8cfff70.txt', section: 'GraphQL vs REST vs gRPC' },
      { source: '001_49db91e9f3f145ef.txt', section: '4. API Protocols Comparison' },
      '004_883ce214cd1f0ecf.txt',
    ],
  },
  {
    id: 'grpc',
    name: 'gRPC',
    aliases: ['RPC', 'Protobuf', 'Protocol Buffers', 'Thrift', 'remote procedure call', 'Finagle'],
    group: 'apis-realtime',
    icon: 'Cable',
    card: {
      what: 'Remote calls that look like local functions, generated from an IDL. gRPC runs Protobuf over HTTP/2 with unary, server-, client- and bidirectional streaming calls.',
      when: 'Internal service-to-service traffic that needs low latency, strong typing and many languages. Field numbers in the schema must never be reused or changed.',
      tradeoffs:
        'Compact and fast, but couples services through shared schemas, is harder to debug than JSON, has no HTTP caching, and browsers need a grpc-web proxy.',
      numbers:
        'Protobuf messages are several times smaller and cheaper to parse than JSON; 1-5 ms per call inside a data centre; ~100K requests/s per server.',
    },
    annotation: '< 5 ms',
    sources: [
      { source: '001_49db91e9f3f145ef.txt', section: '1.1 RPC (Remote Procedure Call)' },
      { source: '002_166e20fca8cfff70.txt', section: 'GraphQL vs REST vs gRPC' },
      '004_883ce214cd1f0ecf.txt',
    ],
  },
  {
    id: 'short-polling',
    name: 'Short polling',
    aliases: ['polling', 'periodic polling', 'interval polling'],
    group: 'apis-realtime',
    icon: 'RefreshCw',
    card: {
      what: 'The client asks the server for news on a fixed interval, whether or not anything changed.',
      when: 'Only for prototypes or rare, non-urgent checks. For anything real-time, name it to explain why you chose long polling, SSE or WebSockets instead.',
      tradeoffs:
        'Trivial to build and works everywhere, but most requests return nothing, latency equals the interval, and load grows with users times frequency. Drains phone batteries.',
      numbers: '1M users polling once a second is 1M requests/s. A 5 s interval means up to 5 s of staleness.',
    },
    annotation: 'every 5 s',
    sources: [
      { source: '003_00a63fccc9d8ea53.txt', section: "1. Simple Polling (Baseline - Don't Use)" },
      { source: '001_49db91e9f3f145ef.txt', section: 'Why Not Simple Polling?' },
      '000_660079a65f9868b6.txt',
    ],
  },
  {
    id: 'long-polling',
    name: 'Long polling',
    aliases: ['Comet', 'hanging GET', 'long poll'],
    group: 'apis-realtime',
    icon: 'Hourglass',
    card: {
      what: 'The server keeps each request open until it has data or a timeout fires; the client then immediately opens the next one, giving push-like delivery over plain HTTP.',
      when: 'Infrequent updates, older clients, or networks whose proxies and firewalls break persistent connections. Comments, votes and feed "new posts" banners.',
      tradeoffs:
        'Far fewer empty responses than short polling and no special infrastructure, but every waiting client still pins a connection, and reconnect gaps can drop or duplicate events.',
      numbers:
        'With a 30 s timeout an idle client makes ~120 requests/hour instead of 3,600; delivery delay 0-30 s, often under 1 s when data is flowing.',
    },
    annotation: '30 s timeout',
    sources: [
      { source: '003_00a63fccc9d8ea53.txt', section: '2. Long Polling (Better, Still Limited)' },
      { source: '001_49db91e9f3f145ef.txt', section: 'Real-Time Updates: Long Polling' },
      '002_166e20fca8cfff70.txt',
    ],
  },
  {
    id: 'sse',
    name: 'Server-Sent Events',
    aliases: ['SSE', 'EventSource', 'event stream', 'text/event-stream'],
    group: 'apis-realtime',
    icon: 'Rss',
    card: {
      what: 'A long-lived HTTP response the server keeps writing events to. One-way, server to client, with automatic reconnection built into the browser API.',
      when: 'Notifications, live dashboards, tickers, progress bars and streaming LLM tokens: anything where the client mostly listens.',
      tradeoffs:
        'Simpler than WebSockets and plays well with HTTP infrastructure, but it is one-way (client sends via normal requests) and browsers cap connections per domain on HTTP/1.1.',
      numbers:
        'Budget ~10–50 KB per open stream (socket buffers plus app state): 1M streams need ~10–50 GB across the fleet. Delivery latency 0-100 ms.',
    },
    annotation: '1M streams',
    sources: [
      { source: '003_00a63fccc9d8ea53.txt', section: '3. Server-Sent Events (SSE)' },
      { source: '002_166e20fca8cfff70.txt', section: 'Protocol Comparison' },
      '001_49db91e9f3f145ef.txt',
    ],
  },
  {
    id: 'websocket',
    name: 'WebSocket',
    aliases: ['WS', 'WSS', 'full-duplex connection', 'socket.io'],
    group: 'apis-realtime',
    icon: 'ArrowRightLeft',
    card: {
      what: 'A persistent, full-duplex TCP channel opened by upgrading an HTTP request; both sides can send at any time.',
      when: 'Chat, collaborative editing, multiplayer games, trading screens, live location: frequent messages in both directions with low latency.',
      tradeoffs:
        'Lowest-latency two-way link, but connections are stateful: route them sticky or by consistent hash, add a pub/sub backplane between servers, and handle reconnects and resync.',
      // Size by peak concurrent connections, not total users (seeds 001/002 divide 2B users by 100K).
      numbers:
        'Delivery ~0-50 ms. About 100K concurrent connections per server. Divide peak concurrent connections, not users: 500M online at peak ÷ 100K ≈ 5K servers, ~10K run at half load.',
    },
    annotation: '100K conns/server',
    sources: [
      { source: '003_00a63fccc9d8ea53.txt', section: '4. WebSockets (Full Duplex)' },
      '001_49db91e9f3f145ef.txt',
      { source: '002_166e20fca8cfff70.txt', section: 'WebSocket at Scale' },
      { source: '000_660079a65f9868b6.txt', section: 'Pattern 12: WebSocket (Real-time Communication)' },
      '004_883ce214cd1f0ecf.txt',
    ],
  },
  {
    id: 'webrtc',
    name: 'WebRTC',
    aliases: ['peer-to-peer', 'P2P', 'STUN', 'TURN', 'ICE'],
    group: 'apis-realtime',
    icon: 'Video',
    card: {
      what: 'Direct peer-to-peer audio, video and data channels between clients. A signalling server introduces the peers; STUN and TURN servers get them through NAT.',
      when: 'Video and voice calls, screen sharing, peer file transfer and latency-critical games.',
      tradeoffs:
        'Media skips your servers, which saves bandwidth and latency, but setup is complex, NAT traversal fails for some users (relay through TURN), and large group calls need an SFU.',
      numbers:
        'No server in the media path once peers connect directly: latency is the network path between them (a few ms nearby, ~70–170 ms across oceans). Only signalling and TURN relay traffic touch your servers.',
    },
    annotation: 'peer-to-peer',
    sources: [{ source: '003_00a63fccc9d8ea53.txt', section: '5. WebRTC (Peer-to-Peer)' }],
  },
  {
    id: 'webtransport',
    name: 'WebTransport',
    aliases: ['QUIC', 'HTTP/3', 'WebTransport datagrams'],
    group: 'apis-realtime',
    icon: 'Send',
    card: {
      what: 'An emerging browser API over HTTP/3 (QUIC) that offers multiple independent streams plus unreliable datagrams on one connection.',
      when: 'Real-time games and video conferencing that want UDP-like delivery without head-of-line blocking, where WebSocket over TCP falls short.',
      tradeoffs:
        'Avoids TCP head-of-line blocking and allows dropping late packets, but support and tooling are still young, and some networks block UDP, so keep a WebSocket fallback.',
      // Seed 001's "30-50% lower latency than HTTP/2" is not a general result; QUIC's gains are the handshake (RFC 9000/9001)
      // and no cross-stream head-of-line blocking, which matter most on lossy links.
      numbers:
        'QUIC connects in 1 round trip (0 on resumption) vs 2–3 for TCP plus TLS, and a lost packet stalls only its own stream. Mention it as the forward-looking option, not a default.',
    },
    annotation: 'over HTTP/3',
    sources: [{ source: '002_166e20fca8cfff70.txt', section: 'Protocol Comparison' }, '001_49db91e9f3f145ef.txt'],
  },
  {
    id: 'webhook',
    name: 'Webhook',
    aliases: ['webhooks', 'callback URL', 'HTTP callback', 'reverse API'],
    group: 'apis-realtime',
    icon: 'Webhook',
    card: {
      what: 'Server-to-server push: the consumer registers a URL and your service POSTs an event to it when something happens, such as a payment settling or a long job finishing.',
      when: 'Notifying partners or other systems about async results instead of making them poll. Common for payments, CI and long-running tasks.',
      tradeoffs:
        'No polling and near-real-time, but the receiver needs a public endpoint, you need retries with backoff, idempotent handling and HMAC-signed bodies so receivers can trust them.',
      numbers:
        'Rule of thumb: delivery is at-least-once, so retry failures with exponential backoff and jitter, park repeated failures in a DLQ, and have receivers dedupe by event id.',
    },
    annotation: 'HMAC-signed',
    sources: [
      { source: '003_00a63fccc9d8ea53.txt', section: '2. Webhooks (Event-Driven Callbacks)' },
      '002_166e20fca8cfff70.txt',
      '001_49db91e9f3f145ef.txt',
    ],
  },
  {
    id: 'service-mesh',
    name: 'Service mesh',
    aliases: ['Istio', 'Envoy', 'Linkerd', 'sidecar proxy', 'sidecar'],
    group: 'apis-realtime',
    icon: 'Network',
    card: {
      what: 'A sidecar proxy beside every service instance that handles internal calls: discovery, load balancing, retries, circuit breaking, mTLS and telemetry, configured centrally.',
      when: 'Many microservices calling each other, roughly 10 or more. It covers internal east-west traffic; the API gateway covers external traffic.',
      tradeoffs:
        'Uniform security and observability without touching service code, but every call gains a proxy hop, and the control plane is one more complex system to operate.',
      numbers:
        'Envoy-class sidecars sustain 100K+ RPS; the extra hop costs around a millisecond. Worth it from about 10 services up.',
    },
    annotation: 'mTLS',
    sources: [
      { source: '001_49db91e9f3f145ef.txt', section: 'API Gateway vs Service Mesh' },
      '004_883ce214cd1f0ecf.txt',
      '000_660079a65f9868b6.txt',
      '002_166e20fca8cfff70.txt',
    ],
  },
  {
    id: 'service-discovery',
    name: 'Service discovery',
    aliases: ['service registry', 'Consul', 'Eureka', 'Kubernetes DNS', 'K8s DNS'],
    group: 'apis-realtime',
    icon: 'Compass',
    card: {
      what: 'A registry that tracks which instances of each service are alive and where, so callers look up healthy addresses instead of hard-coding hosts.',
      when: 'As soon as services scale horizontally or move around (containers, auto-scaling). Instances register on start and are removed when health checks fail.',
      tradeoffs:
        'Makes elastic scaling possible, but the registry must be highly available and caches of it go stale; client-side lookup is fast, server-side (via LB or DNS) keeps clients simple.',
      numbers:
        'Health checks every ~5 s, as behind a load balancer; gossip-style membership marks a silent node dead after ~10 s. Client-side lookups are cached, so the hop is near zero.',
    },
    annotation: 'health every 5 s',
    sources: [
      { source: '004_883ce214cd1f0ecf.txt', section: 'Microservices Architecture' },
      '002_166e20fca8cfff70.txt',
      '001_49db91e9f3f145ef.txt',
    ],
  },
]
