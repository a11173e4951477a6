import type { LucideIcon } from 'lucide-react'
import type { TLBlockShape } from '@/lib/blocks/blockShape'
import { getBlock } from '@/lib/patterns/catalog'
import { blockIcons } from '@/lib/patterns/icons'

/** What a block shape shows: its icon, its title line and its number line. */
export interface BlockLook {
  Icon: LucideIcon
  /** The user's label, or the catalog name when the label is blank. */
  title: string
  annotation: string
  /** The catalog name, e.g. "Load balancer"; "Unknown block" for a kind this release lacks. */
  kindName: string
}

/**
 * Resolves how a block shape looks from its props and the catalog. A kind the
 * catalog lacks (a board from a newer release) still renders, as a box.
 */
export function blockLook(shape: TLBlockShape): BlockLook {
  const entry = getBlock(shape.props.kind)
  const kindName = entry?.name ?? 'Unknown block'
  return {
    Icon: entry ? blockIcons[entry.icon] : blockIcons.Box,
    title: shape.props.label.trim() || kindName,
    annotation: shape.props.annotation.trim(),
    kindName,
  }
}
