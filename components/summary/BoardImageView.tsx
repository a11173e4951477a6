'use client'

import { TldrawImage } from 'tldraw'
import { getAssetUrlsByMetaUrl } from '@tldraw/assets/urls'
import 'tldraw/tldraw.css'
import type { BoardSnapshot } from '@/lib/board/boardSnapshot'
import { boardShapeUtils } from '../board/boardShapeUtils'
import { boardTldrawOptions } from '../board/labels/boardTldrawOptions'

// Fonts come from our own origin, as on the live board (see CollabBoard).
const assetUrls = getAssetUrlsByMetaUrl()

/** Props of {@link BoardImageView}. */
export interface BoardImageViewProps {
  snapshot: BoardSnapshot
}

/** The board's first page as an SVG picture, drawn by tldraw in the browser. */
export default function BoardImageView({ snapshot }: BoardImageViewProps) {
  return (
    <TldrawImage
      snapshot={snapshot}
      shapeUtils={boardShapeUtils}
      options={boardTldrawOptions}
      assetUrls={assetUrls}
      licenseKey={process.env.NEXT_PUBLIC_TLDRAW_LICENSE_KEY}
      background
      padding={24}
    />
  )
}
