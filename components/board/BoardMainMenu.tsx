'use client'

import {
  DefaultMainMenu,
  EditSubmenu,
  ExtrasGroup,
  PreferencesGroup,
  TldrawUiMenuGroup,
  TldrawUiMenuItem,
  TldrawUiMenuSubmenu,
  useEditor,
  useValue,
  ViewSubmenu,
} from 'tldraw'
import { exportBoard, type BoardExportFormat } from './exportBoard'

const FORMATS: { format: BoardExportFormat; label: string }[] = [
  { format: 'png', label: 'PNG image' },
  { format: 'svg', label: 'SVG image' },
  { format: 'json', label: 'JSON (.tldr)' },
]

/**
 * tldraw's main menu with our "Export board" submenu in place of tldraw's own
 * "Export as" (one export entry, with our formats and padding), laid out as
 * tldraw's default: Edit, View, Export, extras, then preferences.
 */
export function BoardMainMenu({ fileName }: { fileName: string }) {
  const editor = useEditor()
  const isEmpty = useValue('board is empty', () => editor.getCurrentPageShapeIds().size === 0, [editor])
  return (
    <DefaultMainMenu>
      <TldrawUiMenuGroup id="basic">
        <EditSubmenu />
        <ViewSubmenu />
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
        <ExtrasGroup />
      </TldrawUiMenuGroup>
      <PreferencesGroup />
    </DefaultMainMenu>
  )
}
