import type { LucideIcon } from 'lucide-react'
import * as iconSet from './iconSet'

/**
 * Icons a palette block or group may show, by lucide name. Add one to the
 * list in `iconSet.ts`; TypeScript then rejects a misspelt icon in the
 * catalog, and the zod schema accepts exactly these names.
 */
export const blockIcons: Readonly<Record<keyof typeof iconSet, LucideIcon>> = iconSet

/** The name of an icon in {@link blockIcons}. */
export type BlockIconName = keyof typeof iconSet
