/**
 * `npx tsx tests/bench/micro/seekGc.ts`: what the replay bench's 200 cold
 * seeks (scenario 8, K = {@link KEYFRAME_EVERY}) cost in CPU time and in
 * garbage collection, for Mockboard's record keyframes and the Yjs keyframes
 * they replaced, in alternating rounds: per seek, wall and CPU ms (p50, p95,
 * max), the garbage it leaves, and for every full collection (mark-compact)
 * its pause and the heap still alive after it (what it had to mark). CPU
 * time and live heap hold up on a busy machine where wall times do not.
 */
import { GCProfiler } from 'node:v8'
import { KEYFRAME_EVERY, ReplayTimeline } from '@/lib/replay/ReplayTimeline'
import { YjsKeyframeTimeline } from '../peers/yjsKeyframeTimeline'
import { buildSession, coldSeekTimes } from '../replaySession'

const ROUNDS = 2
const { entries } = buildSession(20_000)
const times = coldSeekTimes(entries, 200)
const records = new ReplayTimeline(KEYFRAME_EVERY)
records.append(entries)
records.release()
const yjs = new YjsKeyframeTimeline(KEYFRAME_EVERY)
yjs.append(entries)
const designs = { 'record keyframes': records, 'Yjs keyframes (before)': yjs }
const cpuMs = () => {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}
const sorted = (list: number[]) => [...list].sort((a, b) => a - b)
const pct = (list: number[], p: number) => sorted(list)[Math.min(list.length - 1, Math.floor((list.length * p) / 100))]!
const summary = (list: number[]) =>
  `p50 ${pct(list, 50).toFixed(2)} p95 ${pct(list, 95).toFixed(2)} max ${Math.max(...list).toFixed(2)}`

for (let round = 0; round < ROUNDS; round++) {
  for (const [name, timeline] of Object.entries(designs)) {
    const profiler = new GCProfiler()
    profiler.start()
    const wall: number[] = []
    const cpu: number[] = []
    for (const time of times) {
      timeline.seekCount(0) // cold, as in the bench
      const c0 = cpuMs()
      const t0 = performance.now()
      timeline.seek(time)
      wall.push(performance.now() - t0)
      cpu.push(cpuMs() - c0)
    }
    let collected = 0
    const full: string[] = []
    for (const gc of profiler.stop().statistics) {
      collected += gc.beforeGC.heapStatistics.usedHeapSize - gc.afterGC.heapStatistics.usedHeapSize
      if (gc.gcType === 'MarkSweepCompact') {
        full.push(
          `${(gc.cost / 1000).toFixed(0)} ms/${(gc.afterGC.heapStatistics.usedHeapSize / 2 ** 20).toFixed(0)} MB`
        )
      }
    }
    console.log(`round ${round + 1}, ${name}: wall ms ${summary(wall)}; CPU ms ${summary(cpu)}`)
    console.log(`  garbage per seek ${(collected / times.length / 1024).toFixed(0)} KB`)
    console.log(`  ${full.length} full GCs (pause/live after): ${full.join(', ')}`)
  }
}
