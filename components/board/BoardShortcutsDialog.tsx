'use client'

import {
  DefaultKeyboardShortcutsDialog,
  DefaultKeyboardShortcutsDialogContent,
  TldrawUiMenuGroup,
  TldrawUiMenuItem,
  type TLUiKeyboardShortcutsDialogProps,
} from 'tldraw'
import { BLOCK_CARD_KEY } from '@/components/blocks/useBlockCardShortcut'
import { PALETTE_SEARCH_KEY } from '@/components/palette/paletteState'
import { ESTIMATION_KEY } from '@/components/estimation/useEstimationShortcut'

/** tldraw's keyboard-shortcuts dialog, plus Mockboard's own keys. */
export function BoardShortcutsDialog(props: TLUiKeyboardShortcutsDialogProps) {
  return (
    <DefaultKeyboardShortcutsDialog {...props}>
      <DefaultKeyboardShortcutsDialogContent />
      <TldrawUiMenuGroup id="mockboard-shortcuts" label="Mockboard">
        <TldrawUiMenuItem
          id="mockboard-palette-search"
          label="Search blocks"
          kbd={PALETTE_SEARCH_KEY}
          onSelect={noop}
        />
        <TldrawUiMenuItem
          id="mockboard-block-card"
          label="Show the selected block's card"
          kbd={BLOCK_CARD_KEY}
          onSelect={noop}
        />
        <TldrawUiMenuItem id="mockboard-estimation" label="Estimation numbers" kbd={ESTIMATION_KEY} onSelect={noop} />
      </TldrawUiMenuGroup>
    </DefaultKeyboardShortcutsDialog>
  )
}

const noop = () => {}
