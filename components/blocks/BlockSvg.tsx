import type { TLDefaultColor } from '@tldraw/tlschema'
import type { TLBlockShape } from '@/lib/blocks/blockShape'
import { blockLook } from './blockLook'
import { fitSvgText } from './fitSvgText'

/** Props of {@link BlockSvg}. */
export interface BlockSvgProps {
  shape: TLBlockShape
  color: TLDefaultColor
  background: string
  text: string
}

/**
 * A block drawn in plain SVG for PNG/SVG export: real `<text>` elements, so
 * the labels survive into the file and stay searchable in it (a label cut
 * to fit keeps its whole text in a `<title>`).
 */
export function BlockSvg({ shape, color, background, text }: BlockSvgProps) {
  const { w, h } = shape.props
  const { Icon, title, annotation } = blockLook(shape)
  const tile = 40
  const tileY = (h - tile) / 2
  const textX = 12 + tile + 12
  const titleY = annotation ? h / 2 - 4 : h / 2 + 6
  // Labels stay inside the block, as on the canvas: cut with "…", and clipped in case a font runs wider.
  const textWidth = Math.max(0, w - textX - 12)
  const clipId = `block-text-${shape.id.replace(/[^\w-]/g, '_')}`
  return (
    <g>
      <clipPath id={clipId}>
        <rect x={textX} y={0} width={textWidth} height={h} />
      </clipPath>
      <rect width={w} height={h} rx={10} fill={background} stroke={color.solid} strokeWidth={2} />
      <rect x={12} y={tileY} width={tile} height={tile} rx={8} fill={color.semi} />
      <Icon x={20} y={tileY + 8} width={24} height={24} color={color.solid} />
      <g clipPath={`url(#${clipId})`}>
        <text x={textX} y={titleY} fontFamily="Inter, system-ui, sans-serif" fontSize={16} fontWeight={600} fill={text}>
          {fitSvgText(title, textWidth, 16, 'sans')}
          <title>{title}</title>
        </text>
        {annotation && (
          <text x={textX} y={h / 2 + 16} fontFamily="ui-monospace, monospace" fontSize={13} fill={color.solid}>
            {fitSvgText(annotation, textWidth, 13, 'mono')}
            <title>{annotation}</title>
          </text>
        )}
      </g>
    </g>
  )
}
