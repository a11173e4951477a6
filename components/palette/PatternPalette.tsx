'use client'

import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { PanelLeftClose, PanelLeftOpen, Search, X } from 'lucide-react'
import type { Editor } from 'tldraw'
import { VisuallyHidden } from 'radix-ui'
import { blockCatalog, catalogByGroup, templateCatalog } from '@/lib/patterns/catalog'
import { PatternSearch, type PatternHit } from '@/lib/patterns/PatternSearch'
import { blockIcons } from '@/lib/patterns/icons'
import { insertPattern } from './insertPattern'
import { PalettePreview, type Preview } from './PalettePreview'
import { PaletteTile } from './PaletteTile'
import { useCollapsedPalette, usePaletteShortcut } from './paletteState'
import sidePanel from '@/components/ui/panel.module.css'
import styles from './palette.module.css'

/** The palette's icon buttons: the shared panel's, with a hover background. */
const iconButton = `${sidePanel.iconButton} ${styles.iconButton}`

const patternSearch = new PatternSearch(blockCatalog, templateCatalog)
const templateHits: PatternHit[] = templateCatalog.map((entry) => ({ type: 'template', entry }))

/** Props of {@link PatternPalette}. */
export interface PatternPaletteProps {
  /** The board's editor; null until tldraw has mounted. */
  editor: Editor | null
  /** False while the interviewer has turned templates off for the candidate. Default true. */
  templates?: boolean
}

/**
 * The pattern palette beside the canvas: templates and the building blocks in
 * their groups, with search by name and alias (card text when no name
 * matches). `P` focuses the search; arrows pick a result, Enter places it in
 * the free space nearest the middle of the view. The highlighted result's card
 * shows while the search box has focus, a tile's while it is hovered or
 * focused. Collapses to a thin rail.
 */
