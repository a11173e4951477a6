'use client'

import {
  DefaultMainMenu,
  DefaultMainMenuContent,
  TldrawUiMenuGroup,
  TldrawUiMenuItem,
  TldrawUiMenuSubmenu,
  useEditor,
  useValue,
} from 'tldraw'
import { exportBoard, type BoardExportFormat } from './exportBoard'

const FORMATS: { format: BoardExportFormat; label: string }[] = [
  { format: 'png', label: 'PNG image' },
  { format: 'svg', label: 'SVG image' },
  { format: 'json', label: 'JSON (.tldr)' },
]

/** tldraw's main menu with an "Export board" submenu on top. */
export function BoardMainMenu({ fileName }: { fileName: string }) {
  const editor = useEditor()
  const isEmpty = useValue('board is empty', () => editor.getCurrentPageShapeIds().size === 0, [editor])
  return (
    <DefaultMainMenu>
      <TldrawUiMenuGroup id="mockboard-export">
        <TldrawUiMenuSubmenu id="mockboard-export-board" label="Export board">
          {FORMATS.map(({ format, label }) => (
            <TldrawUiMenuItem
              key={format}
              id={`mockboard-export-${format}`}
              label={label}
              readonlyOk
              disabled={format !== 'json' && isEmpty}
              onSelect={() => exportBoard(editor, format, fileName)}
            />
          ))}
        </TldrawUiMenuSubmenu>
      </TldrawUiMenuGroup>
      <DefaultMainMenuContent />
    </DefaultMainMenu>
  )
}
