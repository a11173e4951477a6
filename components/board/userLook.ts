import { z } from 'zod'
import { PARTICIPANT_COLORS as COLORS, colorFor } from '@/lib/presence/participantColor'
import { wireUserId } from '@/lib/presence/presenceWire'

/** How the signed-in user appears on the board: tldraw id, name, cursor colour. */
export interface UserLook {
  /** tldraw user id: `user:` + the account id with anything but letters, digits, _ and - replaced. */
  id: string
  name: string
  color: string
  /** Light, dark or the system's, as last chosen in this browser (tldraw's default until then). */
  colorScheme?: ColorScheme
}

/** tldraw's colour-scheme preference. */
export type ColorScheme = 'light' | 'dark' | 'system'

const STORAGE_KEY = 'mockboard.look'

const lookSchema = z.object({
  id: z.string().regex(/^user:[\w-]{1,64}$/),
  name: z.string().min(1).max(64),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  colorScheme: z.enum(['light', 'dark', 'system']).optional(),
})

/** The tldraw user id for an account id (`guest:ab12` → `user:guest_ab12`). */
export function tldrawUserId(accountId: string): string {
  return `user:${wireUserId(accountId)}`
}

/**
 * `own` if nobody else on the board wears it, else the next colour of the
 * palette that nobody wears (or `own` when every one is taken).
 */
export function distinctColor(own: string, taken: readonly string[]): string {
  const wornByOthers = new Set(taken.map((c) => c.toLowerCase()))
  if (!wornByOthers.has(own.toLowerCase())) return own
  const start = Math.max(
    0,
    COLORS.findIndex((c) => c.toLowerCase() === own.toLowerCase())
  )
  for (let i = 1; i <= COLORS.length; i++) {
    const candidate = COLORS[(start + i) % COLORS.length]!
    if (!wornByOthers.has(candidate.toLowerCase())) return candidate
  }
  return own
}

/**
 * The colour I should wear among the board's participants: mine, unless a
 * participant whose id sorts before mine wears it (of two who collide, only
 * the later one moves, so they never both switch); then the next colour
 * nobody wears.
 */
export function colorToWear(
  me: { id: string; color: string },
  participants: readonly { id: string; color: string }[]
): string {
  const others = participants.filter((other) => other.id !== me.id)
  const yieldTo = others.filter((other) => other.id < me.id).map((other) => other.color)
  if (distinctColor(me.color, yieldTo) === me.color) return me.color
  return distinctColor(
    me.color,
    others.map((other) => other.color)
  )
}

/** True when this browser holds a look the user chose (a colour picked in the people menu). */
export function hasSavedLook(accountId: string): boolean {
  try {
    const stored = lookSchema.safeParse(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null'))
    return stored.success && stored.data.id === tldrawUserId(accountId)
  } catch {
    return false
  }
}

/** The look of `account` in this browser: a colour the user picked here, else the account's default. */
export function loadUserLook(account: { userId: string; name: string }): UserLook {
  const id = tldrawUserId(account.userId)
  try {
    const stored = lookSchema.safeParse(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null'))
    if (stored.success && stored.data.id === id) return { ...stored.data, name: account.name }
  } catch {
    // Unreadable storage: use the defaults.
  }
  return { id, name: account.name, color: colorFor(account.userId) }
}

/** The colour scheme last chosen in this browser, whoever chose it (pages without an account read it). */
export function savedColorScheme(): ColorScheme | undefined {
  try {
    const stored = lookSchema.safeParse(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null'))
    return stored.success ? stored.data.colorScheme : undefined
  } catch {
    return undefined
  }
}

/** Remembers a colour, name or colour scheme picked on the board, for this browser. */
export function saveUserLook(look: UserLook): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(look))
  } catch {
    // Private mode or full storage: the choice lasts for this tab only.
  }
}
