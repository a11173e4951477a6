import type { FramedMessage } from '../collab/framedMessage'

/** What a room needs from a connected client: who it is, and a way to reach it. */
export interface RoomPeer {
  /** The user id recorded as the author of this peer's updates. */
  readonly userId: string
  /** The account name the collab token carries (stamped on an observer's presence). */
  readonly userName: string
  /** False for read-only roles (observers): their document updates are dropped. */
  readonly canWrite: boolean
  /**
   * Sends one message (dropped if the connection is closing). A broadcast
   * hands every peer the same {@link FramedMessage}, framed once.
   */
  send(message: FramedMessage): void
  /** Closes the connection with a close code and a short reason. */
  close(code: number, reason: string): void
}
