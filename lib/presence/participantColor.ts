/**
 * Cursor colours: the palette participants wear and each account's default
 * in it. Shared by the browser (the look a user starts with) and the collab
 * server (the colour it stamps on an observer's presence, whose user record
 * cannot be on the board).
 */

/** Distinct, readable cursor colours (tldraw's collaborator palette). */
export const PARTICIPANT_COLORS = [
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

/** A stable colour per account, so a person keeps their colour across devices until they pick one. */
export function colorFor(accountId: string): string {
  let hash = 0
  for (const char of accountId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0
  return PARTICIPANT_COLORS[hash % PARTICIPANT_COLORS.length]!
}
