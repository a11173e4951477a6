import type { BlockEntry } from '../catalogSchema'

/** Clients & edge: everything between the user and the first service. */
export const clientsEdgeBlocks: BlockEntry[] = [
  {
    id: 'client',
    name: 'Client',
    aliases: ['web app', 'mobile app', 'browser', 'iOS', 'Android', 'desktop app', 'IoT device', 'third-party client'],
    group: 'clients-edge',
    icon: 'MonitorSmartphone',
    card: {
      what: 'The app the user holds: browser, mobile, desktop, device or partner integration. It is the first layer of any diagram and talks to the edge over HTTPS.',
      when: 'Always draw it. Give it logic when it matters: local caching, batching keystrokes, compressing media before upload, reordering messages, reconnecting with backoff, optimistic UI.',
      tradeoffs:
        'Work done on the client saves server load and round-trips, but the client cannot be trusted: limits or checks enforced only there are easy to bypass.',
      numbers:
        'Collaborative editors batch keystrokes for ~50 ms before sending; photo apps compress to ~85% JPEG on the device; reconnects back off exponentially.',
    },
    annotation: '10M DAU',
    sources: ['002_166e20fca8cfff70.txt', '001_49db91e9f3f145ef.txt', '003_00a63fccc9d8ea53.txt'],
  },
  {
    id: 'dns',
    name: 'DNS / GeoDNS',
    aliases: ['GeoDNS', 'Route 53', 'Route53', 'Anycast', 'global load balancing', 'GSLB', 'domain name system'],
    group: 'clients-edge',
    icon: 'Globe',
    card: {
      what: 'Turns a hostname into an address. Geo- or latency-aware DNS answers with the closest or healthiest region or PoP, which is how global traffic gets steered.',
      when: 'Multi-region deployments, sending users to the nearest CDN edge, regional failover and blue-green cut-overs.',
      tradeoffs:
        'Answers are cached for the TTL, so failover is only as fast as the TTL allows. Short TTLs react quickly but raise resolver load; long TTLs are cheap but sticky.',
      numbers:
        'First lookup ~30 ms, then cached. TTL ~60 s around a switch-over, ~3600 s in steady state; CDN records often 60-300 s. Edge routing cuts 200-500 ms to 20-50 ms.',
    },
    annotation: 'TTL 60 s',
    sources: [
      { source: '002_166e20fca8cfff70.txt', section: 'DNS + Proxies' },
      { source: '001_49db91e9f3f145ef.txt', section: '2.2 DNS Redirection' },
      '004_883ce214cd1f0ecf.txt',
    ],
  },
  {
    id: 'cdn',
    name: 'CDN',
    aliases: [
      'content delivery network',
      'CloudFront',
      'Akamai',
      'Cloudflare',
      'Fastly',
      'edge cache',
      'PoP',
      'pull CDN',
      'push CDN',
    ],
    group: 'clients-edge',
    icon: 'Earth',
    card: {
      what: 'A network of edge caches (PoPs) near users that serve static files, media segments and cacheable public responses. Pull CDNs fetch from origin on a miss; push CDNs are preloaded.',
      when: 'Images, video, JS/CSS bundles and any heavy egress. Avoid it for per-user, fast-changing or unencrypted sensitive data. Invalidate with TTLs, versioned URLs or a purge API.',
      tradeoffs:
        'Much lower global latency, less origin load and a buffer against DDoS, in exchange for cost at scale, stale content and harder invalidation. A pull CDN makes the first request slow.',
      numbers:
        'Edge hit ~5-20 ms vs 200-500 ms from origin; 90-95% hit ratio is typical; big CDNs run 200+ PoPs and serve tens of millions of requests/s. Video sites serve 90-95%+ of views from the edge.',
    },
    annotation: '95% hit ratio',
    sources: [
      { source: '000_660079a65f9868b6.txt', section: 'Pattern 9: CDN (Content Delivery Network)' },
      { source: '001_49db91e9f3f145ef.txt', section: '2. Content Delivery Network (CDN)' },
      { source: '002_166e20fca8cfff70.txt', section: 'CDN Internals' },
      '003_00a63fccc9d8ea53.txt',
      { source: '004_883ce214cd1f0ecf.txt', section: 'Content Delivery Network (CDN)' },
    ],
  },
  {
    id: 'origin-shield',
    name: 'Origin shield',
    aliases: ['mid-tier cache', 'regional edge cache', 'tiered caching', 'shield PoP', 'multi-tier CDN'],
    group: 'clients-edge',
    icon: 'Layers',
    card: {
      what: 'A middle cache tier between the CDN edges and the origin. Misses from many PoPs are funnelled through it, so the origin sees one fetch per object instead of one per PoP.',
      when: 'Large CDN footprints, long-tail catalogues (video, images) or a fragile origin. Often part of a tree: edges, then regional hubs, then origin.',
      tradeoffs:
        'Protects the origin and raises the overall hit ratio, but adds an extra hop on a miss and another layer to purge when content changes.',
      numbers:
        'Cuts origin requests by roughly 70-90%. A long-tail target split is about 80% served at the edge, 15% regional, 5% origin.',
    },
    annotation: '-90% origin load',
    sources: [
      { source: '002_166e20fca8cfff70.txt', section: 'CDN Internals' },
      { source: '001_49db91e9f3f145ef.txt', section: '2.1 Multi-tier CDN Architecture' },
    ],
  },
  {
    id: 'load-balancer',
    name: 'Load balancer',
    aliases: [
      'LB',
      'ELB',
      'ALB',
      'NLB',
      'nginx',
      'HAProxy',
      'L4 load balancer',
      'L7 load balancer',
      'round robin',
      'least connections',
    ],
    group: 'clients-edge',
    icon: 'Split',
    card: {
      what: 'Spreads requests over a pool of servers, drops unhealthy ones via health checks and may terminate TLS. L4 routes on IP and port; L7 reads paths, headers and cookies.',
      when: 'In front of every stateless tier once one server is not enough, and for high availability and zero-downtime deploys. Pick round robin, weighted, least connections or hashing.',
      tradeoffs:
        'Adds a hop and is itself a single point of failure, so run an active-passive or active-active pair. Sticky sessions hurt scaling: keep session state in a shared store instead.',
      numbers:
        '~1 ms per hop. Health checks every ~5 s; draining gives in-flight requests 30-60 s. Typical setup: an HA pair in front of 3+ backends.',
    },
    annotation: '3 backends',
    sources: [
      { source: '000_660079a65f9868b6.txt', section: 'Pattern 1: Load Balancing' },
      { source: '001_49db91e9f3f145ef.txt', section: '1.3 Load Balancer' },
      { source: '002_166e20fca8cfff70.txt', section: 'L4 vs L7 Load Balancing' },
      { source: '004_883ce214cd1f0ecf.txt', section: 'Load Balancer' },
    ],
  },
  {
    id: 'reverse-proxy',
    name: 'Reverse proxy',
    aliases: ['proxy', 'forward proxy', 'Varnish', 'SSL termination', 'HTTP accelerator'],
    group: 'clients-edge',
    icon: 'ArrowLeftRight',
    card: {
      what: 'A server-side intermediary that clients do not know about; it forwards to backends and can add TLS termination, caching, compression and filtering. A forward proxy instead sits on the client side.',
      when: 'Fronting a small set of app servers, serving static files, caching HTTP responses, or hiding internal hosts. Forward proxies appear for corporate egress, VPNs and content filtering.',
      tradeoffs:
        'One place for TLS, caching and security rules, at the cost of a hop and another box to keep highly available. It overlaps with the LB and gateway, so name which role it plays.',
      numbers:
        'Adds roughly a millisecond. A single nginx-class proxy handles on the order of 100K RPS, so one HA pair covers most interview-scale traffic.',
    },
    annotation: 'TLS + cache',
    sources: [
      { source: '002_166e20fca8cfff70.txt', section: 'DNS + Proxies' },
      { source: '004_883ce214cd1f0ecf.txt', section: 'Proxy & API Gateway' },
      '001_49db91e9f3f145ef.txt',
    ],
  },
  {
    id: 'api-gateway',
    name: 'API gateway',
    aliases: ['API GW', 'Kong', 'AWS API Gateway', 'Zuul', 'Traefik', 'edge gateway'],
    group: 'clients-edge',
    icon: 'DoorOpen',
    card: {
      what: 'The single front door for external API calls: a reverse proxy that also authenticates, rate-limits, routes to services, transforms or aggregates requests, translates protocols and logs.',
      when: 'Several backend services behind one public API, external or partner clients, or when auth and quotas should live in one place. It handles north-south traffic; a mesh handles east-west.',
      tradeoffs:
        'Centralises cross-cutting concerns but becomes a bottleneck and single point of failure unless replicated, and adds latency to every call. Keep business logic out of it.',
      numbers:
        'Gateway hop with auth and rate limit ~5 ms. Throughput by product: NGINX or Envoy 100K+ RPS, Kong and Traefik 50K+, Zuul ~10K+, AWS API Gateway auto-scales.',
    },
    annotation: '+5 ms',
    sources: [
      { source: '000_660079a65f9868b6.txt', section: 'Pattern 13: API Gateway' },
      { source: '001_49db91e9f3f145ef.txt', section: 'API Gateway Patterns' },
      '002_166e20fca8cfff70.txt',
      { source: '004_883ce214cd1f0ecf.txt', section: 'Proxy & API Gateway' },
    ],
  },
  {
    id: 'bff',
    name: 'BFF',
    aliases: ['backend for frontend', 'backend-for-frontend', 'mobile BFF', 'web BFF'],
    group: 'clients-edge',
    icon: 'LayoutTemplate',
    card: {
      what: 'A separate API layer per client type (mobile, web, partner) that shapes responses for that client: lean payloads and small images for mobile, richer aggregated data for web, bulk calls for partners.',
      when: 'Several frontends with clearly different data needs, often paired with GraphQL. Also when one generic API forces clients into many round-trips or oversized payloads.',
      tradeoffs:
        'Each client gets exactly what it needs and teams can move independently, but you now own several gateways with duplicated logic to keep in step.',
      numbers:
        'One BFF per client family, usually 2-3 (mobile, web, partner). Mobile responses can drop to smaller images such as 480p to save bandwidth.',
    },
    annotation: 'mobile + web',
    sources: [
      { source: '001_49db91e9f3f145ef.txt', section: 'Backend for Frontend (BFF) Pattern' },
      '002_166e20fca8cfff70.txt',
      '004_883ce214cd1f0ecf.txt',
    ],
  },
  {
    id: 'rate-limiter',
    name: 'Rate limiter',
    aliases: ['throttling', 'rate limiting', 'token bucket', 'leaky bucket', 'sliding window counter', 'HTTP 429'],
    group: 'clients-edge',
    icon: 'Gauge',
    card: {
      what: 'Caps requests per key (user, IP, API key, endpoint) per time window and rejects the excess with 429 plus Retry-After. Algorithms: token or leaky bucket, fixed window, sliding log or counter.',
      when: 'Public APIs, abuse and scraping protection, tiered plans, protecting expensive endpoints. Enforce coarse limits at the gateway and fine ones in the service; counters live in Redis.',
      tradeoffs:
        'Token bucket allows bursts; fixed windows let 2x through at edges; sliding logs are exact but cost memory. A shared counter store adds a hop; fail open if it is down. IP keys punish NAT users.',
      numbers:
        'Redis check adds ~1-5 ms. Example tiers: free 100/min, pro 1,000/min. Real APIs: GitHub 5,000/hour, Stripe 100/s. Sliding-window counters are ~99% accurate.',
    },
    annotation: '100 req/min',
    sources: [
      { source: '000_660079a65f9868b6.txt', section: 'Pattern 7: Rate Limiting' },
      { source: '001_49db91e9f3f145ef.txt', section: '3. Rate Limiter' },
      { source: '002_166e20fca8cfff70.txt', section: 'Distributed Rate Limiting' },
      { source: '004_883ce214cd1f0ecf.txt', section: 'Rate Limiting' },
      '003_00a63fccc9d8ea53.txt',
    ],
  },
  {
    id: 'waf',
    name: 'WAF / DDoS protection',
    aliases: ['web application firewall', 'DDoS scrubber', 'scrubbing center', 'DDoS', 'AWS Shield', 'bot protection'],
    group: 'clients-edge',
    icon: 'BrickWallShield',
    card: {
      what: 'A filtering layer in front of the edge and origin that drops attack traffic: volumetric floods, malicious payloads, bad bots. Often run by the CDN in scrubbing servers.',
      when: 'Any public-facing system, and whenever the interviewer asks about abuse or DDoS. Draw it at the edge, before load balancers and gateways.',
      tradeoffs:
        'Stops attacks before they cost origin capacity, but rules can block legitimate users and add inspection latency; the big volumetric defence is usually bought, not built.',
      numbers:
        'Scrubbing tiers absorb volumetric attacks of roughly 10-100+ Gbps. Blocking happens at several layers: L3 IP blocks, L4 SYN-flood defence, L7 per-endpoint rules.',
    },
    annotation: '100 Gbps',
    sources: ['001_49db91e9f3f145ef.txt', '003_00a63fccc9d8ea53.txt'],
  },
  {
    id: 'edge-compute',
    name: 'Edge compute',
    aliases: ['edge computing', 'edge functions', 'Cloudflare Workers', 'Lambda@Edge', 'Compute@Edge'],
    group: 'clients-edge',
    icon: 'Zap',
    card: {
      what: 'Small serverless functions running at CDN PoPs, so personalisation, auth checks, redirects and A/B splits happen next to the user without a trip to the origin.',
      when: 'Latency-critical logic for a global audience, and the usual answer to cross-region latency alongside multi-region deploys and a CDN.',
      tradeoffs:
        'Removes origin round-trips, but functions are constrained (runtime, memory, no nearby database) and state or data residency becomes harder to reason about.',
      numbers:
        'Runs where the CDN edge already answers in ~10-20 ms, versus 100-500 ms to a distant origin. HTTP/3 at the edge also saves a handshake round trip per new connection.',
    },
    annotation: '200+ PoPs',
    sources: ['001_49db91e9f3f145ef.txt', '004_883ce214cd1f0ecf.txt'],
  },
]
