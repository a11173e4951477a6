import { afterEach, describe, expect, test, vi } from 'vitest'
import { CloseCode } from './closeCodes'
import {
  AccessDeniedError,
  NO_LONGER_MEMBER,
  startingWith,
  TICKET_REFRESH_MS,
  TicketedConnection,
  type CollabTicket,
  type TicketedProvider,
} from './TicketedConnection'

/** A provider that records what the connection asks of it and lets the test close it. */
class FakeProvider implements TicketedProvider {
  params: Record<string, string> = {}
  connects = 0
  disconnects = 0
  private listener: ((event: CloseEvent | null) => void) | null = null
  connect(): void {
    this.connects++
  }
  disconnect(): void {
    this.disconnects++
  }
  on(_name: 'connection-close', listener: (event: CloseEvent | null) => void): void {
    this.listener = listener
  }
  off(): void {
    this.listener = null
  }
  close(code: number): void {
    this.listener?.({ code } as CloseEvent)
  }
}

const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

let connection: TicketedConnection | null = null
afterEach(() => {
  connection?.dispose()
  vi.useRealTimers()
})

function start(fetchTicket: () => Promise<CollabTicket>, onOtherClose = vi.fn()) {
  const provider = new FakeProvider()
  const denied: string[] = []
  const tickets: CollabTicket[] = []
  connection = new TicketedConnection({
    provider,
    fetchTicket,
    onTicket: (ticket) => tickets.push(ticket),
    onDenied: (reason) => denied.push(reason),
    onOtherClose,
  })
  return { provider, denied, tickets, onOtherClose }
}

describe('TicketedConnection', () => {
  test('connects once the first token is in the params', async () => {
    let n = 0
    const { provider, tickets } = start(async () => ({ token: `t${++n}`, role: 'candidate' }))
    await flush()
    expect(provider.params.token).toBe('t1')
    expect(provider.connects).toBe(1)
    expect(tickets).toEqual([{ token: 't1', role: 'candidate' }])
  })

  test.each([CloseCode.Unauthorized, CloseCode.AccessChanged])(
    'close %i: a fresh token, then reconnect',
    async (code) => {
      let n = 0
      const { provider } = start(async () => ({ token: `t${++n}`, role: 'observer' }))
      await flush()
      provider.close(code)
      await flush()
      expect(provider.disconnects).toBe(1)
      expect(provider.params.token).toBe('t2')
      expect(provider.connects).toBe(2)
    }
  )

  test('close 4403: disconnect and report the denial, no reconnect', async () => {
    const { provider, denied } = start(async () => ({ token: 't', role: 'candidate' }))
    await flush()
    provider.close(CloseCode.Forbidden)
    await flush()
    expect(denied).toEqual([NO_LONGER_MEMBER])
    expect(provider.connects).toBe(1)
  })

  test('a refused token fetch denies with its message and never connects', async () => {
    const { provider, denied } = start(() => Promise.reject(new AccessDeniedError('Your session ended.')))
    await flush()
    expect(denied).toEqual(['Your session ended.'])
    expect(provider.disconnects).toBe(1)
    expect(provider.connects).toBe(0)
  })

  test('network trouble keeps the old token and still connects', async () => {
    const { provider, denied } = start(() => Promise.reject(new Error('offline')))
    await flush()
    expect(denied).toEqual([])
    expect(provider.connects).toBe(1)
  })

  test('other close codes go to the owner', async () => {
    const { provider, onOtherClose } = start(async () => ({ token: 't', role: 'candidate' }))
    await flush()
    provider.close(CloseCode.BoardFull)
    expect(onOtherClose).toHaveBeenCalledWith(CloseCode.BoardFull)
    expect(provider.disconnects).toBe(0)
  })

  test('refreshes the token on a timer until disposed', async () => {
    vi.useFakeTimers()
    let n = 0
    const { provider } = start(async () => ({ token: `t${++n}`, role: 'candidate' }))
    await vi.advanceTimersByTimeAsync(TICKET_REFRESH_MS)
    expect(provider.params.token).toBe('t2')
    expect(provider.connects).toBe(1)
    connection!.dispose()
    await vi.advanceTimersByTimeAsync(TICKET_REFRESH_MS)
    expect(n).toBe(2)
  })

  test('connects first with the ticket the page came with, without fetching; fetches every later one', async () => {
    let fetched = 0
    const fetchTicket = async (): Promise<CollabTicket> => ({ token: `fetched${++fetched}`, role: 'candidate' })
    const page = { token: 'from-page', role: 'candidate' as const, expiresAt: Date.now() + 5 * 60_000 }
    const { provider } = start(startingWith(page, fetchTicket))
    await flush()
    expect([provider.connects, provider.params.token, fetched]).toEqual([1, 'from-page', 0])

    provider.close(CloseCode.Unauthorized) // the token expired: a fresh one is fetched
    await flush()
    expect([provider.connects, provider.params.token, fetched]).toEqual([2, 'fetched1', 1])
  })

  test('a page ticket about to expire (a page restored from the back/forward cache) is not used', async () => {
    let fetched = 0
    const fetchTicket = async (): Promise<CollabTicket> => ({ token: `fetched${++fetched}`, role: 'candidate' })
    const stale = { token: 'from-page', role: 'candidate' as const, expiresAt: Date.now() + 30_000 }
    const { provider } = start(startingWith(stale, fetchTicket))
    await flush()
    expect([provider.params.token, fetched]).toEqual(['fetched1', 1])
  })
})
