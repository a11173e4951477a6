/**
 * `npx tsx tests/bench/micro/sendCost.ts`: server CPU per delivered frame when
 * one small message (a shape move, ~50 bytes) is broadcast to `CLIENTS`
 * WebSockets on loopback, (a) with `ws.send()` per recipient, as the
 * reference y-websocket server does, and (b) framed once per broadcast and
 * written to each socket (see `server/collab/framedMessage.ts`). The clients
 * run in a child process, so only the sending side is measured. Prints µs of
 * CPU per delivered frame, median of `ROUNDS` rounds.
 */
import { fork } from 'node:child_process'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import { FramedMessage } from '@/server/collab/framedMessage'

const CLIENTS = Number(process.env.CLIENTS ?? 100)
const BROADCASTS = 2_000
const ROUNDS = 5

if (process.argv[2] === 'client') {
  const { WebSocket: Client } = await import('ws')
  const url = process.argv[3]!
  let received = 0
  for (let i = 0; i < CLIENTS; i++) {
    const ws = new Client(url)
    ws.on('message', () => {
      received++
    })
  }
  process.on('message', () => process.send!(received))
} else {
  const sockets: { ws: WebSocket; raw: Duplex }[] = []
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false })
  wss.on('connection', (ws, req) => sockets.push({ ws, raw: req.socket }))
  await new Promise((resolve) => wss.on('listening', resolve))
  const child = fork(import.meta.filename, ['client', `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`], {
    execArgv: ['--import', 'tsx'],
  })
  while (sockets.length < CLIENTS) await new Promise((resolve) => setTimeout(resolve, 20))
  const received = () =>
    new Promise<number>((resolve) => {
      child.once('message', (count) => resolve(count as number))
      child.send('count')
    })

  /** CPU µs per delivered frame over `BROADCASTS` broadcasts of a fresh 50-byte message. */
  async function measure(send: (message: Uint8Array) => void): Promise<number> {
    const before = process.cpuUsage()
    for (let i = 0; i < BROADCASTS; i++) {
      send(new Uint8Array(50).fill(i & 0xff))
      if (i % 10 === 9) await new Promise((resolve) => setTimeout(resolve, 1))
    }
    const { user, system } = process.cpuUsage(before)
    return (user + system) / (BROADCASTS * CLIENTS)
  }
  const perSend = (message: Uint8Array) => {
    for (const { ws } of sockets) ws.send(message, { binary: true })
  }
  const framedOnce = (message: Uint8Array) => {
    const framed = new FramedMessage(message)
    for (const { raw } of sockets) raw.write(framed.wire)
  }
  const results: Record<string, number[]> = { 'ws.send per recipient': [], 'framed once': [] }
  for (let round = 0; round < ROUNDS; round++) {
    results['ws.send per recipient']!.push(await measure(perSend))
    results['framed once']!.push(await measure(framedOnce))
  }
  await new Promise((resolve) => setTimeout(resolve, 500))
  const expected = 2 * ROUNDS * BROADCASTS * CLIENTS
  console.log(`${CLIENTS} clients; delivered ${await received()} of ${expected} frames`)
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!
  const range = (list: number[]) => `${Math.min(...list).toFixed(2)}–${Math.max(...list).toFixed(2)}`
  for (const [name, list] of Object.entries(results)) {
    console.log(`${name}: ${median(list).toFixed(2)} µs of CPU per delivered frame (${range(list)})`)
  }
  child.kill()
  wss.close()
  process.exit(0)
}
