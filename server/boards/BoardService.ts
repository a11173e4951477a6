import * as Y from 'yjs'
import type { TLSchema } from '@tldraw/tlschema'
import type { Actor } from '@/lib/access/actor'
import { canRestoreBoard } from '@/lib/access/roles'
import { createBoardSchema } from '@/lib/board/boardSchema'
import type { BoardSnapshot } from '@/lib/board/boardSnapshot'
import type { BoardListItem } from '@/lib/session/sessionView'
import type { RoomAccess } from '../access/RoomAccess'
import type { RoomRegistry } from '../rooms/RoomRegistry'
import type { RoomStorage } from '../storage/RoomStorage'
import type { SessionStore } from '../sessions/SessionStore'
import { boardAt, boardOfDoc } from './boardAt'
import { BoardAtCache } from './BoardAtCache'
import { restoreBoard, type RestoreResult } from './restoreBoard'
import { ROOM_LOGS, roomLogKey } from '../storage/roomLogKey'
import { RoomRequestError } from '../access/RoomRequestError'
import { toVisibleText } from '@/lib/text/visibleText'
import { MAX_ROOM_NAME } from '../access/RoomDirectory'

/** What {@link BoardService} needs. */
export interface BoardServiceDeps {
  access: RoomAccess
  rooms: RoomRegistry
  storage: RoomStorage
  sessions: SessionStore
  /** Session recordings, deleted with the board. */
  audio?: { deleteRoom(roomId: string): Promise<void> }
  /** The boards' tldraw schema (restores migrate and validate with it); the app's own by default. */
  schema?: TLSchema
  /**
   * Tells every collab server a board was deleted, so its rooms in memory
   * write nothing more into the logs the deletion then empties (their last
   * cursor states, a snapshot on unload). Without it, a room still open
   * somewhere would write them back.
   */
  announceDeleted?: (roomId: string) => Promise<void>
  /** Whether {@link BoardService.warmLive} loads anything (one process serves both the page and its socket). Default true. */
  warmRoomsForPages?: boolean
}

/**
 * Boards as places: listed for their members, renamed, duplicated and
 * deleted by their owners, and pictured (live, or as a session left them).
 */
export class BoardService {
  private readonly schema: TLSchema
  /** Boards as sessions left them, read again and again on summary pages. */
  private readonly sessionBoards = new BoardAtCache()

  constructor(private readonly deps: BoardServiceDeps) {
    this.schema = deps.schema ?? createBoardSchema()
  }

  /** The actor's boards, most recently active first. */
  list(actor: Actor): Promise<BoardListItem[]> {
    return this.deps.access.listBoards(actor)
  }

  /**
   * The board as a session left it (log position `seq`), or live when `seq`
   * is null. Members only.
   */
  async snapshot(roomId: string, actor: Actor, seq: number | null): Promise<BoardSnapshot | null> {
    await this.deps.access.view(roomId, actor)
    if (seq !== null) return this.sessionBoards.get(roomId, seq, () => boardAt(this.deps.storage, roomId, seq))
    const room = await this.deps.rooms.acquire(roomId, { seed: true })
    try {
      return boardOfDoc(room.doc)
    } finally {
      this.deps.rooms.release(room)
    }
  }

  /**
   * Starts loading the live board into memory as its page is served, so the
   * page's WebSocket finds it loaded (see `RoomRegistry.warm`). For callers
   * that have checked the actor's access already (the room page's guard).
   * Does nothing where the socket may reach another server (Redis mode).
   */
  warmLive(roomId: string): void {
    if (this.deps.warmRoomsForPages ?? true) this.deps.rooms.warm(roomId, { seed: true })
  }

  /** A new board owned by the actor, starting as a copy of this one's current drawing. Members only. */
  async duplicate(roomId: string, actor: Actor): Promise<{ roomId: string }> {
    const { name } = await this.deps.access.view(roomId, actor)
    const room = await this.deps.rooms.acquire(roomId, { seed: true })
    let update: Uint8Array
    try {
      await room.flush()
      update = Y.encodeStateAsUpdate(room.doc)
    } finally {
      this.deps.rooms.release(room)
    }
    // Cut to the board-name limit whole characters at a time (an emoji is not split in two).
    const copyName = toVisibleText(`Copy of ${name}`, { noun: 'board name', max: MAX_ROOM_NAME }, 'Copy of a board')
    const copy = await this.deps.access.createRoom(actor, copyName)
    await this.deps.storage.appendIfEmpty(copy.roomId, { time: Date.now(), author: actor.userId, update })
    return { roomId: copy.roomId }
  }

  /**
   * Restores the live board to how it was at log position `seq` ("restore
   * this version" on the replay), as a new logged change under the actor's
   * name that every connected client receives. The owner and interviewers
   * only (see `canRestoreBoard`). See {@link restoreBoard}.
   */
  async restore(roomId: string, actor: Actor, seq: number): Promise<RestoreResult> {
    const { me, isOwner } = await this.deps.access.view(roomId, actor)
    if (!canRestoreBoard(me.role, isOwner)) {
      throw new RoomRequestError(403, 'only the owner or an interviewer may restore the board')
    }
    const room = await this.deps.rooms.acquire(roomId, { seed: true })
    try {
      return await restoreBoard(room, { storage: this.deps.storage, schema: this.schema }, seq, actor.userId)
    } finally {
      this.deps.rooms.release(room)
    }
  }

  /**
   * Deletes a board for good (owner only): members, invites, sessions,
   * sheets, recordings and every log (board, session, cursors). Open connections close.
   */
  async delete(roomId: string, actor: Actor): Promise<void> {
    const room = await this.deps.access.view(roomId, actor)
    if (!room.isOwner) throw new RoomRequestError(403, 'only the owner may delete the board')
    await this.deps.access.deleteRoom(roomId, actor)
    // After the members go (a connection closed now cannot come back), before the logs do.
    await this.deps.announceDeleted?.(roomId)
    this.sessionBoards.forgetRoom(roomId)
    await this.deps.sessions.deleteRoom(roomId)
    await this.deps.audio?.deleteRoom(roomId)
    for (const log of ROOM_LOGS) {
      await this.deps.storage.deleteLog(roomLogKey(roomId, log))
    }
  }
}
