import type { PhaseGuide } from './phaseSchema'

/** Prompt cards for the interview timer, one per phase, in interview order. Paraphrased from the seed frameworks. */
export const phaseGuides: PhaseGuide[] = [
  {
    id: 'intro',
    label: 'Intro & prompt',
    goal: 'Read the prompt, make sure both sides mean the same problem, and agree on how the time will be spent.',
    prompts: [
      'Restate the problem in your own words and confirm it with the interviewer.',
      'Sketch the plan: requirements, estimates, API and data, design, deep dive, wrap-up.',
      'Ask whether the focus is the high-level architecture or one component in detail.',
      'Unfamiliar system? Reason from first principles out loud instead of giving up.',
    ],
    sources: ['003_00a63fccc9d8ea53.txt', '000_660079a65f9868b6.txt', '002_166e20fca8cfff70.txt'],
  },
  {
    id: 'requirements',
    label: 'Requirements',
    goal: 'Pin down what the system must do, how well it must do it, and what is out of scope, and write it all on the board.',
    prompts: [
      'Who uses it, on which clients (mobile, web), and what are the two or three core actions?',
      'How big: total and daily users, requests per second, growth? Is it read- or write-heavy?',
      'Latency target (p50 or p99)? Availability target? Can some data be stale, and for how long?',
      'One region or global? Any compliance, data residency or abuse concerns?',
      'Mark must-haves, nice-to-haves and what you will explicitly skip.',
    ],
    sources: [
      '002_166e20fca8cfff70.txt',
      '003_00a63fccc9d8ea53.txt',
      '000_660079a65f9868b6.txt',
      '001_49db91e9f3f145ef.txt',
      '004_883ce214cd1f0ecf.txt',
    ],
  },
  {
    id: 'estimation',
    label: 'Capacity estimation',
    goal: 'Size traffic, storage, bandwidth and memory in about five minutes, and let the numbers point at the bottleneck.',
    prompts: [
      'DAU: often 10–30% of total users. A day ≈ 86,400 s, call it 10^5.',
      'QPS ≈ DAU × actions per day ÷ 86,400; peak ≈ 2–5× average. Split reads and writes.',
      'Storage ≈ writes per day × object size × retention period.',
      'Bandwidth ≈ QPS × payload size; a large figure usually means CDN or cache.',
      'Cache memory ≈ hot set (about 20% of data serves 80% of reads) × object size.',
      'State assumptions, round hard, then say whether it is CPU, memory, I/O or network bound.',
    ],
    sources: [
      '000_660079a65f9868b6.txt',
      '002_166e20fca8cfff70.txt',
      '004_883ce214cd1f0ecf.txt',
      '001_49db91e9f3f145ef.txt',
    ],
  },
  {
    id: 'api-data-model',
    label: 'API & data model',
    goal: 'Define the key endpoints and the entities behind them before drawing any boxes.',
    prompts: [
      'Write 2–3 key endpoints: resource, method, request and response, status codes.',
      'Which calls need pagination (cursor for feeds) or an idempotency key (payments, retries)?',
      'List the entities with primary keys and relationships (1:1, 1:N, M:N).',
      'For each main query, which index serves it?',
      'SQL or NoSQL, chosen from the access patterns? What is the shard key, and could it get hot?',
    ],
    sources: ['001_49db91e9f3f145ef.txt', '004_883ce214cd1f0ecf.txt', '002_166e20fca8cfff70.txt'],
  },
  {
    id: 'high-level-design',
    label: 'High-level design',
    goal: 'Draw a simple working design end to end, write path first, then the read path, and grow it as needed.',
    prompts: [
      'Begin with the simplest design that works, then say what you add as scale grows.',
      'Draw the write path first (the harder one), then the read path.',
      'Label every arrow (REST, gRPC, topic name, SQL) and mark sync versus async.',
      'Put numbers on boxes: RPS, p99 latency, replica count.',
      'Keep one level of abstraction; each box should be something that deploys and scales on its own.',
      'Which patterns does this need (cache, queue, CDN, sharding), and which does it not?',
    ],
    sources: [
      '002_166e20fca8cfff70.txt',
      '000_660079a65f9868b6.txt',
      '003_00a63fccc9d8ea53.txt',
      '001_49db91e9f3f145ef.txt',
      '004_883ce214cd1f0ecf.txt',
    ],
  },
  {
    id: 'deep-dive',
    label: 'Deep dive',
    goal: 'Go inside the hardest one to three components and show how and why they work.',
    prompts: [
      'Ask "Where would you like me to go deep?" or choose the riskiest component yourself.',
      'Explain the internals and why they fit the access pattern.',
      'What is the source of truth? What may be stale, where is it cached, and how is it invalidated?',
      'How are data and traffic partitioned? Where can duplicates appear, and how is it made idempotent?',
      'Compare two or three options with numbers; name the knobs (TTL, partitions, batch size, timeouts).',
    ],
    sources: [
      '002_166e20fca8cfff70.txt',
      '001_49db91e9f3f145ef.txt',
      '004_883ce214cd1f0ecf.txt',
      '003_00a63fccc9d8ea53.txt',
    ],
  },
  {
    id: 'wrap-up',
    label: 'Trade-offs & wrap-up',
    goal: 'Raise the limits of the design yourself, cover failures and operations, and close with a short summary.',
    prompts: [
      'What fails first at 10x traffic? What happens when the database or a region goes down?',
      'For each big choice: what it buys, what it costs, and why you picked it.',
      'Which metric or alert would wake you at 3 AM? How is the critical path observed?',
      'What would you ship first, and how would you migrate to the scaled version?',
      'Recap the key decisions and bottlenecks, then ask which area to explore further.',
    ],
    sources: [
      '000_660079a65f9868b6.txt',
      '002_166e20fca8cfff70.txt',
      '004_883ce214cd1f0ecf.txt',
      '001_49db91e9f3f145ef.txt',
    ],
  },
]
