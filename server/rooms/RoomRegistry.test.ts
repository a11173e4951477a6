import { afterEach, describe, expect, it, vi } from 'vitest'
import pino from 'pino'
import { createBoardSchema } from '@/lib/board/boardSchema'
import { MemoryRoomStorage } from '../storage/MemoryRoomStorage'
import { RoomRegistry } from './RoomRegistry'

const schema = createBoardSchema()

/** A registry over memory storage that counts how often a room is read from storage. */
function registryWithCountedLoads(options: { unloadDelayMs?: number; failLoads?: boolean } = {}) {
  const storage = new MemoryRoomStorage()
  const loads = vi.spyOn(storage, 'loadRoom')
  if (options.failLoads) loads.mockRejectedValue(new Error('storage is down'))
  const logger = pino({ level: 'silent' })
  const warn = vi.spyOn(logger, 'warn')
  const registry = new RoomRegistry({ storage, schema, logger, unloadDelayMs: options.unloadDelayMs ?? 0 })
  return { registry, loads, warn }
}

const registries: RoomRegistry[] = []
afterEach(async () => {
  await Promise.all(registries.splice(0).map((registry) => registry.closeAll()))
})

describe('RoomRegistry.warm', () => {
  // A board's page is served well before its WebSocket opens (the browser first loads tldraw). The page warms
  // the room, so the socket no longer waits for storage: it was ~250 ms of a 2,000-shape board's first view.
  it('loads the room when the page is served, and the connection that follows does not load it again', async () => {
    const { registry, loads } = registryWithCountedLoads()
    registries.push(registry)
    registry.warm('warm-room', { seed: true, holdMs: 60_000 })
    await vi.waitFor(() => expect(loads).toHaveBeenCalledTimes(1))
    expect(registry.has('warm-room')).toBe(true)

    const room = await registry.acquire('warm-room', { seed: true })
    expect(loads).toHaveBeenCalledTimes(1)
    registry.release(room)
  })

  it('lets a warmed room nobody opens go once its hold is over', async () => {
    const { registry, loads } = registryWithCountedLoads()
    registries.push(registry)
    registry.warm('left-room', { seed: true, holdMs: 20 })
    await vi.waitFor(() => expect(loads).toHaveBeenCalledTimes(1))
    await vi.waitFor(() => expect(registry.has('left-room')).toBe(false))
  })

  it('keeps a warmed room while a connection holds it, after the hold is over', async () => {
    const { registry } = registryWithCountedLoads()
    registries.push(registry)
    registry.warm('busy-room', { seed: true, holdMs: 20 })
    const room = await registry.acquire('busy-room', { seed: true })
    // The hold's release must not count for the connection's.
    await new Promise((resolve) => setTimeout(resolve, 60))
    expect(registry.has('busy-room')).toBe(true)
    registry.release(room)
    await vi.waitFor(() => expect(registry.has('busy-room')).toBe(false))
  })

  it('logs a room that fails to load instead of throwing, and forgets it so a connection can try again', async () => {
    const { registry, warn } = registryWithCountedLoads({ failLoads: true })
    registries.push(registry)
    registry.warm('broken-room', { seed: true })
    await vi.waitFor(() =>
      expect(warn).toHaveBeenCalledWith(expect.objectContaining({ room: 'broken-room' }), 'warming the room failed')
    )
    expect(registry.has('broken-room')).toBe(false)
  })
})
