import type { Awareness } from 'y-protocols/awareness'
import { react, type Signal } from '@tldraw/state'
import {
  createPresenceStateDerivation,
  InstancePresenceRecordType,
  type TLInstancePresence,
  type TLStore,
  type TLUser,
} from '@tldraw/tlschema'
import type { TLUserId } from '@tldraw/tlschema'
import { fromWirePresence, toWirePresence, type ParticipantLook } from './presenceWire'
import { throttle } from './throttle'

/** Presence is sent at most this often: 20 Hz is smooth and a third of tldraw's rAF rate. */
export const PRESENCE_MAX_HZ = 20

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] }

/**
 * Publishes the local user's presence (cursor, name, colour, selection,
 * viewport) into Yjs awareness, at most {@link PRESENCE_MAX_HZ} times a
 * second, and mirrors every other participant's awareness state into the
 * store as `instance_presence` records, which tldraw renders as cursors,
 * selections and the people menu (with "follow"). Names and colours come
 * from the participants' `user:` records in the doc, and cursors are
 * refreshed when one of those changes (someone renames themself).
 *
 * @example
 * ```ts
 * const presence = new PresenceSync(store, provider.awareness, $user)
 * presence.start()
 * // …
 * presence.dispose() // also clears our awareness state, so our cursor leaves at once
 * ```
 */
export class PresenceSync {
  private stopReacting: (() => void) | null = null
  private stopWatchingUsers: (() => void) | null = null
  private readonly sendThrottled: ReturnType<typeof throttle>
  private latest: TLInstancePresence | null = null

  constructor(
    private readonly store: TLStore,
    private readonly awareness: Awareness,
    private readonly $user: Signal<TLUser>,
    maxHz = PRESENCE_MAX_HZ
  ) {
    this.sendThrottled = throttle(() => this.send(), 1000 / maxHz)
  }

  /** Starts publishing and mirroring presence. */
  start(): void {
    const instanceId = InstancePresenceRecordType.createId(String(this.awareness.clientID))
    const $presence = createPresenceStateDerivation(this.$user, { instanceId })(this.store)
    this.stopReacting = react('mockboard presence', () => {
      this.latest = $presence.get()
      this.sendThrottled()
    })
    this.awareness.on('change', this.onAwarenessChange)
    this.stopWatchingUsers = this.store.listen(
      ({ changes }) => {
        const touched = [...Object.values(changes.added), ...Object.values(changes.updated).map(([, next]) => next)]
        if (touched.some((record) => record.typeName === 'user')) this.refreshAll()
      },
      { scope: 'document', source: 'remote' }
    )
    this.refreshAll()
  }

  /** Stops, clears our awareness state and removes all remote cursors from the store. */
  dispose(): void {
    this.stopReacting?.()
    this.stopWatchingUsers?.()
    this.sendThrottled.cancel()
    this.awareness.off('change', this.onAwarenessChange)
    this.awareness.setLocalState(null)
    const presences = this.store.query
      .records('instance_presence')
      .get()
      .map((r) => r.id)
    if (presences.length) this.store.mergeRemoteChanges(() => this.store.remove(presences))
  }

  private send(): void {
    if (this.latest) this.awareness.setLocalState(toWirePresence(this.latest))
  }

  private refreshAll(): void {
    this.onAwarenessChange({ added: [...this.awareness.getStates().keys()], updated: [], removed: [] })
  }

  private readonly look = (userId: TLUserId): ParticipantLook | null => {
    const user = this.store.get(userId)
    return user && user.typeName === 'user' ? { name: user.name, color: user.color } : null
  }

  private readonly onAwarenessChange = ({ added, updated, removed }: AwarenessChange): void => {
    const now = Date.now()
    const states = this.awareness.getStates()
    const puts: TLInstancePresence[] = []
    const removals: TLInstancePresence['id'][] = []
    for (const clientId of [...added, ...updated]) {
      if (clientId === this.awareness.clientID) continue
      const record = fromWirePresence(clientId, states.get(clientId), now, this.look)
      if (record && this.isValid(record)) puts.push(record)
    }
    for (const clientId of removed) {
      const id = InstancePresenceRecordType.createId(String(clientId))
      if (this.store.has(id)) removals.push(id)
    }
    if (!puts.length && !removals.length) return
    this.store.mergeRemoteChanges(() => {
      if (removals.length) this.store.remove(removals)
      if (puts.length) this.store.put(puts)
    })
  }

  private isValid(record: TLInstancePresence): boolean {
    try {
      this.store.schema.validateRecord(this.store, record, 'updateRecord', null)
      return true
    } catch {
      return false
    }
  }
}
