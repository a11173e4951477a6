/** What a session description asks for, as far as the call's rules go. */
export interface SdpMedia {
  /** Some audio or video section would send media (`sendrecv`, `sendonly`, or no direction, which means `sendrecv`). */
  sends: boolean
  /** Some section is video: the call is audio only. */
  video: boolean
}

/**
 * Reads the media sections of an SDP (RFC 8866): their kinds and, per
 * section, the direction attribute (a session-level one applies to sections
 * without their own). Used to refuse offers and answers that would send a
 * listener's microphone, or video.
 *
 * @example
 * ```ts
 * sdpMedia('v=0\r\n…m=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=recvonly\r\n') // { sends: false, video: false }
 * ```
 */
export function sdpMedia(sdp: string): SdpMedia {
  const lines = sdp.split(/\r?\n/)
  let sessionDirection: string | null = null
  let section: { kind: string; direction: string | null } | null = null
  const sections: { kind: string; direction: string | null }[] = []
  for (const line of lines) {
    if (line.startsWith('m=')) {
      section = { kind: line.slice(2).split(' ')[0] ?? '', direction: null }
      sections.push(section)
      continue
    }
    const direction = /^a=(sendrecv|sendonly|recvonly|inactive)\s*$/.exec(line)?.[1]
    if (!direction) continue
    if (section) section.direction = direction
    else sessionDirection = direction
  }
  let sends = false
  let video = false
  for (const { kind, direction } of sections) {
    if (kind === 'video') video = true
    if (kind !== 'audio' && kind !== 'video') continue
    const effective = direction ?? sessionDirection ?? 'sendrecv'
    if (effective === 'sendrecv' || effective === 'sendonly') sends = true
  }
  return { sends, video }
}
