import {
  Editor,
  defaultBindingUtils,
  defaultShapeUtils,
  defaultTools,
  defaultShapeTools,
  defaultAddFontsFromNode,
  tipTapDefaultExtensions,
  type TLAnyShapeUtilConstructor,
  type TLStore,
} from 'tldraw'
import { boardShapeUtils } from '@/components/board/boardShapeUtils'

/**
 * A headless tldraw editor over `store`, for tests that edit through
 * tldraw's own API (creation, moves, undo), with the board's shape utils
 * (or `shapeUtils` instead, e.g. none for stock tldraw). Needs the jsdom environment.
 */
export function createTestEditor(store: TLStore, shapeUtils: TLAnyShapeUtilConstructor[] = boardShapeUtils): Editor {
  const container = document.createElement('div')
  document.body.append(container)
  return new Editor({
    store,
    // As <Tldraw> merges them: a board util replaces tldraw's default of the same type.
    shapeUtils: [
      ...defaultShapeUtils.filter((util) => !shapeUtils.some((own) => own.type === util.type)),
      ...shapeUtils,
    ],
    bindingUtils: defaultBindingUtils,
    tools: [...defaultTools, ...defaultShapeTools],
    getContainer: () => container,
    // What <Tldraw> passes by default; text shapes need it.
    options: {
      text: { addFontsFromNode: defaultAddFontsFromNode, tipTapConfig: { extensions: tipTapDefaultExtensions } },
    },
  })
}
