import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { afterEach, describe, expect, test } from 'vitest'
import { WebSocket, WebSocketServer } from 'ws'
import { FramedMessage } from './framedMessage'

let server: WebSocketServer | null = null
const clients: WebSocket[] = []

afterEach(async () => {
  for (const client of clients.splice(0)) client.terminate()
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined))
  server = null
})

/** A client of a ws server on loopback, with the server side's WebSocket and the stream under it. */
async function connect(): Promise<{ stream: Duplex; serverSide: WebSocket; client: WebSocket }> {
  if (!server) {
    server = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false })
    await new Promise((resolve) => server!.once('listening', resolve))
  }
  const accepted = new Promise<{ stream: Duplex; serverSide: WebSocket }>((resolve) =>
    server!.once('connection', (serverSide, req) => resolve({ stream: req.socket, serverSide }))
  )
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`)
  clients.push(client)
  await new Promise((resolve, reject) => client.once('open', resolve).once('error', reject))
  return { ...(await accepted), client }
}

/** Resolves with the first `count` binary messages `client` receives, base64 (cheap to compare). */
function firstMessages(client: WebSocket, count: number): Promise<string[]> {
  const received: string[] = []
  return new Promise((resolve) =>
    client.on('message', (data: Buffer, isBinary) => {
      if (isBinary) received.push(data.toString('base64'))
      if (received.length === count) resolve(received)
    })
  )
}

/** Bytes 0, 1, 2, … of length `n`. */
const bytesOf = (n: number) => Uint8Array.from({ length: n }, (_, i) => i % 251)

describe('FramedMessage', () => {
  test('one frame written to several sockets arrives at each as the same binary message', async () => {
    const sockets = [await connect(), await connect()]
    // 7-bit, 16-bit and 64-bit payload lengths (RFC 6455 §5.2), the last over 64 KiB.
    const messages = [1, 46, 125, 126, 65_535, 65_536, 300_000].map((n) => new FramedMessage(bytesOf(n)))
    const received = sockets.map(({ client }) => firstMessages(client, messages.length))
    for (const message of messages) {
      for (const { stream, serverSide } of sockets) {
        stream.write(message.wire)
        serverSide.ping() // ws's own frames interleave with ours on the same stream
      }
    }
    const sent = messages.map((m) => Buffer.from(m.bytes).toString('base64'))
    for (const got of await Promise.all(received)) expect(got).toEqual(sent)
    for (const { client } of sockets) expect(client.readyState).toBe(WebSocket.OPEN)
  })

  test('is framed once however many times it is written, and only when first written', () => {
    const message = new FramedMessage(bytesOf(46))
    const wire = message.wire
    expect(message.wire).toBe(wire)
    expect(wire.byteLength).toBe(2 + 46) // FIN + binary opcode, unmasked 7-bit length, then the payload
    expect([...wire.subarray(0, 2)]).toEqual([0x82, 46])
    expect(message.byteLength).toBe(46)
  })
})
