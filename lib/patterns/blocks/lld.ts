import type { BlockEntry } from '../catalogSchema'

/** Low-level design: object-oriented patterns and the entity, relationship and state stencils of an LLD round. */
export const lldBlocks: BlockEntry[] = [
  {
    id: 'strategy-pattern',
    name: 'Strategy pattern',
    aliases: ['strategy', 'policy pattern', 'pluggable algorithm', 'PricingStrategy'],
    group: 'lld',
    icon: 'Shuffle',
    card: {
      what: 'An interface for one job with several interchangeable implementations, chosen at runtime, e.g. PricingStrategy with hourly and flat-rate pricing.',
      when: 'Several algorithms answer the same question (pricing, sorting, surge fares, delivery channels) and new ones keep arriving.',
      tradeoffs:
        'New variants plug in without touching the caller (open/closed), at the cost of one more interface and a class per variant; overkill for a single fixed rule.',
      numbers:
        'Worth it from about 2–3 variants; a parking lot or ride app typically has 2 pricing strategies and one per notification channel.',
    },
    annotation: '2 strategies',
    sources: [{ source: '002_166e20fca8cfff70.txt', section: 'Common LLD Design Patterns' }],
  },
  {
    id: 'observer-pattern',
    name: 'Observer pattern',
    aliases: ['observer', 'listener', 'event listener', 'subscriber callback'],
    group: 'lld',
    icon: 'Eye',
    card: {
      what: 'A subject keeps a list of observers and calls each of them when its state changes, e.g. a slot availability board that listens to slot updates.',
      when: 'One state change must notify several parts that should not know each other: an order status update that triggers email, SMS and push.',
      tradeoffs:
        'Decouples the source from its reactions, but call order and failures in one listener are easy to get wrong; across services it becomes a message queue.',
      numbers: 'Typical fan-out in an LLD answer is 2–3 observers per subject (email, SMS, push; a display board).',
    },
    annotation: '3 observers',
    sources: [{ source: '002_166e20fca8cfff70.txt', section: 'Common LLD Design Patterns' }],
  },
  {
    id: 'factory-pattern',
    name: 'Factory pattern',
    aliases: ['factory', 'factory method', 'abstract factory', 'VehicleFactory'],
    group: 'lld',
    icon: 'Factory',
    card: {
      what: 'One method builds objects from a type argument and returns them through a common base type, e.g. VehicleFactory.create(type) gives a Car, Bike or Truck.',
      when: 'Callers should depend on an abstraction while the concrete class depends on input: vehicle types, notification channels, payment methods.',
      tradeoffs:
        'Keeps construction logic in one place and callers free of concrete classes, but the factory grows a switch that must change whenever a type is added.',
      numbers:
        'Pays off once there are 3 or more concrete subclasses behind one base type, as with Car, Bike and Truck.',
    },
    annotation: '3 subtypes',
    sources: [{ source: '002_166e20fca8cfff70.txt', section: 'Common LLD Design Patterns' }],
  },
  {
    id: 'singleton-pattern',
    name: 'Singleton pattern',
    aliases: ['singleton', 'single instance', 'global instance'],
    group: 'lld',
    icon: 'Crown',
    card: {
      what: 'A class that allows exactly one instance in the process and hands out that shared instance, e.g. the config or the DB connection pool.',
      when: 'A resource must be shared and created once per process: configuration, a connection pool, a registry.',
      tradeoffs:
        'Simple shared access, but it is global state: it hides dependencies and makes tests harder. Lazy creation must be thread-safe; prefer injecting the one instance.',
      numbers: 'Exactly 1 instance per process, not per cluster: with N app servers there are still N copies.',
    },
    annotation: '1 per process',
    sources: [{ source: '002_166e20fca8cfff70.txt', section: 'Common LLD Design Patterns' }],
  },
  {
    id: 'decorator-pattern',
    name: 'Decorator pattern',
    aliases: ['decorator', 'wrapper', 'wrapper pattern'],
    group: 'lld',
    icon: 'Layers',
    card: {
      what: 'An object that implements the same interface as the one it wraps and adds behaviour before or after delegating, e.g. LoggingCoffee around SimpleCoffee.',
      when: 'Optional features (logging, caching, retries, toppings) must be combined freely without a subclass for every mix.',
      tradeoffs:
        'Composable and avoids subclass explosion, but deep wrapper stacks are hard to debug, and wrapper order changes the result.',
      numbers: 'Each decorator adds one layer; N optional features need N wrappers instead of up to 2^N subclasses.',
    },
    annotation: '2 layers',
    sources: [{ source: '002_166e20fca8cfff70.txt', section: 'Common LLD Design Patterns' }],
  },
  {
    id: 'repository-pattern',
    name: 'Repository pattern',
    aliases: ['repository', 'DAO', 'data access object', 'data access layer'],
    group: 'lld',
    icon: 'Library',
    card: {
      what: 'A collection-like interface over storage for one aggregate, e.g. UserRepository.findById(), so business code never writes queries itself.',
      when: 'Domain logic should not depend on the database, and you want to swap storage or use an in-memory fake in tests.',
      tradeoffs:
        'Clean layering and easy testing, but the abstraction can hide slow queries (N+1) and lag behind what the database can do.',
      numbers:
        'One repository per aggregate root (User, Order, Ride), each backed by its table and the indexes its finders need.',
    },
    annotation: 'findById',
    sources: [{ source: '002_166e20fca8cfff70.txt', section: 'Common LLD Design Patterns' }],
  },
  {
    id: 'state-pattern',
    name: 'State pattern',
    aliases: ['state object', 'state class'],
    group: 'lld',
    icon: 'ToggleRight',
    card: {
      what: 'An entity delegates behaviour to its current state object, and each state decides which transitions are legal, e.g. a Ride moving through its statuses.',
      when: 'An entity has a status field whose allowed actions differ per status, and if/else checks on status are spreading through the code.',
      tradeoffs:
        'Illegal transitions become impossible by construction and each state is testable, but you get one class per state; few states may not justify it.',
      numbers:
        'A ride has about 5 states (requested, matched, in progress, completed, cancelled); a parking slot has 3.',
    },
    annotation: '5 states',
    sources: [{ source: '002_166e20fca8cfff70.txt', section: 'Common LLD Design Patterns' }],
  },
  {
    id: 'template-method',
    name: 'Template method',
    aliases: ['template method pattern', 'template pattern', 'hook methods'],
    group: 'lld',
    icon: 'LayoutTemplate',
    card: {
      what: 'A base class fixes the steps of an algorithm and lets subclasses override some of them, e.g. BaseNotification.send() calls format() then deliver().',
      when: 'Several variants share the same flow and differ only in a few steps, such as formatting per email, SMS or push channel.',
      tradeoffs:
        'Removes duplicated flow code, but ties variants to inheritance; when steps vary independently, Strategy composes better.',
      numbers: 'Typically 1 fixed skeleton with 2–3 overridable steps, e.g. send() calling format() and deliver().',
    },
    annotation: 'format() + deliver()',
    sources: ['002_166e20fca8cfff70.txt'],
  },
  {
    id: 'entity-box',
    name: 'Entity / class',
    aliases: ['class box', 'entity', 'class diagram', 'UML class', 'ER entity', 'table definition'],
    group: 'lld',
    icon: 'Table2',
    card: {
      what: 'A box for one noun of the problem, a class and its table, listing typed fields with the primary key, foreign keys and a version column if needed.',
      when: 'First step of every LLD: turn each noun (User, Order, Ride, Slot) into an entity before drawing relationships or state.',
      tradeoffs:
        'Explicit fields and keys show data modelling skill but take time; list only the fields the queries and invariants need.',
      numbers:
        'A typical LLD has 4–6 entities with 5–8 fields each; add a version integer to any entity updated concurrently.',
    },
    annotation: 'PK id',
    sources: [
      { source: '002_166e20fca8cfff70.txt', section: 'LLD = Entities + Relationships + State + Concurrency' },
      '000_660079a65f9868b6.txt',
    ],
  },
  {
    id: 'relationship',
    name: 'Relationship',
    aliases: ['cardinality', 'association', 'one-to-many', 'many-to-many', 'junction table', 'foreign key', 'FK'],
    group: 'lld',
    icon: 'Link',
    card: {
      what: 'A labelled edge between two entities showing cardinality (1:1, 1:N or M:N) and which side holds the foreign key.',
      when: 'Right after the entities: every link between them gets a cardinality label and a verb, e.g. Rider creates Ride.',
      tradeoffs:
        'Cardinality decides the schema: 1:N puts the FK on the many side, M:N needs a junction table, which adds a join on every read.',
      numbers: 'Three kinds only: 1:1, 1:N, M:N. Each M:N adds one junction table with two FKs and a composite key.',
    },
    annotation: '1:N',
    sources: [{ source: '002_166e20fca8cfff70.txt', section: 'LLD = Entities + Relationships + State + Concurrency' }],
  },
  {
    id: 'state-machine-diagram',
    name: 'State machine diagram',
    aliases: ['FSM', 'finite state machine', 'state diagram', 'statechart', 'status transitions'],
    group: 'lld',
    icon: 'GitBranch',
    card: {
      what: 'Diagram of the legal values of a status field and the events that move it between them, e.g. REQUESTED to MATCHED to IN_PROGRESS to COMPLETED.',
      when: 'Any entity with a status field: rides, orders, parking slots, messages (sent, delivered, read).',
      tradeoffs:
        'Makes invalid transitions and terminal states explicit and easy to discuss, but every transition still needs a concurrency guard, e.g. a version check.',
      numbers: 'Usually 3–6 states with 1–2 terminal ones; a parking slot cycles AVAILABLE, RESERVED, OCCUPIED.',
    },
    annotation: 'REQUESTED → MATCHED',
    sources: [
      { source: '002_166e20fca8cfff70.txt', section: 'LLD = Entities + Relationships + State + Concurrency' },
      { source: '002_166e20fca8cfff70.txt', section: 'LLD Drawing Rules' },
    ],
  },
]
