'use client'

import { useEffect, useState } from 'react'
import { tldrawUserId } from '../board/userLook'
import { Mic, MicOff, PhoneOff } from 'lucide-react'
import { useCall } from './useCall'
import { useSpeaking } from './useSpeaking'
import { CallPeople } from './CallPeople'
import { MicrophonePicker } from './MicrophonePicker'
import styles from './call.module.css'

/** Props of {@link CallControl}. */
export interface CallControlProps {
  roomId: string
  /** Base URL of the collab endpoint (the call is signalled beside the board's documents). */
  collabUrl: string
  /** Told who talks now (tldraw user ids), for the rings on the board's cursors. */
  onSpeakingUsers?: (users: ReadonlySet<string>) => void
}

/**
 * Voice in the room, in the board's header: a microphone button joins the
 * room's audio call (everyone in it hears everyone; observers listen);
 * once in, mute, the microphone picker, leave, and everyone in the call
 * with a ring while they talk.
 */
export function CallControl({ roomId, collabUrl, onSpeakingUsers }: CallControlProps) {
  const [joined, setJoined] = useState(false)
  const { view, mesh } = useCall(collabUrl, roomId, joined)
  const muted = view?.muted ?? false
  const speaking = useSpeaking(mesh, view?.self?.peerId ?? null, muted)
  useEffect(() => {
    if (!onSpeakingUsers) return
    const everyone = [...(view?.self ? [view.self] : []), ...(view?.peers ?? [])]
    onSpeakingUsers(new Set(everyone.filter((p) => speaking.has(p.peerId)).map((p) => tldrawUserId(p.userId))))
  }, [onSpeakingUsers, speaking, view?.self, view?.peers])

  if (!joined) {
    return (
      <button
        type="button"
        className={styles.join}
        onClick={() => setJoined(true)}
        data-testid="call-join"
        title="Join the room's audio call"
      >
        <Mic size={14} aria-hidden /> Join call
      </button>
    )
  }
  const live = view?.status === 'live'
  const speaker = !!view?.self?.canPublish && !!view.deviceId
  return (
    <div className={styles.call} data-testid="call" data-status={view?.status ?? 'connecting'}>
      {live && view.self && <CallPeople self={view.self} peers={view.peers} speaking={speaking} />}
      {!live && view?.status !== 'failed' && <span className={styles.note}>Joining…</span>}
      {speaker && (
        <button
          type="button"
          className={muted ? styles.iconButtonOn : styles.iconButton}
          aria-pressed={muted}
          aria-label={muted ? 'Unmute your microphone' : 'Mute your microphone'}
          title={muted ? 'Unmute' : 'Mute'}
          onClick={() => mesh?.setMuted(!muted)}
          data-testid="call-mute"
        >
          {muted ? <MicOff size={14} aria-hidden /> : <Mic size={14} aria-hidden />}
        </button>
      )}
      {speaker && mesh && <MicrophonePicker current={view.deviceId} onPick={(id) => void mesh.setDevice(id)} />}
      <button
        type="button"
        className={`${styles.iconButton} ${styles.leave}`}
        aria-label="Leave the call"
        title="Leave the call"
        onClick={() => setJoined(false)}
        data-testid="call-leave"
      >
        <PhoneOff size={14} aria-hidden />
      </button>
      {view?.problem && (
        <span className={styles.note} role={view.status === 'failed' ? 'alert' : 'status'} data-testid="call-problem">
          {view.problem}
        </span>
      )}
    </div>
  )
}
