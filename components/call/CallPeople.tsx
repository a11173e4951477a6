'use client'

import { MicOff } from 'lucide-react'
import type { CallPeer } from '@/lib/call/callWire'
import styles from './call.module.css'

/** Props of {@link CallPeople}. */
export interface CallPeopleProps {
  self: CallPeer
  peers: CallPeer[]
  /** Peer ids talking now. */
  speaking: ReadonlySet<string>
}

/**
 * Everyone in the call as a row of avatars (you first): a ring while they
 * talk, a crossed microphone when muted, dimmed when they only listen. The
 * name and state are in each avatar's label for screen readers.
 */
export function CallPeople({ self, peers, speaking }: CallPeopleProps) {
  return (
    <ul className={styles.people} aria-label="In the call" data-testid="call-people">
      {[self, ...peers].map((peer) => {
        const talking = speaking.has(peer.peerId) && !peer.muted
        const state = !peer.canPublish ? 'listening' : peer.muted ? 'muted' : talking ? 'speaking' : 'in the call'
        const name = peer.peerId === self.peerId ? `${peer.name} (you)` : peer.name
        return (
          <li
            key={peer.peerId}
            className={styles.avatar}
            title={`${name}: ${state}`}
            aria-label={`${name}: ${state}`}
            data-testid="call-peer"
            data-name={peer.name}
            data-speaking={talking}
            data-muted={peer.muted}
            data-listener={!peer.canPublish}
          >
            {initials(peer.name)}
            {peer.muted && <MicOff className={styles.mutedMark} size={10} aria-hidden />}
          </li>
        )
      })}
    </ul>
  )
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean)
  return (parts.length > 1 ? parts[0]![0]! + parts[1]![0]! : (parts[0] ?? '?').slice(0, 2)).toUpperCase()
}
