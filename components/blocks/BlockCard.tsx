import type { BlockEntry, TemplateEntry } from '@/lib/patterns/catalogSchema'
import { patternGroups } from '@/lib/patterns/groups'
import { blockIcons } from '@/lib/patterns/icons'
import { citeGuide } from '@/lib/patterns/sources'
import { checkedAgainst } from '@/lib/facts/factSources'
import styles from './card.module.css'

function Sources({ sources, checked = [] }: { sources: BlockEntry['sources']; checked?: readonly string[] }) {
  return (
    <footer className={styles.sources}>
      Source{sources.length > 1 ? 's' : ''}: {sources.map(citeGuide).join('; ')}
      {checked.length > 0 && <> · Numbers checked against: {checked.join('; ')}</>}
    </footer>
  )
}

/**
 * A block's card: what it is, when to use it, its trade-offs, typical numbers
 * and where that comes from. Shown when hovering a palette tile and next to a
 * hovered block on the canvas (or one pinned with I, see `CanvasBlockCard`).
 */
export function BlockCard({ entry }: { entry: BlockEntry }) {
  const Icon = blockIcons[entry.icon]
  const group = patternGroups.find((g) => g.id === entry.group)
  return (
    <article className={styles.card} data-testid="block-card" aria-label={`${entry.name} card`}>
      <header className={styles.header}>
        <Icon size={20} aria-hidden />
        <h3 className={styles.title}>{entry.name}</h3>
        <span className={styles.group}>{group?.name}</span>
      </header>
      <dl className={styles.fields}>
        <dt>What</dt>
        <dd>{entry.card.what}</dd>
        <dt>When</dt>
        <dd>{entry.card.when}</dd>
        <dt>Trade-offs</dt>
        <dd>{entry.card.tradeoffs}</dd>
        <dt>Numbers</dt>
        <dd>{entry.card.numbers}</dd>
      </dl>
      <Sources sources={entry.sources} checked={checkedAgainst(entry.id)} />
    </article>
  )
}

/** A template's card: what it is for and what it places. */
export function TemplateCard({ entry }: { entry: TemplateEntry }) {
  return (
    <article className={styles.card} data-testid="template-card" aria-label={`${entry.name} card`}>
      <header className={styles.header}>
        <blockIcons.LayoutTemplate size={20} aria-hidden />
        <h3 className={styles.title}>{entry.name}</h3>
        <span className={styles.group}>Template</span>
      </header>
      <p className={styles.summary}>{entry.summary}</p>
      <p className={styles.summary}>
        Places {entry.blocks.length} blocks and {entry.connections.length} labelled connections, as one undo step.
      </p>
      <Sources sources={entry.sources} />
    </article>
  )
}
