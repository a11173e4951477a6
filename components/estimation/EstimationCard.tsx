'use client'

import { useState } from 'react'
import { Popover, Tabs } from 'radix-ui'
import { ExamplesList, LatencyTable, NinesTable, PowersTable, ThroughputTable } from './EstimationTables'
import { useEstimationShortcut } from './useEstimationShortcut'
import styles from './estimation.module.css'

const TABS = [
  { id: 'latency', label: 'Latency', Panel: LatencyTable },
  { id: 'powers', label: 'Powers of 2', Panel: PowersTable },
  { id: 'nines', label: 'Nines', Panel: NinesTable },
  { id: 'throughput', label: 'Per server', Panel: ThroughputTable },
  { id: 'examples', label: 'Worked examples', Panel: ExamplesList },
] as const

/**
 * The estimation reference card: latency numbers, powers of two, nines and
 * downtime, per-server rules of thumb and worked examples, all read from the
 * fact base in `lib/facts`. Everyone on the board (observers too) opens it
 * with the button or Shift+E, and closes it the same way, with Esc or with ×.
 * It is a non-modal popover that stays open while people draw, so a
 * candidate can estimate on the board with the numbers in view.
 */
export function EstimationCard() {
  const [open, setOpen] = useState(false)
  const [tab, setTab] = useState<(typeof TABS)[number]['id']>('latency')
  useEstimationShortcut(() => setOpen((o) => !o))
  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Popover.Trigger asChild>
        <button
          type="button"
          className={styles.trigger}
          title="Estimation numbers (Shift+E)"
          aria-keyshortcuts="Shift+E"
          data-testid="estimation-button"
        >
          Numbers
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          className={styles.card}
          side="top"
          align="end"
          sideOffset={8}
          collisionPadding={8}
          aria-label="Estimation reference"
          data-testid="estimation-card"
          // Stays open while the user draws; Esc, Shift+E or × close it.
          onInteractOutside={(event) => event.preventDefault()}
        >
          <div className={styles.header}>
            <h2 className={styles.title}>Estimation reference</h2>
            <Popover.Close className={styles.close} aria-label="Close">
              ×
            </Popover.Close>
          </div>
          <Tabs.Root value={tab} onValueChange={(v) => setTab(v as typeof tab)}>
            <Tabs.List className={styles.tabs} aria-label="Reference tables">
              {TABS.map((t) => (
                <Tabs.Trigger key={t.id} value={t.id} className={styles.tab} data-testid={`estimation-tab-${t.id}`}>
                  {t.label}
                </Tabs.Trigger>
              ))}
            </Tabs.List>
            {TABS.map(({ id, Panel }) => (
              <Tabs.Content key={id} value={id} className={styles.panel}>
                <Panel />
              </Tabs.Content>
            ))}
          </Tabs.Root>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  )
}
