import {
  generateHTML as generateHtmlBuildingSchema,
  getHTMLFromFragment,
  getSchema,
  type Extensions,
  type JSONContent,
} from '../../node_modules/@tiptap/core/dist/index.js'
import { Node, type Schema } from '@tiptap/pm/model'

/** Registered extension lists, each with its schema once built (null until the first call). */
const schemas = new WeakMap<Extensions, Schema | null>()

/**
 * Lets {@link generateHTML} build `extensions`' schema once and reuse it. For
 * a list that never changes after this call (the board's, a module constant).
 * Other lists, tldraw's defaults among them (the benchmark's bare tldraw page
 * uses those, and stays stock), keep TipTap's behaviour.
 *
 * @returns `extensions`, for use inline.
 */
export function reuseSchemaFor(extensions: Extensions): Extensions {
  if (!schemas.has(extensions)) schemas.set(extensions, null)
  return extensions
}

/**
 * TipTap's `generateHTML`: the HTML of a rich-text document. The same output;
 * for a list registered with {@link reuseSchemaFor}, without rebuilding the
 * schema on every call.
 *
 * @example
 * ```ts
 * const extensions = reuseSchemaFor(getTipTapDefaultExtensions())
 * generateHTML(toRichText('box 1'), extensions) // '<p dir="auto">box 1</p>'
 * ```
 */
export function generateHTML(doc: JSONContent, extensions: Extensions): string {
  if (!schemas.has(extensions)) return generateHtmlBuildingSchema(doc, extensions)
  let schema = schemas.get(extensions)
  if (!schema) schemas.set(extensions, (schema = getSchema(extensions)))
  return getHTMLFromFragment(Node.fromJSON(schema, doc).content, schema)
}
