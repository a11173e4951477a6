import type { Editor } from '@tldraw/editor'

/** What {@link loadBeforeWholePageActions} needs of the binding. */
export interface PartialLoad {
  readonly isFullyLoaded: boolean
  loadRest(): void
}

/**
 * The editor's methods that act on every shape of a page (tldraw collects
 * them from the store), and what a partial load would do to each:
 * - `deletePage`: the unloaded shapes are deleted from the doc by the binding
 *   but are missing from tldraw's history, so undo brings the page back
 *   without them;
 * - `duplicatePage`: the copy lacks them, for good;
 * - `selectAll` (Ctrl+A): they are left out, so "select all, then delete or
 *   move" leaves them behind;
 * - `zoomToFit`: it fits the view to part of the board.
 */
const WHOLE_PAGE_ACTIONS = ['deletePage', 'duplicatePage', 'selectAll', 'zoomToFit'] as const

/**
 * Makes the editor's whole-page actions ({@link WHOLE_PAGE_ACTIONS}) load the
 * rest of a board still streaming in (view-first) before they run, so they
 * see every shape, as they would on a board loaded in one go.
 *
 * Wraps the methods on this editor instance (tldraw's menus, keyboard
 * shortcuts and any other caller go through them); returns a function that
 * restores the originals.
 */
export function loadBeforeWholePageActions(editor: Editor, load: PartialLoad): () => void {
  const originals = WHOLE_PAGE_ACTIONS.map((name) => [name, editor[name]] as const)
  for (const [name, original] of originals) {
    const wrapped = function (this: Editor, ...args: unknown[]) {
      try {
        if (!load.isFullyLoaded) load.loadRest()
      } catch {
        // Called inside a store transaction (tldraw forbids remote changes there): the action goes ahead on
        // what is loaded; a page delete still deletes the page's unloaded shapes from the doc (only undo cannot
        // bring those back).
      }
      return (original as (...a: unknown[]) => unknown).apply(this, args)
    }
    Object.assign(editor, { [name]: wrapped })
  }
  return () => {
    for (const [name, original] of originals) Object.assign(editor, { [name]: original })
  }
}
