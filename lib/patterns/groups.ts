import type { TLDefaultColorStyle } from '@tldraw/tlschema'
import type { BlockIconName } from './icons'

/**
 * The palette's groups, in the order the palette shows them. The first five
 * follow the 5-layer HLD (client, edge, services, messaging, data); the rest
 * cut across layers. `color` is the tldraw colour a new block of the group
 * gets, so a board reads by layer at a glance.
 */
export const patternGroups = [
  { id: 'clients-edge', name: 'Clients & edge', icon: 'MonitorSmartphone', color: 'blue' },
  { id: 'apis-realtime', name: 'APIs & real-time', icon: 'Plug', color: 'light-blue' },
  { id: 'compute', name: 'Compute & services', icon: 'Server', color: 'green' },
  { id: 'data-stores', name: 'Data stores', icon: 'Database', color: 'orange' },
  { id: 'caching', name: 'Caching', icon: 'MemoryStick', color: 'red' },
  { id: 'messaging', name: 'Messaging & streaming', icon: 'ListOrdered', color: 'violet' },
  { id: 'data-scaling', name: 'Data-scaling techniques', icon: 'LayoutGrid', color: 'light-green' },
  { id: 'consistency', name: 'Consistency & coordination', icon: 'GitMerge', color: 'light-violet' },
  { id: 'resilience', name: 'Resilience', icon: 'ShieldCheck', color: 'light-red' },
  { id: 'observability-security', name: 'Observability & security', icon: 'Activity', color: 'grey' },
  { id: 'ai-llm', name: 'AI & LLM systems', icon: 'BrainCircuit', color: 'yellow' },
  { id: 'lld', name: 'Low-level design', icon: 'SquareCode', color: 'black' },
] as const satisfies readonly { id: string; name: string; icon: BlockIconName; color: TLDefaultColorStyle }[]

/** One palette group. */
export type PatternGroup = (typeof patternGroups)[number]

/** The id of a palette group. */
export type PatternGroupId = PatternGroup['id']

/** Group ids, for zod's enum. */
export const patternGroupIds = patternGroups.map((group) => group.id) as [PatternGroupId, ...PatternGroupId[]]
