import { describe, expect, test } from 'vitest'
import { HttpError } from '@/lib/http/fetchJson'
// eslint-disable-next-line no-restricted-imports -- a test, not browser code: it holds the client's limit to the server's
import { MAX_ROOM_NAME } from '@/server/access/RoomDirectory'
import { MAX_BOARD_NAME, checkBoardName, renameFailure } from './boardName'

describe('checkBoardName', () => {
  test('uses the server’s length limit', () => {
    expect(MAX_BOARD_NAME).toBe(MAX_ROOM_NAME)
  })

  test('refuses a blank name, spaces and tabs included, with a sentence to show', () => {
    for (const typed of ['', '   ', '\t \n']) {
      const check = checkBoardName(typed)
      expect(check.ok).toBe(false)
      if (!check.ok) expect(check.message).toMatch(/cannot be blank/)
    }
  })

  test('sends the trimmed name', () => {
    expect(checkBoardName('  System design  ')).toEqual({ ok: true, name: 'System design' })
  })

  test('refuses what the server would: more than 80 characters once trimmed', () => {
    expect(checkBoardName(` ${'x'.repeat(80)} `)).toEqual({ ok: true, name: 'x'.repeat(80) })
    expect(checkBoardName('x'.repeat(81)).ok).toBe(false)
  })

  test('refuses, with the server’s own sentence, names that are invisible or deceptive (the shared rule)', () => {
    expect(checkBoardName('\u200B\u200B')).toEqual({
      ok: false,
      message:
        'A board name cannot contain invisible characters such as zero-width spaces or text-direction overrides.',
    })
    expect(checkBoardName('Plan\u202Etxt.exe').ok).toBe(false)
    expect(checkBoardName('a\u0000b').ok).toBe(false)
    expect(checkBoardName('Cafe\u0301 👩‍💻')).toEqual({ ok: true, name: 'Café 👩‍💻' })
  })
})

describe('renameFailure', () => {
  test('turns the API’s bare validation and crash answers into sentences', () => {
    const invalid = renameFailure(new HttpError(400, 'invalid request')) as Error
    expect(invalid.message).not.toMatch(/invalid request/)
    expect(invalid.message).toMatch(/1 to 80 characters/)
    expect((renameFailure(new HttpError(500, 'internal error')) as Error).message).toMatch(/unchanged/)
  })

  test('keeps the messages that are already written for people, and network errors as they are', () => {
    const owner = new HttpError(403, 'only the room owner may do this')
    expect(renameFailure(owner)).toBe(owner)
    const offline = new TypeError('Failed to fetch')
    expect(renameFailure(offline)).toBe(offline)
  })
})
