'use client'

import Link from 'next/link'
import { PageNotice } from '@/components/pages/PageNotice'
import { RoomClosed } from '@/components/pages/RoomClosed'
import { SessionNotFound } from '@/components/pages/SessionNotFound'
import { noticeActions } from '@/components/pages/noticeActions'
import { replayLoadFailure } from './replayLoadFailure'

/**
 * The replay page when its data failed to load (`error` as `useReplayData`
 * reports it): the app's own page for a missing session or a closed board,
 * else what went wrong in plain words with a retry and the way back.
 */
export function ReplayLoadError({ roomId, error }: { roomId: string; error: Error }) {
  const failure = replayLoadFailure(error)
  if (failure.kind === 'no-session') return <SessionNotFound roomId={roomId} />
  if (failure.kind === 'room-closed') return <RoomClosed reason={failure.reason} />
  return (
    <PageNotice
      title="The replay could not be loaded"
      testId="replay-load-error"
      actions={
        <>
          {/* A fresh load: the replay's data streams in once, into a timeline this page cannot start over. */}
          <button type="button" className={noticeActions.primary} onClick={() => window.location.reload()}>
            Try again
          </button>
          <Link className={noticeActions.secondary} href={`/r/${roomId}`}>
            Back to the board
          </Link>
        </>
      }
    >
      {failure.kind === 'unreachable'
        ? 'The server could not be reached. Check your connection, then try again.'
        : `Something went wrong while loading it (${failure.detail}). Try again in a moment.`}
    </PageNotice>
  )
}
