'use client'

import { useEffect, useRef } from 'react'
import { TldrawImage } from 'tldraw'
import { getAssetUrlsByMetaUrl } from '@tldraw/assets/urls'
import 'tldraw/tldraw.css'
import type { BoardSnapshot } from '@/lib/board/boardSnapshot'
import { keepImagesLabelled } from '@/components/ui/keepImagesLabelled'
import { boardShapeUtils } from '../board/boardShapeUtils'
import { boardTldrawOptions } from '../board/labels/boardTldrawOptions'
import styles from './summary.module.css'

// Fonts come from our own origin, as on the live board (see CollabBoard).
const assetUrls = getAssetUrlsByMetaUrl()

/** Props of {@link BoardImageView}. */
export interface BoardImageViewProps {
  snapshot: BoardSnapshot
  /** The picture's text alternative; the card's heading says whether it is the board at the session's end or now. */
  alt?: string
}

/** The board's first page as an SVG picture, drawn by tldraw in the browser. */
export default function BoardImageView({ snapshot, alt = "Picture of the board's first page" }: BoardImageViewProps) {
  // TldrawImage takes no alt and renders its <img> only once the picture is drawn: label it when it appears.
  const frame = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!frame.current) return
    return keepImagesLabelled(frame.current, alt)
  }, [alt])
  return (
    <div ref={frame} className={styles.boardFrame}>
      <TldrawImage
        snapshot={snapshot}
        shapeUtils={boardShapeUtils}
        options={boardTldrawOptions}
        assetUrls={assetUrls}
        licenseKey={process.env.NEXT_PUBLIC_TLDRAW_LICENSE_KEY}
        background
        padding={24}
      />
    </div>
  )
}
