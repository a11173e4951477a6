'use client'

import { Popover } from 'radix-ui'
import { ChevronDown } from 'lucide-react'
import { useMicrophones } from './useMicrophones'
import styles from './call.module.css'

/**
 * The microphone the call sends, picked from the browser's microphones
 * (a popover beside the mute button; Esc or a click outside closes it).
 */
export function MicrophonePicker({ current, onPick }: { current: string | null; onPick: (deviceId: string) => void }) {
  const devices = useMicrophones(current !== null)
  return (
    <Popover.Root>
      <Popover.Trigger asChild>
        <button
          type="button"
          className={styles.iconButton}
          aria-label="Choose your microphone"
          title="Microphone"
          data-testid="call-devices"
        >
          <ChevronDown size={14} aria-hidden />
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content className={styles.popover} align="end" sideOffset={8}>
          <label className={styles.pick}>
            Microphone
            <select value={current ?? ''} onChange={(e) => onPick(e.target.value)} data-testid="call-device">
              {devices.map((d) => (
                <option key={d.deviceId} value={d.deviceId}>
                  {d.label}
                </option>
              ))}
            </select>
          </label>
          <span className={styles.note}>Echo cancellation and noise suppression are on.</span>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  )
}
