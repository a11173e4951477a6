/**
 * Hocuspocus 4 with its Redis extension, for the benchmark only: the peer we
 * compare cross-server fan-out against. PORT and REDIS_URL from the env.
 */
import { Server } from '@hocuspocus/server'
import { Redis } from '@hocuspocus/extension-redis'

const port = Number(process.env.PORT ?? 0)
const redisUrl = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379')

const server = new Server({
  port,
  address: '127.0.0.1',
  quiet: true,
  extensions: [new Redis({ host: redisUrl.hostname, port: Number(redisUrl.port) })],
})
await server.listen()
console.log(JSON.stringify({ msg: 'hocuspocus listening', port: server.address.port }))
process.on('SIGTERM', () => void server.destroy().then(() => process.exit(0)))
