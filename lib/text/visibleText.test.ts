import { describe, expect, test } from 'vitest'
import {
  MAX_MARKS_PER_CHARACTER,
  checkVisibleText,
  toVisibleText,
  visibleTextProblem,
  visibleTextSchema,
} from './visibleText'

const name = visibleTextSchema({ noun: 'name', max: 40 })
const check = (typed: unknown) => checkVisibleText(name, typed)
const refusal = (typed: unknown) => {
  const result = check(typed)
  return result.ok ? null : result.message
}

describe('visibleTextSchema', () => {
  test('accepts real names in any script, with emoji, accents and joiners where they belong', () => {
    const names = [
      'Ann',
      '  Ann Lee  ',
      'José Ángel',
      'Nguyễn Thị Minh Khai',
      '王小明',
      'محمد',
      'מרים',
      'Ольга',
      'देवनागरी क्‍ष', // ZWJ after a virama
      'می‌خواهم', // Persian ZWNJ inside a word
      'ภาษาไทย',
      'བསྒྲུབས', // Tibetan stack: 3 marks on one letter
      "O'Brien-Smith (she/her)",
      '👩‍💻 Dev', // ZWJ sequence
      '❤️‍🔥', // variation selector, then ZWJ
      '🏳️‍🌈 Pride',
      '🏴󠁧󠁢󠁳󠁣󠁴󠁿 Scot', // flag written with tag characters
      '1️⃣ First', // keycap: two marks
      '👍🏽',
      '42',
      '???',
      'x'.repeat(40),
    ]
    for (const typed of names) expect(refusal(typed), JSON.stringify(typed)).toBeNull()
  })

  test('trims and normalises to NFC (so a decomposed accent counts once)', () => {
    expect(check('  e\u0301 ')).toEqual({ ok: true, text: 'é' })
    expect(check('A\u030A').ok && (check('A\u030A') as { text: string }).text).toBe('\u00C5')
    // 40 characters once composed, 80 as typed: accepted.
    expect(check('e\u0301'.repeat(40)).ok).toBe(true)
  })

  test('refuses blank and over-long names with sentences', () => {
    expect(refusal('')).toBe('Enter a name: it cannot be blank.')
    expect(refusal(' \t\n ')).toBe('Enter a name: it cannot be blank.')
    expect(refusal('x'.repeat(41))).toBe('A name can be at most 40 characters.')
    expect(refusal(undefined)).toEqual(expect.any(String))
  })

  test('refuses names made only of invisible characters', () => {
    for (const typed of [
      '\u200B\u200B\u200B', // zero-width spaces
      '\u200D', // a lone joiner
      '\u2060\uFEFF\u200B',
      '\u3164\u3164', // Hangul fillers
      '\u2800', // blank Braille pattern
      '\u0301\u0301', // marks with nothing to sit on
      '\uE000\uE001', // private use only
    ]) {
      expect(refusal(typed), JSON.stringify(typed)).toMatch(/invisible|visible letter|marks/)
    }
  })

  test('refuses bidi overrides, isolates and marks, and invisible characters inside a name', () => {
    expect(refusal('Alice\u202Egnp.exe')).toMatch(/invisible characters such as zero-width spaces or text-direction/)
    for (const typed of [
      'Al\u200Bice',
      'Alice\u2066x\u2069',
      'Alice\u200F',
      'Ali\u00ADce',
      'Alice\u200D', // a joiner that joins nothing
      'a\u200D\u200Db',
      'Alice\uDB40\uDC41', // a stray tag character
    ]) {
      expect(refusal(typed), JSON.stringify(typed)).toMatch(/invisible/)
    }
  })

  test('refuses control characters: NUL, tabs and line breaks inside, C1 controls, line separators', () => {
    for (const typed of ['Al\u0000ice', 'Al\tice', 'Al\nice', 'Al\u0085ice', 'Al\u2028ice', 'Al\u001Bice']) {
      expect(refusal(typed), JSON.stringify(typed)).toBe(
        'A name cannot contain control characters such as NUL, tabs or line breaks.'
      )
    }
  })

  test('refuses lone surrogates (broken UTF-16) but keeps pairs', () => {
    expect(refusal('evil\uD800')).toMatch(/broken characters/)
    expect(refusal('\uDC00evil')).toMatch(/broken characters/)
    expect(refusal('ok \uD83D\uDE00')).toBeNull()
  })

  test(`caps combining marks at ${MAX_MARKS_PER_CHARACTER} per character`, () => {
    expect(refusal(`x${'\u0300\u0316\u0317\u0318'}`)).toBeNull()
    expect(refusal(`x${'\u0300\u0316\u0317\u0318\u0319'}`)).toMatch(/at most 4 accents or marks on one character/)
    expect(refusal(`Z${'\u0336'.repeat(39)}`)).toMatch(/at most 4 accents or marks/)
  })

  test('the finding’s board name gets one clear refusal', () => {
    const board = visibleTextSchema({ noun: 'board name', max: 80 })
    const result = board.safeParse('\u202E\u0000evil\uD800')
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toMatch(/^A board name cannot contain/)
  })

  test('visibleTextProblem names the noun', () => {
    expect(visibleTextProblem('\u200B', 'board name')).toMatch(/^A board name /)
    expect(visibleTextProblem('Board', 'board name')).toBeNull()
  })
})

describe('toVisibleText: names we cannot ask to be retyped (OAuth profiles, "Copy of …")', () => {
  const options = { noun: 'name', max: 40 }
  test('keeps a real name as it is, in any script, emoji sequences whole', () => {
    for (const real of ['Nguyễn Thị 🏳️‍🌈', 'محمد‌رضا', '👩‍💻 Ada', 'Zoë 🏴󠁧󠁢󠁳󠁣󠁴󠁿']) {
      expect(toVisibleText(real, options, 'Member')).toBe(real)
    }
  })

  test('removes what the rule refuses, and falls back when nothing visible is left', () => {
    expect(toVisibleText('Alice\u202Egnp.exe', options, 'Member')).toBe('Alicegnp.exe')
    expect(toVisibleText('Al\u0000ice\nBob', options, 'Member')).toBe('Al ice Bob')
    expect(toVisibleText('a\uD800b', options, 'Member')).toBe('ab')
    expect(toVisibleText(`Z${'\u0301'.repeat(39)}`, options, 'Member')).toBe(`Z${'\u0301'.repeat(4)}`.normalize('NFC'))
    expect(toVisibleText('\u200B\u200B', options, 'Member')).toBe('Member')
    expect(toVisibleText(null, options, 'Member')).toBe('Member')
  })

  test('cuts a long name to the limit without splitting a character', () => {
    const cut = toVisibleText(`${'x'.repeat(38)}👩‍💻👩‍💻`, options, 'Member')
    expect(cut).toBe('x'.repeat(38))
    expect(visibleTextSchema(options).safeParse(toVisibleText('y'.repeat(100), options, 'Member')).success).toBe(true)
  })
})
