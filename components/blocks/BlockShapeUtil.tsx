import { BaseBoxShapeUtil, type TLShapeUtilCanBindOpts } from 'tldraw'
import type { SvgExportContext } from '@tldraw/editor'
import {
  BLOCK_SHAPE_TYPE,
  BLOCK_SIZE,
  blockShapeMigrations,
  blockShapeProps,
  type TLBlockShape,
} from '@/lib/blocks/blockShape'
import { blockLook } from './blockLook'
import { BlockSvg } from './BlockSvg'
import { BlockView } from './BlockView'

/**
 * tldraw's util for palette blocks. Props and migrations come from
 * `lib/blocks/blockShape` so the server's schema matches; this class adds the
 * canvas behaviour: rendering, in-place editing, arrows binding to it and
 * export.
 */
export class BlockShapeUtil extends BaseBoxShapeUtil<TLBlockShape> {
  static override type = BLOCK_SHAPE_TYPE
  static override props = blockShapeProps
  static override migrations = blockShapeMigrations

  override getDefaultProps(): TLBlockShape['props'] {
    return { ...BLOCK_SIZE, kind: 'stateless-service', label: '', annotation: '', color: 'black' }
  }

  override canEdit() {
    return true
  }

  override canBind(_opts: TLShapeUtilCanBindOpts) {
    return true
  }

  override getText(shape: TLBlockShape) {
    const { title, annotation } = blockLook(shape)
    return [title, annotation].filter(Boolean).join('\n')
  }

  override getAriaDescriptor(shape: TLBlockShape) {
    const { title, annotation, kindName } = blockLook(shape)
    return [kindName === title ? title : `${kindName}: ${title}`, annotation].filter(Boolean).join(', ')
  }

  override component(shape: TLBlockShape) {
    return <BlockView shape={shape} editor={this.editor} />
  }

  override getIndicatorPath(shape: TLBlockShape) {
    const path = new Path2D()
    path.roundRect(0, 0, shape.props.w, shape.props.h, 10)
    return path
  }

  override toSvg(shape: TLBlockShape, ctx: SvgExportContext) {
    const colors = this.editor.getCurrentTheme().colors[ctx.colorMode]
    return (
      <BlockSvg shape={shape} color={colors[shape.props.color]} background={colors.background} text={colors.text} />
    )
  }
}
