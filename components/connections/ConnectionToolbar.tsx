'use client'

import { useEditor, useValue, type TLArrowShape } from 'tldraw'
import { connectionProtocols, type ConnectionProtocol } from '@/lib/patterns/protocols'
import { readConnection, setConnection } from './connectionStyle'
import styles from './connections.module.css'

/**
 * Shown while arrows are selected: pick the protocol the connection carries
 * (it becomes the arrow's label) and whether it is sync (solid) or async
 * (dashed). Rendered in tldraw's `TopPanel` slot.
 */
export function ConnectionToolbar() {
  const editor = useEditor()
  const arrows = useValue(
    'selected arrows',
    () => {
      // Only for a selection of arrows alone: after a template lands, its
      // blocks and arrows are selected together and need no connection menu.
      const selected = editor.getSelectedShapes()
      if (editor.getIsReadonly() || !selected.every((shape) => shape.type === 'arrow')) return []
      return selected as TLArrowShape[]
    },
    [editor]
  )
  if (arrows.length === 0) return null
  const connections = arrows.map(readConnection)
  const protocol = connections.every((c) => c.protocol === connections[0]?.protocol)
    ? connections[0]?.protocol
    : undefined
  const mode = connections.every((c) => c.mode === 'async')
    ? 'async'
    : connections.every((c) => c.mode !== 'async')
      ? 'sync'
      : undefined
  const ids = arrows.map((arrow) => arrow.id)

  const pickProtocol = (value: string) => {
    const entry = connectionProtocols.find((p) => p.id === value)
    if (!entry) return
    // A protocol brings its usual mode (Kafka is async), unless the user already chose one.
    const chosenMode = connections.some((c) => c.mode) ? undefined : entry.mode
    setConnection(editor, ids, { protocol: entry.id as ConnectionProtocol, mode: chosenMode })
  }

  return (
    <div className={styles.toolbar} role="toolbar" aria-label="Connection" data-testid="connection-toolbar">
      <label className={styles.field}>
        <span>Protocol</span>
        <select
          value={protocol ?? ''}
          onChange={(e) => pickProtocol(e.currentTarget.value)}
          data-testid="connection-protocol"
          aria-label="Protocol"
        >
          <option value="" disabled>
            Choose…
          </option>
          {connectionProtocols.map((p) => (
            <option key={p.id} value={p.id}>
              {p.id}
            </option>
          ))}
        </select>
      </label>
      <div className={styles.segmented} role="radiogroup" aria-label="Sync or async">
        {(['sync', 'async'] as const).map((value) => (
          <button
            key={value}
            type="button"
            role="radio"
            aria-checked={mode === value}
            data-testid={`connection-${value}`}
            onClick={() => setConnection(editor, ids, { mode: value })}
          >
            {value === 'sync' ? 'Sync' : 'Async (dashed)'}
          </button>
        ))}
      </div>
    </div>
  )
}
