/**
 * What `@tiptap/core` resolves to in the app's bundles (`turbopack.resolveAlias`
 * in next.config.js): TipTap itself, reached by its file so the alias does not
 * lead back here, with one export replaced: {@link generateHTML} reuses the
 * schema of extension lists registered with {@link reuseSchemaFor}.
 *
 * Why: tldraw turns every label into HTML with TipTap's `generateHTML`, which
 * resolves the extensions and builds a ProseMirror schema on every call
 * (~0.6–0.8 ms, most of a label's cost when a 2,000-shape board mounts).
 * tldraw imports it from `@tiptap/core` inside its own package, so this alias
 * is the one place it can be changed without patching tldraw.
 */
export * from '../../node_modules/@tiptap/core/dist/index.js'
export { generateHTML, reuseSchemaFor } from './schemaCache'
