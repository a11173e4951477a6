import type { RubricDimension } from './rubricSchema'

/**
 * The low-level-design sub-rubric: the six parts of an LLD answer the seeds
 * name (seed 002's LLD drawing rules: entities, relationships with
 * cardinality, state machines, indexes per query, named patterns, and
 * concurrency handled explicitly), each scored 1–4. Concurrency weighs
 * double in the roll-up: seed 002 calls it the senior/staff differentiator
 * of LLD rounds. Anchors are in our own words.
 */
export const lldRubricDimensions: RubricDimension[] = [
  {
    id: 'lld-entities',
    name: 'Entities',
    summary: 'Turns the nouns of the problem into classes or tables with typed fields and keys.',
    anchors: [
      'No clear entities: one god class, or fields scattered with no owner.',
      'Names the main entities, but fields are vague, untyped or lack primary keys.',
      'Each entity has a primary key, typed fields and only the data its rules and queries need; value objects are told apart from entities.',
      'Entities match the invariants they protect (e.g. a Booking owns its seats), with a version field where concurrent updates can meet.',
    ],
    sources: ['002_166e20fca8cfff70.txt', '001_49db91e9f3f145ef.txt'],
    weight: 1,
  },
  {
    id: 'lld-relationships',
    name: 'Relationships',
    summary: 'Connects the entities with the right cardinality and foreign keys.',
    anchors: [
      'Entities float unconnected, or the links contradict the requirements.',
      'Draws links, but without cardinality, or models an M:N as a list field.',
      'Marks every link 1:1, 1:N or M:N, shows foreign keys, and adds a junction table for each M:N.',
      'Chooses composition versus reference on purpose and says which side owns the lifecycle and the delete behaviour.',
    ],
    sources: ['002_166e20fca8cfff70.txt'],
    weight: 1,
  },
  {
    id: 'lld-state-machines',
    name: 'State machines',
    summary: 'Models each status field as states with legal transitions and the events that trigger them.',
    anchors: [
      'Status is a free string that any code may set.',
      'Lists the states, but not which transitions are allowed or what triggers them.',
      'Draws states, transitions, triggering events and terminal states, and rejects illegal moves in one place.',
      'Covers timeouts and cancellation paths (e.g. a hold that expires), and makes transitions atomic with the data they change.',
    ],
    sources: ['002_166e20fca8cfff70.txt'],
    weight: 1,
  },
  {
    id: 'lld-indexes',
    name: 'Indexes per query',
    summary: 'Names the index behind every query the methods run.',
    anchors: [
      'No indexes, so every lookup is a table scan at scale.',
      'Adds an index or two by habit, not tied to a query.',
      'Lists each query and the index that serves it, with the column order (e.g. rider_id, created_at DESC).',
      'Weighs each index against its write cost, uses covering or unique indexes where they enforce a rule, and spots the hot key.',
    ],
    sources: ['002_166e20fca8cfff70.txt'],
    weight: 1,
  },
  {
    id: 'lld-patterns',
    name: 'Named design patterns',
    summary: 'Uses design patterns where variation really exists, and names them.',
    anchors: [
      'No structure for variation: switch statements on type everywhere, or patterns stacked with no reason.',
      'Mentions a pattern by name, but it does not fit the variation in the problem.',
      'Names the pattern behind each point of variation (strategy for pricing, observer for displays, state for lifecycles, factory for types) and says why.',
      'Keeps the parts that change behind interfaces, says which pattern it would not use and why, and shows how a new variant is added without edits elsewhere.',
    ],
    sources: ['002_166e20fca8cfff70.txt', '001_49db91e9f3f145ef.txt'],
    weight: 1,
  },
  {
    id: 'lld-concurrency',
    name: 'Concurrency',
    summary: 'Finds the races on shared state and closes each one explicitly.',
    anchors: [
      'Never considers two requests at once; check-then-act races are left in.',
      'Knows concurrency matters, but only says "add a lock" without saying which or where.',
      'Names each race (two bookings of one seat, a double spend) and closes it: a version check with compare-and-set, SELECT FOR UPDATE, or an atomic Redis SET NX with a TTL, chosen by how contended the row is.',
      'Raises the races before being asked, covers lock ordering, timeouts, idempotent retries and what happens when a lock holder dies.',
    ],
    sources: ['002_166e20fca8cfff70.txt', '000_660079a65f9868b6.txt'],
    weight: 2,
  },
]
