import { describe, expect, it } from 'vitest'
import { blockCatalog, catalogByGroup, getBlock, templateCatalog } from './catalog'
import { blockEntrySchema, templateEntrySchema } from './catalogSchema'
import { patternGroups } from './groups'

describe('pattern catalog', () => {
  it('every block passes the schema, with every card field and a seed source', () => {
    for (const block of blockCatalog) {
      const parsed = blockEntrySchema.safeParse(block)
      expect(parsed.success ? [] : parsed.error.issues, block.id).toEqual([])
      expect(block.sources.length, block.id).toBeGreaterThan(0)
      for (const field of ['what', 'when', 'tradeoffs', 'numbers'] as const) {
        expect(block.card[field].trim(), `${block.id}.${field}`).not.toBe('')
      }
    }
  })

  it('has at least 100 blocks across the 12 groups, none empty', () => {
    expect(blockCatalog.length).toBeGreaterThanOrEqual(100)
    expect(patternGroups).toHaveLength(12)
    for (const { group, blocks } of catalogByGroup()) expect(blocks.length, group.id).toBeGreaterThan(0)
  })

  it('ids, names and aliases are unique across blocks and templates, ignoring case', () => {
    // A search term that names two blocks would make "LB" or "Kafka" ambiguous.
    const owner = new Map<string, string>()
    const clashes: string[] = []
    for (const entry of [...blockCatalog, ...templateCatalog]) {
      const terms = new Set([entry.id, entry.name, ...entry.aliases].map((t) => t.toLowerCase()))
      for (const term of terms) {
        const other = owner.get(term)
        if (other && other !== entry.id) clashes.push(`${term}: ${other} / ${entry.id}`)
        owner.set(term, entry.id)
      }
    }
    expect(clashes).toEqual([])
  })

  it('has at least 10 templates, each valid and built only from blocks that exist', () => {
    expect(templateCatalog.length).toBeGreaterThanOrEqual(10)
    expect(new Set(templateCatalog.map((t) => t.id)).size).toBe(templateCatalog.length)
    for (const template of templateCatalog) {
      const parsed = templateEntrySchema.safeParse(template)
      expect(parsed.success ? [] : parsed.error.issues, template.id).toEqual([])
      for (const block of template.blocks) expect(getBlock(block.kind), `${template.id}: ${block.kind}`).toBeDefined()
    }
  })

  it('the schema rejects a template whose arrow names a block it does not place', () => {
    const template = templateCatalog[0]
    const broken = { ...template, connections: [{ from: 'client', to: 'nowhere', mode: 'sync' }] }
    expect(templateEntrySchema.safeParse(broken).success).toBe(false)
  })

  it('offers the templates the palette promises', () => {
    const names = templateCatalog.map((t) => t.id)
    for (const id of [
      'hld-five-layer',
      'cache-aside-read-replicas',
      'websocket-pubsub-fanout',
      'fan-out-on-write',
      'fan-out-on-read',
      'fan-out-hybrid',
      'saga-orchestration',
      'outbox-cdc',
      'cqrs-read-model',
      'read-write-async-paths',
      'rate-limited-api-edge',
      'url-shortener-starter',
      'large-file-upload',
      'long-running-job',
      'geo-proximity',
      'contention-hold',
      'analytics-pipeline',
      'resilient-call-chain',
      'cdn-geodns',
    ]) {
      expect(names).toContain(id)
    }
  })
})
