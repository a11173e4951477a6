import {
  Editor,
  defaultBindingUtils,
  defaultShapeUtils,
  defaultTools,
  defaultShapeTools,
  defaultAddFontsFromNode,
  tipTapDefaultExtensions,
  type TLStore,
} from 'tldraw'
import { boardShapeUtils } from '@/components/board/boardShapeUtils'

/**
 * A headless tldraw editor over `store`, for tests that edit through
 * tldraw's own API (creation, moves, undo), with the board's custom shapes. Needs the jsdom environment.
 */
export function createTestEditor(store: TLStore): Editor {
  const container = document.createElement('div')
  document.body.append(container)
  return new Editor({
    store,
    shapeUtils: [...defaultShapeUtils, ...boardShapeUtils],
    bindingUtils: defaultBindingUtils,
    tools: [...defaultTools, ...defaultShapeTools],
    getContainer: () => container,
    // What <Tldraw> passes by default; text shapes need it.
    options: {
      text: { addFontsFromNode: defaultAddFontsFromNode, tipTapConfig: { extensions: tipTapDefaultExtensions } },
    },
  })
}
