'use client'

import { useEffect, useRef, type KeyboardEvent } from 'react'
import { HTMLContainer, useValue, type Editor } from 'tldraw'
import { getColorValue } from '@tldraw/editor'
import type { TLBlockShape } from '@/lib/blocks/blockShape'
import { getBlock } from '@/lib/patterns/catalog'
import { blockLook } from './blockLook'
import styles from './blocks.module.css'

/** Props of {@link BlockView}. */
export interface BlockViewProps {
  shape: TLBlockShape
  editor: Editor
}

/**
 * A block on the canvas: icon, label and number line. Double-click (or Enter
 * with the block selected) edits the label and the number line in place;
 * Enter moves from the label to the numbers and then finishes.
 */
export function BlockView({ shape, editor }: BlockViewProps) {
  const isEditing = useValue('isEditing', () => editor.getEditingShapeId() === shape.id, [editor, shape.id])
  const colors = useValue('colors', () => editor.getCurrentTheme().colors[editor.getColorMode()], [editor])
  const annotationInput = useRef<HTMLInputElement>(null)
  const labelInput = useRef<HTMLInputElement>(null)
  // tldraw focuses its own container after the double-click that starts
  // editing; take focus back once it has, so no keystroke reaches a tool
  // (tldraw's shortcuts and ours skip key events aimed at an input).
  useEffect(() => {
    if (!isEditing) return
    const frame = requestAnimationFrame(() => {
      if (!labelInput.current?.contains(document.activeElement) && document.activeElement !== annotationInput.current) {
        labelInput.current?.focus()
        labelInput.current?.select()
      }
    })
    return () => cancelAnimationFrame(frame)
  }, [isEditing])
  const { Icon, title, annotation, kindName } = blockLook(shape)
  const solid = getColorValue(colors, shape.props.color, 'solid')
  const semi = getColorValue(colors, shape.props.color, 'semi')

  const update = (props: Partial<TLBlockShape['props']>) =>
    editor.updateShape<TLBlockShape>({ id: shape.id, type: 'block', props })
  const finish = () => {
    editor.setEditingShape(null)
    editor.select(shape.id)
  }
  const onLabelKey = (event: KeyboardEvent<HTMLInputElement>) => {
    event.stopPropagation()
    if (event.key === 'Enter') annotationInput.current?.focus()
    if (event.key === 'Escape') finish()
  }
  const onAnnotationKey = (event: KeyboardEvent<HTMLInputElement>) => {
    event.stopPropagation()
    if (event.key === 'Enter' || event.key === 'Escape') finish()
  }

  return (
    <HTMLContainer
      className={styles.block}
      data-testid="block-shape"
      data-kind={shape.props.kind}
      style={{ borderColor: solid, pointerEvents: isEditing ? 'all' : undefined }}
    >
      <span className={styles.iconTile} style={{ background: semi, color: solid }} aria-hidden>
        <Icon size={24} />
      </span>
      {isEditing ? (
        <span className={styles.fields} onPointerDown={(e) => e.stopPropagation()}>
          <input
            ref={labelInput}
            className={styles.labelInput}
            data-testid="block-label-input"
            aria-label={`${kindName} label`}
            value={shape.props.label}
            placeholder={kindName}
            autoFocus
            onFocus={(e) => e.currentTarget.select()}
            onChange={(e) => update({ label: e.currentTarget.value })}
            onKeyDown={onLabelKey}
          />
          <input
            ref={annotationInput}
            className={styles.annotationInput}
            data-testid="block-annotation-input"
            aria-label={`${kindName} numbers`}
            value={shape.props.annotation}
            placeholder={getBlock(shape.props.kind)?.annotation || 'numbers'}
            onChange={(e) => update({ annotation: e.currentTarget.value })}
            onKeyDown={onAnnotationKey}
          />
        </span>
      ) : (
        <span className={styles.fields}>
          <span className={styles.label} data-testid="block-label" style={{ color: colors.text }}>
            {title}
          </span>
          {annotation && (
            <span className={styles.annotation} data-testid="block-annotation" style={{ color: solid }}>
              {annotation}
            </span>
          )}
        </span>
      )}
    </HTMLContainer>
  )
}
