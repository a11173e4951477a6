'use client'

import { useEffect, useRef, useState } from 'react'
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
 * Keyboard focus never drops to the page when a control it was on goes: a
 * rename saved or cancelled returns it to the row's Rename button, a deleted
 * board's row hands it to the next board (the one before, the last one gone:
 * the "No boards yet" line).
 */
export function BoardList({ boards: initial }: { boards: BoardListItem[] }) {
  const [boards, setBoards] = useState(initial)
  const [editing, setEditing] = useState<string | null>(null)
  const run = useToastedAction()
  const router = useRouter()
  const list = useRef<HTMLUListElement>(null)
  const empty = useRef<HTMLParagraphElement>(null)
  // Where focus goes once the next render is on screen: a control in a board's row, or the empty list's line.
  const focusNext = useRef<FocusTarget | null>(null)
  useEffect(() => {
    const target = focusNext.current
    if (!target) return
    focusNext.current = null
    if (target === 'empty') empty.current?.focus()
    else {
      const row = [...(list.current?.children ?? [])].find(
        (item) => item instanceof HTMLElement && item.dataset.roomId === target.roomId
      )
      row?.querySelector<HTMLElement>(`[data-testid="${target.control}"]`)?.focus()
    }
  })
  const stopEditing = (roomId: string) => {
    focusNext.current = { roomId, control: 'rename-board' }
    setEditing(null)
  }
  const rename = (roomId: string, name: string) =>
    void run(
      async () => {
        await request(`/api/rooms/${roomId}`, 'PATCH', { name }).catch((error: unknown) => {
          throw renameFailure(error)
        })
        setBoards((all) => all.map((b) => (b.roomId === roomId ? { ...b, name } : b)))
        stopEditing(roomId)
      },
      { done: `Renamed to “${name}”`, failed: 'Could not rename the board' }
    )
  const removed = (roomId: string) =>
    setBoards((all) => {
      const index = all.findIndex((b) => b.roomId === roomId)
      const next = all[index + 1] ?? all[index - 1]
      focusNext.current = next ? { roomId: next.roomId, control: 'board-link' } : 'empty'
      return all.filter((b) => b.roomId !== roomId)
    })
  if (boards.length === 0)
    return (
      <p className={styles.empty} ref={empty} tabIndex={-1} data-testid="no-boards">
        No boards yet.
      </p>
    )
  return (
    <>
      <ul className={styles.list} data-testid="board-list" ref={list}>
        {boards.map((board) => (
          <li key={board.roomId} className={styles.item} data-testid="board-item" data-room-id={board.roomId}>
            {editing === board.roomId ? (
              <RenameBoardForm
                currentName={board.name}
                onSave={(name) => rename(board.roomId, name)}
                onCancel={() => stopEditing(board.roomId)}
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
                        removed(board.roomId)
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

/** A control of a board's row (by its test id), or the empty list's line. */
type FocusTarget = { roomId: string; control: 'rename-board' | 'board-link' } | 'empty'
