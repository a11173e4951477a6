import { exportAs, serializeTldrawJsonBlob, type Editor } from 'tldraw'

/** Space around the drawing in exported images, in page pixels. */
const EXPORT_PADDING = 48

/** Formats the board can be exported in from the main menu. */
export type BoardExportFormat = 'png' | 'svg' | 'json'

/**
 * Downloads the current page as an image, or the whole board as tldraw JSON
 * (a `.tldr` file that tldraw and Mockboard can open again).
 */
export async function exportBoard(editor: Editor, format: BoardExportFormat, name: string): Promise<void> {
  if (format === 'json') {
    const blob = await serializeTldrawJsonBlob(editor)
    downloadBlob(blob, `${name}.tldr`)
    return
  }
  const ids = [...editor.getCurrentPageShapeIds()]
  if (!ids.length) return
  // Room around the drawing: block annotations and arrow labels sit just outside their shapes' bounds.
  await exportAs(editor, ids, { format, name, background: true, padding: EXPORT_PADDING })
}

function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
