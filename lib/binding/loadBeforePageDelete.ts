import type { Editor } from '@tldraw/editor'

/** What {@link loadBeforePageDeletes} needs of the binding. */
export interface PartialLoad {
  readonly isFullyLoaded: boolean
  loadRest(): void
}

/**
 * Makes `editor.deletePage` load the rest of a board still streaming in
 * (view-first) before it runs. tldraw deletes a page by collecting the
 * page's shapes from the store; shapes not loaded yet would be deleted from
 * the doc by the binding but missing from tldraw's history, so undoing the
 * delete would bring the page back without them. Loaded first, they are
 * part of the delete, and undo restores every one.
 *
 * Wraps the method on this editor instance (tldraw's page menu and any other
 * caller go through it); returns a function that restores the original.
 */
export function loadBeforePageDeletes(editor: Editor, load: PartialLoad): () => void {
  const deletePage = editor.deletePage
  editor.deletePage = function (this: Editor, page) {
    try {
      if (!load.isFullyLoaded) load.loadRest()
    } catch {
      // Called inside a store transaction: the delete goes ahead, and the binding still deletes the page's
      // unloaded shapes from the doc with it (only undo cannot bring those back).
    }
    return deletePage.call(this, page)
  }
  return () => {
    editor.deletePage = deletePage
  }
}
