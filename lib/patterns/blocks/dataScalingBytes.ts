import type { BlockEntry } from '../catalogSchema'

/** Data-scaling techniques, continued: storage engines and keeping bytes cheap (tiering, chunked uploads, deduplication, compression, pagination), listed after `dataScalingBlocks`. */
export const dataScalingBytesBlocks: BlockEntry[] = [
  {
    id: 'storage-engine',
    name: 'LSM / WAL / MVCC engine',
    aliases: ['LSM tree', 'SSTable', 'memtable', 'compaction', 'write-ahead log', 'WAL', 'MVCC'],
    group: 'data-scaling',
    icon: 'HardDrive',
    card: {
      what: 'How a database lays writes on disk. LSM trees buffer writes in a memtable and flush sorted SSTables that compaction merges; B-trees update pages in place. A WAL logs each change first; MVCC keeps row versions.',
      when: 'Explaining why a store fits a workload: LSM (Cassandra, RocksDB) for write-heavy data, B-tree (PostgreSQL, MySQL) for read-heavy, mixed access; WAL for crash recovery and replication.',
      tradeoffs:
        'LSM gives cheap sequential writes but read and write amplification (Bloom filters per SSTable help; compaction storms hurt). MVCC lets readers avoid blocking writers, but old versions need vacuuming.',
      numbers:
        'LSM: O(1) writes, O(log n) reads. B-tree pages are 8 KB in PostgreSQL, 16 KB in InnoDB. Cassandra write path: commit log, then memtable, then SSTable.',
    },
    annotation: 'LSM, write-heavy',
    sources: [
      { source: '002_166e20fca8cfff70.txt', section: 'LSM Tree (Cassandra, RocksDB, LevelDB)' },
      { source: '002_166e20fca8cfff70.txt', section: 'B-Tree (PostgreSQL, MySQL)' },
      '003_00a63fccc9d8ea53.txt',
      '000_660079a65f9868b6.txt',
    ],
  },
  {
    id: 'data-tiering',
    name: 'Data tiering & TTL',
    aliases: [
      'storage tiering',
      'hot/warm/cold',
      'archival',
      'lifecycle policy',
      'cold storage',
      'Glacier',
      'data retention',
    ],
    group: 'data-scaling',
    icon: 'Archive',
    card: {
      what: 'Move data to cheaper storage as it cools (hot CDN or SSD, warm object store, cold archive) and let data that has no future use expire through TTLs or lifecycle rules.',
      when: 'Data grows faster than budget: media libraries, logs, old messages, stories that vanish after 24 h. Pair with partitioning when data growth is the bottleneck.',
      tradeoffs:
        'Large storage savings, but cold reads are slow or billed per retrieval, tier moves need jobs and policies, and expired data is gone for good.',
      numbers:
        'Instagram-style policy: hot on CDN under 7 days, warm in S3 for 7-90 days, Glacier beyond 90 days, about $2.4M/month total. Keep originals in cold storage.',
    },
    annotation: 'cold after 90 d',
    sources: [
      '003_00a63fccc9d8ea53.txt',
      { source: '001_49db91e9f3f145ef.txt', section: '3. Multi-Tier Video Storage' },
      '004_883ce214cd1f0ecf.txt',
    ],
  },
  {
    id: 'chunked-upload',
    name: 'Chunked upload',
    aliases: ['multipart upload', 'resumable upload', 'chunking', 'S3 multipart', 'parallel upload'],
    group: 'data-scaling',
    icon: 'Upload',
    card: {
      what: 'Split a large file into fixed-size chunks that upload (or download) in parallel, retry on their own, and are reassembled by the server or object store.',
      when: 'Big files over unreliable links: video uploads, file sync, mobile clients. Chunks also let workers process a file in parallel, such as transcoding segments.',
      tradeoffs:
        'Faster, resumable and progress-friendly transfers, but the client and server must track chunk state, verify each piece and reassemble, and half-finished uploads need cleanup.',
      numbers:
        'S3 multipart with ~10 MB parts; Dropbox uses 4 MB blocks. A 1 h video cut into 5 s segments gives 720 parallel transcode jobs.',
    },
    annotation: '10 MB chunks',
    sources: [
      { source: '003_00a63fccc9d8ea53.txt', section: '3. Chunked Upload/Download' },
      { source: '001_49db91e9f3f145ef.txt', section: '1. Design Dropbox / Google Drive' },
      '002_166e20fca8cfff70.txt',
    ],
  },
  {
    id: 'deduplication',
    name: 'Deduplication',
    aliases: ['dedup', 'content hashing', 'content-addressable storage', 'SHA-256 dedup'],
    group: 'data-scaling',
    icon: 'CopyMinus',
    card: {
      what: 'Identify content by a hash of its bytes (e.g. SHA-256 per file or chunk); if that hash is already stored, keep a reference instead of a second copy.',
      when: 'Storage where users upload the same bytes many times: file sync, photo and video uploads, backups. Hash chunks to also skip re-uploading them.',
      tradeoffs:
        'Big storage and bandwidth savings and faster uploads, but hashing costs CPU and deletes need reference counting so a shared blob is not removed early.',
      numbers: 'Savings of 30-90% are typical. One logo shared 10,000 times stores ~10 MB once instead of ~100 GB.',
    },
    annotation: 'SHA-256 per chunk',
    sources: [{ source: '003_00a63fccc9d8ea53.txt', section: '5. Deduplication' }, '001_49db91e9f3f145ef.txt'],
  },
  {
    id: 'compression',
    name: 'Compression & ABR',
    aliases: ['adaptive bitrate', 'ABR', 'gzip', 'Brotli', 'WebP', 'AVIF', 'media optimization'],
    group: 'data-scaling',
    icon: 'Minimize2',
    card: {
      what: 'Send fewer bytes: compress API payloads, re-encode images in modern formats at lower quality, and stream video as a ladder of bitrates that the player switches between as bandwidth changes.',
      when: 'Bandwidth or storage dominates cost or latency: media-heavy apps, mobile clients, slow API responses with large payloads.',
      tradeoffs:
        'Much smaller transfers and smoother playback, but encoding costs CPU and time, storing several renditions multiplies storage, and lossy settings trade away quality.',
      // Seeds disagree (001: renditions cost ~12x; 002: 5 GB raw → 1.5 GB across qualities). With one rendition per
      // resolution the ladder's bitrates sum to ~1.5–2x the top one (e.g. 5 + 2.5 + 1.1 + 0.7 + 0.3 + 0.1 Mbps).
      numbers:
        'Images: WebP/AVIF at ~80% quality. Video: a ladder of ~6 renditions (144p–1080p) totals ~1.5–2x the top rendition: 1080p at ~5 Mbps is ~2.3 GB/h, the whole ladder ~4 GB/h.',
    },
    annotation: '6 renditions',
    sources: [
      { source: '003_00a63fccc9d8ea53.txt', section: '4. Compression and Optimization' },
      '001_49db91e9f3f145ef.txt',
      '004_883ce214cd1f0ecf.txt',
      '002_166e20fca8cfff70.txt',
    ],
  },
  {
    id: 'pagination',
    name: 'Pagination (cursor)',
    aliases: ['cursor pagination', 'keyset pagination', 'offset pagination', 'next_cursor', 'infinite scroll'],
    group: 'data-scaling',
    icon: 'ChevronsRight',
    card: {
      what: 'Return large result sets a page at a time. Offset paging skips N rows; cursor paging hands back an opaque token for the last item seen; keyset paging filters on an indexed column (after_id=42).',
      when: 'Any list endpoint: feeds, search results, history. Prefer cursors for large or live data where new rows arrive while the user scrolls.',
      tradeoffs:
        'Cursors stay stable and fast at any depth but cannot jump to page 37; offsets can, yet get slower with depth and skip or repeat items as rows are inserted.',
      numbers: 'Typical page size 20-50 items. Responses carry has_more and next_cursor, and optionally total_count.',
    },
    annotation: '20 items/page',
    sources: [
      { source: '002_166e20fca8cfff70.txt', section: 'Pagination Strategies' },
      '004_883ce214cd1f0ecf.txt',
      '001_49db91e9f3f145ef.txt',
    ],
  },
]
