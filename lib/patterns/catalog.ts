import type { BlockEntry, TemplateEntry } from './catalogSchema'
import type { PatternGroupId } from './groups'
import { patternGroups } from './groups'
import { aiLlmBlocks } from './blocks/aiLlm'
import { apisRealtimeBlocks } from './blocks/apisRealtime'
import { cachingBlocks } from './blocks/caching'
import { clientsEdgeBlocks } from './blocks/clientsEdge'
import { computeBlocks } from './blocks/compute'
import { computeDomainBlocks } from './blocks/computeDomain'
import { consistencyBlocks } from './blocks/consistency'
import { dataScalingBlocks } from './blocks/dataScaling'
import { dataScalingBytesBlocks } from './blocks/dataScalingBytes'
import { dataStoresBlocks } from './blocks/dataStores'
import { dataStructuresBlocks } from './blocks/dataStructures'
import { lldBlocks } from './blocks/lld'
import { messagingBlocks } from './blocks/messaging'
import { observabilitySecurityBlocks } from './blocks/observabilitySecurity'
import { resilienceBlocks } from './blocks/resilience'
import { patternTemplates } from './templates'

/** Every palette block, in palette order (by group, then as each group file lists them). */
export const blockCatalog: readonly BlockEntry[] = [
  ...clientsEdgeBlocks,
  ...apisRealtimeBlocks,
  ...computeBlocks,
  ...computeDomainBlocks,
  ...dataStoresBlocks,
  ...dataStructuresBlocks,
  ...cachingBlocks,
  ...messagingBlocks,
  ...dataScalingBlocks,
  ...dataScalingBytesBlocks,
  ...consistencyBlocks,
  ...resilienceBlocks,
  ...observabilitySecurityBlocks,
  ...aiLlmBlocks,
  ...lldBlocks,
]

/** Every palette template. */
export const templateCatalog: readonly TemplateEntry[] = patternTemplates

const blocksById = new Map(blockCatalog.map((block) => [block.id, block]))
const templatesById = new Map(templateCatalog.map((template) => [template.id, template]))

/**
 * Looks up a block by its id, as stored in a block shape's `kind`.
 *
 * @example
 * ```ts
 * getBlock('load-balancer')?.name // 'Load balancer'
 * getBlock('made-up') // undefined: a block from a newer release
 * ```
 */
export function getBlock(kind: string): BlockEntry | undefined {
  return blocksById.get(kind)
}

/** Looks up a template by its id. */
export function getTemplate(id: string): TemplateEntry | undefined {
  return templatesById.get(id)
}

/** The blocks of one group, in palette order. */
export function blocksInGroup(group: PatternGroupId): BlockEntry[] {
  return blockCatalog.filter((block) => block.group === group)
}

/** The palette's groups with their blocks, for rendering the palette. */
export function catalogByGroup() {
  return patternGroups.map((group) => ({ group, blocks: blocksInGroup(group.id) }))
}
