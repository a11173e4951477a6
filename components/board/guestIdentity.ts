import { z } from 'zod'

/** Who this browser is until sign-in lands: kept in localStorage, editable in the people menu. */
export interface GuestIdentity {
  /** tldraw user id; must start with `user:`. */
  id: string
  name: string
  color: string
}

const STORAGE_KEY = 'mockboard.guest'

const identitySchema = z.object({
  id: z.string().regex(/^user:[\w-]{1,64}$/),
  name: z.string().min(1).max(64),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
})

/** Distinct, readable cursor colours (tldraw's collaborator palette). */
const COLORS = [
  '#FF802B',
  '#EC5E41',
  '#F2555A',
  '#F04F88',
  '#E34BA9',
  '#BD54C6',
  '#9D5BD2',
  '#7B66DC',
  '#02B1CC',
  '#11B3A3',
  '#39B178',
  '#55B467',
]
const ANIMALS = [
  'Otter',
  'Heron',
  'Lynx',
  'Panda',
  'Falcon',
  'Koala',
  'Marten',
  'Puffin',
  'Ibex',
  'Orca',
  'Gecko',
  'Bison',
]

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)] as T
}

/** Reads this browser's guest identity, creating and storing one on first visit. */
export function loadGuestIdentity(): GuestIdentity {
  try {
    const stored = identitySchema.safeParse(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null'))
    if (stored.success) return stored.data
  } catch {
    // Unreadable storage: fall through to a fresh identity.
  }
  const identity: GuestIdentity = {
    id: `user:${crypto.randomUUID().replace(/-/g, '').slice(0, 12)}`,
    name: `Guest ${pick(ANIMALS)}`,
    color: pick(COLORS),
  }
  saveGuestIdentity(identity)
  return identity
}

/** Persists a changed name or colour. */
export function saveGuestIdentity(identity: GuestIdentity): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(identity))
  } catch {
    // Private mode or full storage: the identity lasts for this tab only.
  }
}
