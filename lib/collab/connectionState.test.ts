import { describe, expect, test } from 'vitest'
import { connectionState, OFFLINE_AFTER_MS, type ConnectionFacts } from './connectionState'

const live: ConnectionFacts = {
  socket: 'connected',
  synced: true,
  everSynced: true,
  browserOnline: true,
  msSinceConnected: 0,
}

describe('connection badge', () => {
  test.each<[string, Partial<ConnectionFacts>, string]>([
    ['open and synced', {}, 'connected'],
    ['open but not yet synced after a reconnect', { synced: false }, 'reconnecting'],
    ['lost the socket a moment ago', { socket: 'connecting', synced: false, msSinceConnected: 2_000 }, 'reconnecting'],
    [
      'lost the server for longer',
      { socket: 'disconnected', synced: false, msSinceConnected: OFFLINE_AFTER_MS },
      'offline',
    ],
    ['the browser itself is offline', { socket: 'connecting', synced: false, browserOnline: false }, 'offline'],
    [
      'first load, not synced yet',
      { socket: 'connecting', synced: false, everSynced: false, msSinceConnected: 500 },
      'connecting',
    ],
  ])('%s → %s', (_name, facts, expected) => {
    expect(connectionState({ ...live, ...facts })).toBe(expected)
  })
})
