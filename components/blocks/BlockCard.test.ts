import { describe, expect, test } from 'vitest'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { getBlock } from '@/lib/patterns/catalog'
import { seedSources } from '@/lib/patterns/sources'
import { BlockCard } from './BlockCard'

describe('BlockCard', () => {
  test('cites each guide by title, with the section in quotes where the block names one', () => {
    const entry = getBlock('load-balancer')
    expect(entry).toBeDefined()
    const html = renderToStaticMarkup(createElement(BlockCard, { entry: entry! }))
    expect(html).toContain(`${seedSources['001_49db91e9f3f145ef.txt']}, “1.3 Load Balancer”`)
    expect(html).not.toContain('.txt')
  })
})
