import type { Problem } from '../problemSchema'

/** Classic designs (seeds Tier A): media streaming, files and collaborative documents. */
export const classicMediaAndDocsProblems: Problem[] = [
  {
    id: 'youtube',
    title: 'YouTube',
    category: 'classic',
    difficulty: 'hard',
    prompt:
      'Design YouTube: creators upload videos, the platform processes them into multiple qualities, and billions of viewers stream them with adaptive quality on any device.',
    functional: [
      'Upload large videos in many formats',
      'Stream with adaptive bitrate across devices and networks',
      'Search videos by title, description and tags',
      'Like, comment, subscribe; thumbnails and view counts',
    ],
    nonFunctional: [
      // Seed 001 says video start < 200 ms; a player fetches a manifest, then a first segment of ~1 MB, each a round trip
      // to the edge plus transfer, and measured start-up times are around a second or more (Conviva streaming reports).
      'Playback starts within about 1–2 s for popular videos (manifest and first segment from the edge)',
      'Upload is acknowledged within seconds; processing can take minutes',
      'Availability 99.9% for streaming',
      'View and like counts may be eventually consistent',
    ],
    scale: [
      '2B+ users, 5B+ views per day, 30M+ concurrent viewers at peak',
      '500 hours of video uploaded every minute',
      // Seed 001 says renditions cost ~12x; one rendition per resolution sums to ~1.5–2x the top one (see `compression`).
      // 500 h/min × 525,600 min/year ≈ 263M hours a year; at ~4 GB/h of renditions ≈ 1 EB a year.
      'A 1080p upload is about 1 GB per 10 minutes; all renditions together cost ~1.5–2x the top rendition',
      'Storage grows by roughly an exabyte per year; most views should be served from the edge',
    ],
    followUps: [
      'How does the transcoding pipeline parallelize a one-hour upload?',
      'How does adaptive bitrate streaming work on the client side?',
      'Why not put every video on the CDN? How do you serve the long tail cheaply?',
      'How do you count billions of views without a hot row per video?',
      'How would you pre-warm the CDN for a video that is about to go viral?',
      'A transcode worker dies halfway through. What happens to the job?',
      'How do recommendations stay fresh after each watch?',
    ],
    hints: [
      'Split the problem into the upload/processing path and the watch path.',
      'Could you cut the video into small pieces before encoding?',
      'Think about how popularity is distributed across videos when you place them.',
    ],
    checklist: [
      { item: 'Resumable chunked upload to blob storage', kinds: ['chunked-upload', 'object-storage'] },
      {
        item: 'Queue-driven transcoding workers producing multiple resolutions',
        kinds: ['media-transcoder', 'worker-pool'],
      },
      { item: 'Segmented ABR streaming (HLS/DASH manifests)', kinds: ['media-transcoder'] },
      { item: 'CDN for popular videos, origin for the long tail', kinds: ['cdn', 'origin-shield'] },
      { item: 'Metadata DB sharded with a cache in front', kinds: ['sharding'] },
      { item: 'Search index over titles, descriptions and tags', kinds: ['search-index', 'search-service'] },
      {
        item: 'View counts via sharded counters or approximate counting',
        kinds: ['sharded-counter', 'counting-sketch'],
      },
      { item: 'Failed jobs retried and parked in a dead-letter queue', kinds: ['retry-backoff', 'dead-letter-queue'] },
    ],
    sources: [
      '000_660079a65f9868b6.txt',
      { source: '001_49db91e9f3f145ef.txt', section: '7. YouTube - Video Streaming Platform' },
      {
        source: '002_166e20fca8cfff70.txt',
        section: 'DAY 23 Design YouTube — Video Storage, Transcoding, CDN Full HLD+LLD',
      },
      { source: '003_00a63fccc9d8ea53.txt', section: 'Real-World Example: YouTube' },
    ],
  },
  {
    id: 'netflix',
    title: 'Netflix video streaming',
    category: 'classic',
    difficulty: 'hard',
    prompt:
      'Design a video streaming service like Netflix or Hotstar: a fixed catalogue of titles, streamed to millions of subscribers in up to 4K, with personalized recommendations.',
    functional: [
      'Stream titles at 720p, 1080p and 4K with adaptive quality',
      'Browse the catalogue and see personalized recommendations',
      'Resume playback where you left off, on any device',
      'Ingest and encode new titles from the studio',
    ],
    nonFunctional: [
      'Playback starts quickly and rebuffers rarely',
      'The vast majority (90%+) of bytes served from the CDN',
      'Recommendations served in milliseconds, not computed per request',
      'Highly available during peak evening hours',
    ],
    scale: [
      '200M subscribers, 100M DAU, ~10K titles',
      // 1B h/month ≈ 1.4M average concurrent streams; at ~3–5 Mbps that is ~4–7 Tbps on average, 2–3x at the evening peak.
      '1B hours watched per month: ~1.4M concurrent streams on average, ~4–7 Tbps; 2–3x that at the evening peak',
      'About 300 TB of encoded video, replicated to ~100 edge locations',
      'Metadata API about 11.5K QPS',
    ],
    followUps: [
      'Why is the CDN mandatory here, and how do you place content on edge servers before demand?',
      'What bitrate ladder would you encode, and how long is each segment?',
      'How often do you save playback position, and where?',
      'Precomputed or real-time recommendations? What is the latency difference?',
      'An encoding job fails repeatedly for one title. How is it handled?',
      'A live cricket final brings 25M concurrent viewers. What changes vs video on demand?',
    ],
    hints: [
      'The catalogue is small and known in advance; how does that help distribution?',
      'Estimate egress bandwidth before deciding where video is served from.',
      'Which work can happen overnight instead of on each request?',
    ],
    checklist: [
      { item: 'CDN serves almost all video bytes', kinds: ['cdn'] },
      { item: 'Encoding pipeline into a bitrate ladder of segments', kinds: ['media-transcoder'] },
      { item: 'Master files and encoded segments in object storage', kinds: ['object-storage'] },
      {
        item: 'Encoding jobs queued with retries and a DLQ',
        kinds: ['message-queue', 'dead-letter-queue', 'retry-backoff'],
      },
      {
        item: 'Recommendations precomputed in batch and served from a cache',
        kinds: ['batch-processor', 'ranking-service', 'distributed-cache'],
      },
      {
        item: 'Playback position store written every few seconds',
        kinds: ['key-value-store', 'wide-column-store', 'sql-database'],
      },
      { item: 'API gateway in front of catalogue, user and playback services', kinds: ['api-gateway'] },
      { item: 'Bandwidth estimate drives the CDN decision', kinds: [] },
    ],
    sources: [
      '000_660079a65f9868b6.txt',
      { source: '001_49db91e9f3f145ef.txt', section: '2. Design Netflix (Video Streaming)' },
      '002_166e20fca8cfff70.txt',
    ],
  },
  {
    id: 'google-docs',
    title: 'Google Docs',
    category: 'classic',
    difficulty: 'hard',
    prompt:
      'Design a real-time collaborative document editor like Google Docs: many people edit the same document at once and everyone sees the others’ changes almost immediately.',
    functional: [
      'Multiple users edit one document at the same time',
      'Concurrent edits merge without losing anyone’s changes',
      'Version history with restore to any earlier version',
      'Comments and suggestions',
      'Offline editing that syncs on reconnect',
    ],
    nonFunctional: [
      'Edits appear on other screens within 50–100 ms',
      'All collaborators converge to the same document state',
      'Never lose a user’s work',
      'Availability 99.99%',
    ],
    scale: [
      '2B+ documents stored',
      'Up to ~50 simultaneous editors on one document',
      '10,000+ documents being edited concurrently (millions of editors overall)',
    ],
    followUps: [
      'Two users type at the same position at the same time. Walk through what each sees.',
      'OT or CRDT? What does each need from the server, and which handles offline better?',
      'How do all collaborators of one document get each other’s edits when they are on different servers?',
      'How do you rebuild any past version without storing a full copy per keystroke?',
      'A client disconnects for 10 minutes while editing. How does it catch up?',
      'Why is polling a poor fit here? Put numbers on it.',
      'What replicates across regions, and synchronously or not?',
    ],
    hints: [
      'Think about sending operations rather than whole documents.',
      'What if two operations refer to the same character position?',
      'If you kept every operation, what could you do with that log later?',
    ],
    checklist: [
      { item: 'WebSocket connections for low-latency edit exchange', kinds: ['websocket', 'websocket-gateway'] },
      {
        item: 'Conflict resolution with OT or CRDT',
        kinds: ['operational-transformation', 'crdt', 'collaboration-engine'],
      },
      { item: 'Append-only operation log per document', kinds: ['event-store', 'event-sourcing'] },
      {
        item: 'Periodic snapshots so loading does not replay everything',
        kinds: ['checkpointing'],
      },
      { item: 'Per-document broadcast channel across servers', kinds: ['redis-pub-sub', 'pub-sub-topic'] },
      { item: 'Client batches keystrokes before sending', kinds: ['batched-writes'] },
      { item: 'Presence/cursors of collaborators', kinds: ['presence-service'] },
      { item: 'Multi-region with async cross-region replication', kinds: ['multi-region-dr', 'replication'] },
    ],
    sources: [
      '000_660079a65f9868b6.txt',
      { source: '001_49db91e9f3f145ef.txt', section: '17. Google Docs - Collaborative Document Editing' },
      '002_166e20fca8cfff70.txt',
      { source: '003_00a63fccc9d8ea53.txt', section: 'Scenario: Collaborative Document Editor (Google Docs)' },
      '004_883ce214cd1f0ecf.txt',
    ],
  },
  {
    id: 'dropbox',
    title: 'Dropbox file sync',
    category: 'classic',
    difficulty: 'medium',
    prompt:
      'Design a file storage and sync service like Dropbox or Google Drive: users upload files of any size, see them on all their devices, share them and restore earlier versions.',
    functional: [
      'Upload and download files up to ~10 GB',
      'Sync changes across desktop, mobile and web clients',
      'Share files and folders with other users',
      'Version history per file',
    ],
    nonFunctional: [
      'Uploads survive network drops and can resume',
      'No data loss; files are durable once acknowledged',
      'Changes reach a user’s other devices within tens of seconds',
      'Per-user storage quotas (e.g. 15 GB free, 2 TB paid)',
    ],
    scale: [
      '500M users, 100M DAU',
      'About 2 uploads per user per day at ~5 MB each: ~1 PB uploaded per day',
      'About 11.5K requests/s; ~12 GB/s upload and ~36 GB/s download bandwidth',
      'About 50 TB of file metadata',
    ],
    followUps: [
      'A user edits one line of a 2 GB file. What gets uploaded?',
      'How do devices learn that something changed: push, long polling or periodic polling?',
      'Two devices edit the same file offline. How do you resolve the conflict?',
      'How would you deduplicate identical content across users, and what are the privacy concerns?',
      'How do you let clients download directly from storage without proxying bytes through your servers?',
      'How do you shard the metadata?',
    ],
    hints: [
      'Keep file bytes and file metadata in different systems.',
      'What if the file were split into fixed-size pieces?',
      'How could a client ask only for what changed since it last synced?',
    ],
    checklist: [
      { item: 'Files split into chunks (e.g. 4 MB) with resumable parallel upload', kinds: ['chunked-upload'] },
      { item: 'Chunks stored in object storage, not the database', kinds: ['object-storage'] },
      { item: 'Metadata DB (files, versions, shares) sharded by user', kinds: ['sharding'] },
      { item: 'Content-hash deduplication of chunks', kinds: ['deduplication'] },
      {
        item: 'Change notification/sync service (delta since cursor)',
        kinds: ['long-polling', 'message-queue', 'short-polling'],
      },
      { item: 'Direct-to-storage transfers with signed URLs and CDN downloads', kinds: ['signed-urls', 'cdn'] },
      { item: 'Explicit conflict policy (last-write-wins or conflicted copy)', kinds: [] },
    ],
    sources: [{ source: '001_49db91e9f3f145ef.txt', section: '1. Design Dropbox / Google Drive' }],
  },
]
