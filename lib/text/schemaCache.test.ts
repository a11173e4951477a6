// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest'
import { getTipTapDefaultExtensions } from 'tldraw'
import * as tiptap from '../../node_modules/@tiptap/core/dist/index.js'
import type { JSONContent } from '../../node_modules/@tiptap/core/dist/index.js'
import { RICH_TEXT_CORPUS } from '@/tests/support/richTextCorpus'
import { generateHTML, reuseSchemaFor } from './schemaCache'

// Counts the schemas TipTap builds, through the same module the cache calls.
vi.mock('../../node_modules/@tiptap/core/dist/index.js', async (importOriginal) => {
  const original = await importOriginal<typeof tiptap>()
  return { ...original, getSchema: vi.fn(original.getSchema) }
})

/** The corpus as TipTap documents (tldraw passes its rich text to TipTap the same way). */
const LABELS = RICH_TEXT_CORPUS as JSONContent[]

/**
 * tldraw turns each label into HTML with TipTap's generateHTML, which built a
 * ProseMirror schema on every call: most of a label's cost when a big board
 * mounts. The board's extension list now builds its schema once; the HTML
 * must not change, and other lists must behave as before.
 */
describe('generateHTML with a reused schema', () => {
  it("gives TipTap's own HTML for every kind of label", () => {
    const extensions = reuseSchemaFor(getTipTapDefaultExtensions())
    for (const richText of LABELS) {
      expect(generateHTML(richText, extensions)).toBe(tiptap.generateHTML(richText, extensions))
    }
  })

  it('builds the schema of a registered list once, however many labels it renders', () => {
    const extensions = reuseSchemaFor(getTipTapDefaultExtensions())
    const builds = vi.mocked(tiptap.getSchema)
    builds.mockClear()
    for (let round = 0; round < 3; round++) for (const richText of LABELS) generateHTML(richText, extensions)
    expect(builds).toHaveBeenCalledTimes(1)
  })

  it('leaves a list nobody registered to TipTap (a schema per call, as stock tldraw does)', () => {
    const extensions = getTipTapDefaultExtensions()
    const stock = vi.spyOn(tiptap, 'generateHTML')
    const html = generateHTML(LABELS[0]!, extensions)
    expect(stock).toHaveBeenCalledWith(LABELS[0], extensions)
    expect(html).toBe('<p dir="auto">box 1</p>')
  })
})
