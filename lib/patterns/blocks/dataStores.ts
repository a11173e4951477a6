import type { BlockEntry } from '../catalogSchema'

/** Data stores: where state lives, from the primary database to specialised indexes and sketches. */
export const dataStoresBlocks: BlockEntry[] = [
  {
    id: 'sql-database',
    name: 'SQL database',
    aliases: ['RDBMS', 'relational database', 'PostgreSQL', 'Postgres', 'MySQL', 'SQL', 'database', 'DB'],
    group: 'data-stores',
    icon: 'Database',
    card: {
      what: 'A relational store with tables, joins, an enforced schema and ACID transactions. Underneath sit B-tree indexes, MVCC snapshots and a write-ahead log.',
      when: 'The default primary store for payments, orders, accounts, inventory, bookings and anything with relations or invariants. Start on Postgres; move data out only when a real limit forces it.',
      tradeoffs:
        'Strong guarantees and mature tooling, but scaling out is manual: read replicas first, then sharding, which breaks cross-shard joins. Schema changes on big tables need care.',
      // Database latency: one set everywhere (lib/facts/referenceNumbers.ts, db-indexed-read): indexed lookup
      // ~1–5 ms p50, ~10–20 ms p99. Seed 002 says 5–20 ms, seed 001's matrix p99 5–10 ms; we use the reference set.
      numbers:
        'Indexed lookup ~1–5 ms p50, ~10–20 ms p99. One node handles ~10K writes/s; Postgres ~50K QPS, MySQL ~100K QPS. Consider NoSQL past ~100K QPS or ~10 TB.',
    },
    annotation: '10K QPS',
    sources: [
      { source: '001_49db91e9f3f145ef.txt', section: '1.4 Database Selection' },
      { source: '002_166e20fca8cfff70.txt', section: 'SQL Strengths' },
      '003_00a63fccc9d8ea53.txt',
      { source: '004_883ce214cd1f0ecf.txt', section: 'Database Selection' },
      '000_660079a65f9868b6.txt',
    ],
  },
  {
    id: 'newsql-database',
    name: 'NewSQL / distributed SQL',
    aliases: ['NewSQL', 'distributed SQL', 'Spanner', 'CockroachDB', 'TiDB', 'YugabyteDB'],
    group: 'data-stores',
    icon: 'Earth',
    card: {
      what: 'SQL and ACID transactions on a horizontally sharded cluster. Each data range is replicated by consensus; Spanner pairs Paxos groups with two-phase commit across shards.',
      when: 'Global apps that need strong consistency and relational queries beyond what one Postgres can take, such as multi-region ledgers, inventory or account data.',
      tradeoffs:
        'Scales out without hand-built sharding, but every write pays consensus round trips, so latency and cost go up. Under PACELC it is PC/EC: consistency before latency.',
      numbers:
        'Each write waits for a majority: p99 ~10–50 ms in one region, plus a cross-region round trip (~70–170 ms) when the majority spans regions, vs ~10–20 ms p99 on one Postgres node. ~50K QPS in the seed matrix; data into petabytes.',
    },
    annotation: '3 regions',
    sources: [
      { source: '004_883ce214cd1f0ecf.txt', section: 'Database Selection' },
      '001_49db91e9f3f145ef.txt',
      '002_166e20fca8cfff70.txt',
    ],
  },
  {
    id: 'key-value-store',
    name: 'Key-value store',
    aliases: ['KV store', 'key-value', 'DynamoDB', 'Riak', 'Manhattan'],
    group: 'data-stores',
    icon: 'Key',
    card: {
      what: 'A persistent hash map: get and put by primary key in O(1), partitioned across nodes with consistent hashing and replicated to N nodes.',
      when: 'Simple lookups by key at very large scale: sessions, user profiles, short-code to URL mappings, carts, counters. Choose it when no query needs joins or secondary filters.',
      tradeoffs:
        'Near-linear horizontal scale and steady latency, but any query not by key is hard. You must handle hot keys, replica divergence (Merkle-tree repair) and usually eventual consistency.',
      numbers:
        'DynamoDB-class stores ~10 ms p99. Twitter Manhattan serves <5 ms p99 reads, <10 ms writes and millions of QPS per cluster.',
    },
    annotation: 'p99 10 ms',
    sources: [
      { source: '001_49db91e9f3f145ef.txt', section: '1.5 Key-Value Store' },
      '000_660079a65f9868b6.txt',
      { source: '002_166e20fca8cfff70.txt', section: 'NoSQL Categories' },
      '004_883ce214cd1f0ecf.txt',
    ],
  },
  {
    id: 'document-store',
    name: 'Document database',
    aliases: ['document DB', 'document store', 'MongoDB', 'Firestore', 'Couchbase'],
    group: 'data-stores',
    icon: 'FileBraces',
    card: {
      what: 'Stores nested JSON-like documents whose shape can differ per record. A document is read and written as one unit and can carry secondary indexes.',
      when: 'Product catalogs, CMS content, user profiles and fast-changing schemas, where each read fetches one self-contained document.',
      tradeoffs:
        'Quick iteration and easy sharding, but joins are weak and atomicity is mostly per document. "It is flexible" alone is a weak reason; Postgres JSONB often covers the need.',
      numbers:
        'MongoDB in the seed matrix: ~100K QPS, grows to petabytes. Indexed reads ~1–5 ms p50, ~10–20 ms p99 like any DB. Atomic per document (multi-document transactions since 4.0); reads from secondaries may be stale.',
    },
    annotation: 'shard by user_id',
    sources: [
      { source: '002_166e20fca8cfff70.txt', section: 'NoSQL Categories' },
      '001_49db91e9f3f145ef.txt',
      '004_883ce214cd1f0ecf.txt',
    ],
  },
  {
    id: 'wide-column-store',
    name: 'Wide-column store',
    aliases: ['Cassandra', 'HBase', 'Bigtable', 'ScyllaDB', 'column family'],
    group: 'data-stores',
    icon: 'Columns3',
    card: {
      what: 'Rows grouped by partition key and sorted by clustering key, on an LSM-tree engine. Write-optimized, consistency tunable per query, no joins.',
      when: 'Heavy append workloads with simple access: chat messages, time series, IoT, activity, audit logs, location history. Rule of thumb: above ~50K writes/s with key-based reads.',
      tradeoffs:
        'Huge write throughput and multi-DC replication, but tables are modeled per query and denormalized, reads may be stale, and compaction costs I/O.',
      numbers:
        '~50K+ writes/s per node, clusters to ~1M writes/s; partition-key reads ~1–5 ms p50, ~10–20 ms p99. E.g. messages keyed by chat_id, newest first; stories expire with a 24 h TTL.',
    },
    annotation: '50K writes/s/node',
    sources: [
      '003_00a63fccc9d8ea53.txt',
      '001_49db91e9f3f145ef.txt',
      { source: '002_166e20fca8cfff70.txt', section: 'NoSQL Categories' },
      '000_660079a65f9868b6.txt',
      '004_883ce214cd1f0ecf.txt',
    ],
  },
  {
    id: 'graph-database',
    name: 'Graph database',
    aliases: ['graph DB', 'Neo4j', 'Neptune', 'DGraph', 'FlockDB', 'Cypher'],
    group: 'data-stores',
    icon: 'Share2',
    card: {
      what: 'Stores nodes and edges natively, so multi-hop traversals such as friends of friends or accounts sharing a device avoid chains of recursive joins.',
      when: 'Social graphs, follower lists, fraud rings and recommendations: whenever the main query walks relationships rather than filtering rows.',
      tradeoffs:
        'Fast, expressive traversals, but hard to shard since edges cross partitions, and weak for bulk analytics. Plain adjacency lists often fit a KV or wide-column store instead.',
      numbers:
        'Twitter FlockDB holds billions of follower edges. Size as users × average degree: 500M users × 200 follows ≈ 100B edges.',
    },
    annotation: '100B edges',
    sources: [
      { source: '002_166e20fca8cfff70.txt', section: 'NoSQL Categories' },
      { source: '004_883ce214cd1f0ecf.txt', section: 'Database Selection' },
      '001_49db91e9f3f145ef.txt',
    ],
  },
  {
    id: 'time-series-db',
    name: 'Time-series database',
    aliases: ['TSDB', 'InfluxDB', 'TimescaleDB'],
    group: 'data-stores',
    icon: 'ChartLine',
    card: {
      what: 'A store tuned for timestamped points appended in order: it compresses by time, rolls up old data and answers range and aggregate queries quickly.',
      when: 'Metrics, IoT sensor readings, monitoring and price ticks. Google Docs also keeps its ordered per-document operation log in a time-series store.',
      tradeoffs:
        'Cheap fast appends and windowed queries, but poor at updates, lookups by other keys and relational queries; high-cardinality tags bloat its indexes.',
      numbers:
        'Size as sources × points/s × bytes × retention: 1M sensors at 1 point/s and ~16 B each ≈ 1.4 TB/day before compression.',
    },
    annotation: 'retention 30 d',
    sources: [{ source: '004_883ce214cd1f0ecf.txt', section: 'Database Selection' }, '001_49db91e9f3f145ef.txt'],
  },
  {
    id: 'search-index',
    name: 'Search index',
    aliases: [
      'Elasticsearch',
      'OpenSearch',
      'Solr',
      'Lucene',
      'Algolia',
      'Typesense',
      'Meilisearch',
      'inverted index',
      'full-text search',
    ],
    group: 'data-stores',
    icon: 'TextSearch',
    card: {
      what: 'An inverted index that maps each term to the documents holding it. Text is tokenized, normalized and stemmed at index time; results are ranked by TF-IDF or BM25.',
      when: 'Full-text search, filters and facets the primary DB cannot serve. The DB stays the source of truth and feeds the index through CDC or a queue.',
      tradeoffs:
        'Fast relevance search, but results lag writes by the refresh interval, the index adds 20–50% storage, and updates or deletes are costly. Shard by document and scatter-gather.',
      numbers:
        'Queries 10–50 ms, <100 ms over billions of docs; ~1 s refresh; ~10K docs/s indexing. Twitter: 7-day RAM tier <50 ms, ~1 PB SSD tier 100–200 ms.',
    },
    annotation: 'refresh 1 s',
    sources: [
      { source: '001_49db91e9f3f145ef.txt', section: '4.2 Inverted Index' },
      { source: '002_166e20fca8cfff70.txt', section: 'Inverted Index + ES Sync via CDC' },
      { source: '004_883ce214cd1f0ecf.txt', section: 'Design Search System' },
      '000_660079a65f9868b6.txt',
    ],
  },
  {
    id: 'vector-database',
    name: 'Vector database',
    aliases: ['vector DB', 'vector index', 'pgvector', 'Pinecone', 'Milvus', 'ANN index', 'HNSW'],
    group: 'data-stores',
    icon: 'Orbit',
    card: {
      what: 'Stores embedding vectors and answers approximate nearest-neighbour (ANN) queries, usually through an HNSW graph index, often combined with metadata filters.',
      when: 'Semantic search, RAG retrieval, semantic caching of LLM answers and similarity recommendations. pgvector when Postgres is already there; a dedicated service at larger scale.',
      tradeoffs:
        'Matches meaning rather than words, but ANN trades recall for speed, vectors must be rebuilt when the embedding model changes, and memory grows with dimensions. Pair with BM25 for hybrid search.',
      numbers:
        'RAG: ANN top-20, rerank to top-3; semantic cache hit at similarity > 0.95. Size as count × dims × 4 B: 10M × 1,536 ≈ 61 GB plus index.',
    },
    annotation: 'ANN top-20',
    sources: [
      '002_166e20fca8cfff70.txt',
      { source: '004_883ce214cd1f0ecf.txt', section: 'Database Selection' },
      '001_49db91e9f3f145ef.txt',
    ],
  },
  {
    id: 'object-storage',
    name: 'Object storage',
    aliases: ['S3', 'blob storage', 'blob store', 'GCS', 'Azure Blob', 'MinIO', 'Haystack', 'GFS', 'Colossus'],
    group: 'data-stores',
    icon: 'Archive',
    card: {
      what: 'A flat, endlessly scalable store for immutable blobs (images, video, backups) addressed by key. The database keeps the metadata and the object key or URL.',
      when: 'Any large binary content. Clients upload and download directly with presigned URLs, a CDN fronts reads, and lifecycle rules move cold objects to cheaper tiers.',
      tradeoffs:
        'Nearly unlimited, durable and cheap, but slower than a DB, no in-place edits, weak listing and querying. Pack tiny files together (Haystack) and chunk big ones.',
      numbers:
        '11 nines of durability; each object is stored redundantly across at least 3 zones (replicas or erasure coding); stream large files in 1–10 MB chunks with range requests.',
    },
    annotation: '11 nines',
    sources: [
      { source: '003_00a63fccc9d8ea53.txt', section: '1. Object Storage (S3, GCS)' },
      { source: '001_49db91e9f3f145ef.txt', section: '4.1 Blob Store' },
      '002_166e20fca8cfff70.txt',
      '000_660079a65f9868b6.txt',
    ],
  },
  {
    id: 'data-warehouse',
    name: 'Data warehouse / OLAP',
    aliases: ['OLAP', 'BigQuery', 'ClickHouse', 'Vertica', 'Redshift', 'columnar store'],
    group: 'data-stores',
    icon: 'Warehouse',
    card: {
      what: 'A column-oriented analytical store that scans and aggregates billions of rows. It is loaded from OLTP databases and event streams, not hit by user requests.',
      when: 'Dashboards, reports, click analytics and ad-hoc queries, keeping analytics off the OLTP database. E.g. redirect clicks stream through Spark/Flink into ClickHouse.',
      tradeoffs:
        'Fast aggregates over huge data on cheap compressed storage, but loads arrive in batches, freshness lags minutes to hours, and point lookups or row updates are slow.',
      numbers:
        'BigQuery-class warehouses scale to exabytes; Twitter moved its analytics there from HDFS. Load in batches or micro-batches, never row by row.',
    },
    annotation: 'hourly batch load',
    sources: ['001_49db91e9f3f145ef.txt', '002_166e20fca8cfff70.txt'],
  },
  {
    id: 'data-lake',
    name: 'Data lake / HDFS',
    aliases: ['data lake', 'HDFS', 'Hadoop', 'Parquet', 'distributed file system'],
    group: 'data-stores',
    icon: 'Droplets',
    card: {
      what: 'Cheap distributed file storage for raw, append-only data in open columnar files such as Parquet, partitioned by date and processed later by batch jobs.',
      when: 'Keeping raw logs and events for reprocessing: search query logs behind typeahead, crawled pages, ML training sets, inputs to MapReduce or Spark.',
      tradeoffs:
        'Stores everything cheaply and lets you recompute anything, but it is schema-on-read, slow to query directly, and decays into a swamp without a catalog and retention rules.',
      numbers:
        'Holds petabytes. Typeahead raw query logs land in date folders (/queries/yyyy/mm/dd) as compressed Parquet; crawl corpora hold docs of ~1 MB–10 GB.',
    },
    annotation: 'PB of raw logs',
    sources: ['001_49db91e9f3f145ef.txt'],
  },
  {
    id: 'geospatial-index',
    name: 'Geospatial index',
    aliases: ['geo index', 'geohash', 'quadtree', 'Redis GEO', 'GEORADIUS', 'S2 cells', 'PostGIS'],
    group: 'data-stores',
    icon: 'MapPin',
    card: {
      what: 'Maps 2-D positions to searchable cells: geohash prefixes, a quadtree that splits dense cells, or S2 cells. A nearby query scans one cell plus its neighbours.',
      when: 'Proximity search for drivers, restaurants or friends. Redis GEO for fast-moving points, a quadtree for unevenly spread static places (Yelp), S2 for precise maps.',
      tradeoffs:
        'Geohash is simple and cache-friendly but needs neighbour cells at edges; quadtrees adapt to density but are harder to update; PostGIS is rich but cannot absorb millions of location writes.',
      numbers:
        'Redis GEO: radius query <10 ms, ~100K GEOADDs/s per node (shard by region for millions/s); recent writes are lost on restart without AOF. Quadtree: split cells over 500 places, ~8–12 levels, O(log N) lookup.',
    },
    annotation: 'radius 5 km',
    sources: [
      '000_660079a65f9868b6.txt',
      { source: '001_49db91e9f3f145ef.txt', section: 'QuadTree Structure' },
      { source: '002_166e20fca8cfff70.txt', section: 'Location Service' },
    ],
  },
]