export function PatternPalette({ editor, templates = true }: PatternPaletteProps) {
  const [collapsed, setCollapsed] = useCollapsedPalette()
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const [preview, setPreview] = useState<Preview | null>(null)
  // The top result's card shows only while the search box has focus: back on the canvas, it goes.
  const [searchFocused, setSearchFocused] = useState(false)
  // What the last insertion placed, for screen readers (a polite live region); the count makes a repeat announce again.
  const [inserted, setInserted] = useState<{ name: string; count: number } | null>(null)
  const panel = useRef<HTMLElement>(null)
  const searchBox = useRef<HTMLInputElement>(null)
  const ranked = useMemo(
    () => patternSearch.rank(query).filter(({ hit }) => templates || hit.type !== 'template'),
    [query, templates]
  )
  const hits = ranked.map((r) => r.hit)
  const fromCards = ranked[0]?.match === 'card'
  // The search box keeps focus while the arrows move the highlight (aria-activedescendant): keep it in view.
  useEffect(() => {
    if (query) document.getElementById(`palette-hit-${active}`)?.scrollIntoView?.({ block: 'nearest' })
  }, [query, active])

  usePaletteShortcut(() => {
    setCollapsed(false)
    requestAnimationFrame(() => searchBox.current?.focus())
  })

  const insert = (hit: PatternHit) => {
    if (!editor || editor.getIsReadonly()) return
    insertPattern(editor, hit)
    setPreview(null)
    setInserted((last) => ({ name: hit.entry.name, count: (last?.count ?? 0) + 1 }))
    // Back to the canvas, so Enter edits the new block's label, Delete removes
    // it and undo undoes it. tldraw's focus() does nothing to the DOM while the
    // editor already counts as focused, so focus its container ourselves:
    // otherwise keyboard focus would drop to the page's body.
    editor.getContainer().focus({ preventScroll: true })
    editor.focus()
  }
  const showPreview = (hit: PatternHit | null, element?: HTMLElement) => {
    const top =
      element && panel.current ? element.getBoundingClientRect().top - panel.current.getBoundingClientRect().top : 0
    setPreview(hit ? { hit, top } : null)
  }
  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    event.stopPropagation()
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      const step = event.key === 'ArrowDown' ? 1 : -1
      setActive((i) => Math.min(Math.max(i + step, 0), Math.max(hits.length - 1, 0)))
    } else if (event.key === 'Enter') {
      const hit = hits[active]
      if (hit) {
        insert(hit)
        setQuery('')
      }
    } else if (event.key === 'Escape') {
      if (query) setQuery('')
      else {
        event.currentTarget.blur()
        editor?.focus()
      }
    }
  }

  if (collapsed) {
    return (
      <aside className={`${sidePanel.panel} ${sidePanel.rail} ${styles.side}`} aria-label="Pattern palette (collapsed)">
        <button type="button" className={iconButton} onClick={() => setCollapsed(false)} title="Show patterns (P)">
          <PanelLeftOpen size={18} aria-label="Show patterns" />
        </button>
      </aside>
    )
  }

  const activeHit = query ? hits[active] : undefined
  const searchCard = searchFocused && activeHit ? { hit: activeHit, top: 88 } : null
  return (
    <aside
      ref={panel}
      className={`${sidePanel.panel} ${styles.side} ${styles.palette}`}
      aria-label="Pattern palette"
      data-testid="pattern-palette"
    >
      <header className={sidePanel.header}>
        <h2 className={`${sidePanel.heading} ${styles.heading}`}>Patterns</h2>
        <button type="button" className={iconButton} onClick={() => setCollapsed(true)} title="Hide patterns">
          <PanelLeftClose size={18} aria-label="Hide patterns" />
        </button>
      </header>
      <label className={styles.search}>
        <Search size={16} aria-hidden />
        <input
          ref={searchBox}
          type="search"
          role="combobox"
          aria-expanded={hits.length > 0}
          aria-controls="palette-results"
          aria-activedescendant={activeHit ? `palette-hit-${active}` : undefined}
          placeholder="Search blocks (P)"
          aria-label="Search blocks and templates"
          data-testid="palette-search"
          value={query}
          onChange={(e) => {
            setQuery(e.currentTarget.value)
            setActive(0)
            // The hovered tile is gone from the new list (it never saw the pointer leave): drop its card.
            setPreview(null)
          }}
          onKeyDown={onSearchKey}
          onFocus={() => setSearchFocused(true)}
          onBlur={() => setSearchFocused(false)}
        />
        {query && (
          <button type="button" className={iconButton} onClick={() => setQuery('')} aria-label="Clear search">
            <X size={14} />
          </button>
        )}
      </label>
      {/* The user scrolling the list moves the tiles from under the card: it goes. Scrolls that bring a tile into view
          (keyboard focus, automation) come before its card is placed, so they leave it be. */}
      {/* Results hold nothing focusable (the search box picks them), so while they show, the list itself is a Tab
          stop, to scroll it from the keyboard too. */}
      <div
        className={styles.scroll}
        onWheel={() => setPreview(null)}
        onTouchMove={() => setPreview(null)}
        {...(query && hits.length > 0 ? { tabIndex: 0, role: 'region', 'aria-label': 'Search results list' } : {})}
      >
        {query && fromCards && (
          <p className={styles.note} data-testid="palette-card-matches">
            No name matches “{query}”; these cards mention it:
          </p>
        )}
        {query && hits.length === 0 && <p className={styles.empty}>No block matches “{query}”.</p>}
        {query ? (
          hits.length > 0 && (
            // Each result is an option itself, with nothing focusable inside: the search box keeps focus.
            <ul id="palette-results" role="listbox" className={styles.results} aria-label="Search results">
              {hits.map((hit, i) => (
                <PaletteTile
                  key={`${hit.type}:${hit.entry.id}`}
                  optionId={`palette-hit-${i}`}
                  hit={hit}
                  active={i === active}
                  onInsert={insert}
                  onPreview={showPreview}
                />
              ))}
            </ul>
          )
        ) : (
          <PaletteBrowse onInsert={insert} onPreview={showPreview} templates={templates} />
        )}
      </div>
      <PalettePreview preview={preview ?? searchCard} />
      <VisuallyHidden.Root role="status" aria-live="polite" data-testid="palette-announcement">
        {inserted && `Inserted ${inserted.name}${inserted.count % 2 ? '' : '\u00a0'}`}
      </VisuallyHidden.Root>
    </aside>
  )
}

function PaletteBrowse({
  onInsert,
  onPreview,
  templates,
}: Pick<Parameters<typeof PaletteTile>[0], 'onInsert' | 'onPreview'> & { templates: boolean }) {
  return (
    <>
      {templates && (
        <details className={styles.section} open data-testid="palette-templates">
          <summary>
            <blockIcons.LayoutTemplate size={16} aria-hidden /> Templates
          </summary>
          <div className={styles.tiles}>
            {templateHits.map((hit) => (
              <PaletteTile key={hit.entry.id} hit={hit} onInsert={onInsert} onPreview={onPreview} />
            ))}
          </div>
        </details>
      )}
      {catalogByGroup().map(({ group, blocks }, i) => {
        const GroupIcon = blockIcons[group.icon]
        return (
          <details key={group.id} className={styles.section} open={i === 0} data-testid={`palette-group-${group.id}`}>
            <summary>
              <GroupIcon size={16} aria-hidden /> {group.name} <span className={styles.count}>{blocks.length}</span>
            </summary>
            <div className={styles.tiles}>
              {blocks.map((entry) => (
                <PaletteTile key={entry.id} hit={{ type: 'block', entry }} onInsert={onInsert} onPreview={onPreview} />
              ))}
            </div>
          </details>
        )
      })}
    </>
  )
}
