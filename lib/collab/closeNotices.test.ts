import { describe, expect, test } from 'vitest'
import { CloseCode } from './closeCodes'
import { closeNotice } from './closeNotices'

describe('closeNotice', () => {
  test('every quota code has its own message; a full board turns read-only and is not retried', () => {
    const codes = [
      CloseCode.BoardFull,
      CloseCode.ByteBudgetExceeded,
      CloseCode.RateLimited,
      CloseCode.TooManyConnections,
    ]
    const notices = codes.map((code) => closeNotice(code))
    expect(notices.map((n) => n?.code)).toEqual(codes)
    expect(new Set(notices.map((n) => n?.message)).size).toBe(codes.length)
    expect(closeNotice(CloseCode.BoardFull)).toMatchObject({ readOnly: true, canRetry: false })
    expect(closeNotice(CloseCode.BoardFull)?.message).toMatch(/board is full/)
    for (const code of codes.slice(1)) expect(closeNotice(code)).toMatchObject({ readOnly: false, canRetry: true })
  })

  test('codes that are not about a quota have no notice', () => {
    for (const code of [
      undefined,
      1000,
      CloseCode.GoingAway,
      CloseCode.Unauthorized,
      CloseCode.Forbidden,
      CloseCode.AccessChanged,
    ]) {
      expect(closeNotice(code)).toBeNull()
    }
  })
})
