import { z } from 'zod'
import { blockIcons, type BlockIconName } from './icons'
import { patternGroupIds } from './groups'
import { connectionProtocolIds } from './protocols'
import { seedSourceIds } from './sources'
import { isSeedSection } from './seedSections'

const kebabId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are lower-case kebab-case')
const iconName = z.enum(Object.keys(blockIcons) as [BlockIconName, ...BlockIconName[]])
const cardText = z.string().trim().min(20).max(320)

/**
 * A guide a card, template or problem cites: a seed file name, or
 * `{ source, section }` naming the section that covers the topic best, by a
 * heading the guide really has (see `seedSections`).
 */
export const guideCitationSchema = z.union([
  z.enum(seedSourceIds),
  z
    .object({ source: z.enum(seedSourceIds), section: z.string().min(1) })
    .refine((c) => isSeedSection(c.source, c.section), { message: 'section is not a heading of that guide' }),
])

/**
 * What a block's card says: the four questions a candidate asks of a building
 * block in an interview. Paraphrased from the seeds, never copied.
 */
export const blockCardSchema = z.object({
  /** What the block is, in a sentence or two. */
  what: cardText,
  /** When to reach for it. */
  when: cardText,
  /** What it costs, and what it buys. */
  tradeoffs: cardText,
  /** Typical numbers, as the seeds give them. */
  numbers: cardText,
})

/** One building block of the palette, e.g. the load balancer. */
export const blockEntrySchema = z.object({
  /** Stable id, stored on the canvas as the block shape's `kind`. Never rename one. */
  id: kebabId,
  name: z.string().trim().min(2).max(32),
  /** Other names people search by: abbreviations, products, synonyms. */
  aliases: z.array(z.string().trim().min(1).max(40)),
  group: z.enum(patternGroupIds),
  icon: iconName,
  card: blockCardSchema,
  /** Placeholder for the block's number line, e.g. "10K RPS" or "TTL 60 s". */
  annotation: z.string().trim().max(32),
  /** The seed guides the card draws on, each whole or by the section that covers the block. */
  sources: z.array(guideCitationSchema).min(1),
})

const templateBlockSchema = z.object({
  /** Name of this block inside the template, used by connections. */
  key: z.string().min(1),
  /** A block id from the catalog. */
  kind: kebabId,
  /** Position of the block's top-left corner, relative to the template's origin. */
  x: z.number(),
  y: z.number(),
  /** Overrides the block's name as its label, e.g. "Timeline service". */
  label: z.string().max(40).optional(),
  annotation: z.string().max(32).optional(),
})

const templateConnectionSchema = z.object({
  from: z.string().min(1),
  to: z.string().min(1),
  protocol: z.enum(connectionProtocolIds).optional(),
  mode: z.enum(['sync', 'async']),
  /** Extra words on the arrow after the protocol, e.g. "on miss". */
  note: z.string().max(32).optional(),
})

/** A pre-wired group of blocks inserted in one step, e.g. cache-aside with read replicas. */
export const templateEntrySchema = z
  .object({
    id: kebabId,
    name: z.string().trim().min(2).max(48),
    aliases: z.array(z.string().trim().min(1).max(40)),
    /** One or two sentences: the problem this shape of system answers. */
    summary: cardText,
    sources: z.array(guideCitationSchema).min(1),
    blocks: z.array(templateBlockSchema).min(2),
    connections: z.array(templateConnectionSchema).min(1),
  })
  .superRefine((template, ctx) => {
    const keys = new Set<string>()
    for (const block of template.blocks) {
      if (keys.has(block.key)) ctx.addIssue({ code: 'custom', message: `duplicate block key ${block.key}` })
      keys.add(block.key)
    }
    for (const link of template.connections) {
      for (const end of [link.from, link.to]) {
        if (!keys.has(end)) ctx.addIssue({ code: 'custom', message: `connection names unknown block ${end}` })
      }
    }
  })

/** A palette block, as the catalog files write it. */
export type BlockEntry = z.infer<typeof blockEntrySchema>
/** The card fields of a block. */
export type BlockCard = z.infer<typeof blockCardSchema>
/** A palette template, as the catalog files write it. */
export type TemplateEntry = z.infer<typeof templateEntrySchema>
