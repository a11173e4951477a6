import { connectProvider } from './providers'
import { probes } from './boardProbes'

/**
 * A client of `roomId` that, once started, writes a numbered key
 * (`<name>-<n>`) into the shared `edits` probe map every 15 ms until
 * stopped: the load of the failover tests, whose every write must end up in
 * every client and in the log exactly once. `onCleanup` receives its teardown.
 */
export function continuousEditor(url: string, roomId: string, name: string, onCleanup: (close: () => void) => void) {
  const client = connectProvider(url, roomId, { user: `user:${name}` })
  onCleanup(client.destroy)
  let count = 0
  let timer: ReturnType<typeof setInterval> | null = null
  return {
    ...client,
    name,
    get count() {
      return count
    },
    start() {
      timer = setInterval(() => probes(client.doc, 'edits').set(`${name}-${count++}`, count), 15)
    },
    stop() {
      if (timer) clearInterval(timer)
    },
  }
}

/** A {@link continuousEditor}. */
export type ContinuousEditor = ReturnType<typeof continuousEditor>

/** Every key the editors wrote, sorted. */
export function writtenKeys(editors: ContinuousEditor[]): string[] {
  return editors.flatMap((e) => Array.from({ length: e.count }, (_, i) => `${e.name}-${i}`)).sort()
}
