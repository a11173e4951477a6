'use client'

import { useState } from 'react'
import { useRouter } from 'next/navigation'
import { fetchJson } from '@/lib/http/fetchJson'
import type { BoardListItem } from '@/lib/session/sessionView'
import { ConfirmButton } from '../ui/ConfirmButton'
import { useToastedAction } from '../ui/toast/useToastedAction'
import { renameFailure } from './boardName'
import { RenameBoardForm } from './RenameBoardForm'
import styles from './boards.module.css'
import { LocalTime } from '../ui/time/LocalTime'

const request = (url: string, method: 'PATCH' | 'POST' | 'DELETE', body?: unknown) =>
  fetchJson<{ roomId?: string }>(url, { method, body })

/**
 * "My boards" on the home page: every board the user owns or joined, most
 * recently active first, to open, duplicate, and (owner) rename or delete.
 */
export function BoardList({ boards: initial }: { boards: BoardListItem[] }) {
  const [boards, setBoards] = useState(initial)
  const [editing, setEditing] = useState<string | null>(null)
  const run = useToastedAction()
  const router = useRouter()
  const rename = (roomId: string, name: string) =>
    void run(
      async () => {
        await request(`/api/rooms/${roomId}`, 'PATCH', { name }).catch((error: unknown) => {
          throw renameFailure(error)
        })
        setBoards((all) => all.map((b) => (b.roomId === roomId ? { ...b, name } : b)))
        setEditing(null)
      },
      { done: `Renamed to “${name}”`, failed: 'Could not rename the board' }
    )
  if (boards.length === 0) return <p className={styles.empty}>No boards yet.</p>
  return (
    <>
      <ul className={styles.list} data-testid="board-list">
        {boards.map((board) => (
          <li key={board.roomId} className={styles.item} data-testid="board-item" data-room-id={board.roomId}>
            {editing === board.roomId ? (
              <RenameBoardForm
                currentName={board.name}
                onSave={(name) => rename(board.roomId, name)}
                onCancel={() => setEditing(null)}
              />
            ) : (
              <a className={styles.name} href={`/r/${board.roomId}`} data-testid="board-link">
                {board.name}
              </a>
            )}
            <span className={styles.meta}>
              {board.isOwner ? 'Owner' : board.role} · <LocalTime at={board.lastActivityAt} />
            </span>
            <span className={styles.actions}>
              {board.isOwner && editing !== board.roomId && (
                <button type="button" onClick={() => setEditing(board.roomId)} data-testid="rename-board">
                  Rename
                </button>
              )}
              <button
                type="button"
                onClick={() =>
                  void run(
                    async () => {
                      const { roomId } = await request(`/api/rooms/${board.roomId}/duplicate`, 'POST')
                      router.push(`/r/${roomId}`)
                    },
                    { failed: 'Could not duplicate the board' }
                  )
                }
              >
                Duplicate
              </button>
              {board.isOwner && (
                <ConfirmButton
                  testId="delete-board"
                  title={`Delete “${board.name}”?`}
                  description="The board, its sessions, their rubric sheets and replays are deleted for everyone, for good. Invite links stop working."
                  confirmLabel="Delete board"
                  onConfirm={() =>
                    run(
                      async () => {
                        await request(`/api/rooms/${board.roomId}`, 'DELETE')
                        setBoards((all) => all.filter((b) => b.roomId !== board.roomId))
                      },
                      { done: `Deleted “${board.name}”`, failed: 'Could not delete the board' }
                    )
                  }
                >
                  Delete
                </ConfirmButton>
              )}
            </span>
          </li>
        ))}
      </ul>
    </>
  )
}
