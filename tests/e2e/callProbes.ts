import type { BrowserContext, Page } from '@playwright/test'

/**
 * What the call tests measure inside a page: every `RTCPeerConnection` the
 * page made (recorded by an init script, so the app needs no test hook), and
 * for each live one the audio it receives, by `getStats` and by ear (a Web
 * Audio analyser on the remote track).
 */
export interface LinkProbe {
  /** `inbound-rtp` audio bytes received so far. */
  bytes: number
  /** The loudest RMS level of the received audio over ~0.8 s (0–1). */
  energy: number
  /** The selected candidate pair's local and remote candidate types (`host`, `srflx`, `relay`). */
  local: string | null
  remote: string | null
}

/** Records every peer connection the context's pages make, in `window.__peerConnections`. */
export async function recordPeerConnections(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const made: RTCPeerConnection[] = []
    const Original = window.RTCPeerConnection
    ;(window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections = made
    window.RTCPeerConnection = class extends Original {
      constructor(config?: RTCConfiguration) {
        super(config)
        made.push(this)
      }
    } as typeof RTCPeerConnection
  })
}

/** One {@link LinkProbe} per open peer connection of `page`, in the order they were made. */
export function probeLinks(page: Page): Promise<LinkProbe[]> {
  return page.evaluate(async () => {
    const all = (window as unknown as { __peerConnections?: RTCPeerConnection[] }).__peerConnections ?? []
    const open = all.filter((pc) => pc.connectionState !== 'closed')
    const context = new AudioContext()
    const probes = await Promise.all(
      open.map(async (pc) => {
        const track = pc.getReceivers().find((r) => r.track.kind === 'audio')?.track
        const analyser = context.createAnalyser()
        if (track) context.createMediaStreamSource(new MediaStream([track])).connect(analyser)
        const samples = new Float32Array(analyser.fftSize)
        let energy = 0
        for (let i = 0; i < 16; i++) {
          await new Promise((r) => setTimeout(r, 50))
          analyser.getFloatTimeDomainData(samples)
          energy = Math.max(energy, Math.sqrt(samples.reduce((sum, v) => sum + v * v, 0) / samples.length))
        }
        let bytes = 0
        let pairId: string | undefined
        const byId = new Map<string, Record<string, unknown>>()
        ;(await pc.getStats()).forEach((s: Record<string, unknown>) => {
          byId.set(s.id as string, s)
          if (s.type === 'inbound-rtp' && s.kind === 'audio') bytes += (s.bytesReceived as number) ?? 0
          if (s.type === 'transport') pairId = s.selectedCandidatePairId as string | undefined
        })
        const pair = pairId ? byId.get(pairId) : undefined
        const type = (id: unknown) => (byId.get(id as string)?.candidateType as string | undefined) ?? null
        return {
          bytes,
          energy,
          local: pair ? type(pair.localCandidateId) : null,
          remote: pair ? type(pair.remoteCandidateId) : null,
        }
      })
    )
    await context.close()
    return probes
  })
}
