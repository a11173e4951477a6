/**
 * The app in one process on one port (`npm start`, `npm run dev`): Next.js
 * serves pages and API routes; `/collab/*` upgrades go to the collab server.
 */
import http from 'node:http'
import next from 'next'
import { readServerConfig } from './config'
import { createCollabStack, exitOnSignals } from './createCollab'
import { isCollabRequest } from './collab/CollabServer'
import { createOpsHandler } from './ops/opsRoutes'
import { setAppContext } from './appContext'
import { CLIENT_IP_HEADER, clientIp, trustedProxyHops } from './http/clientIp'
import { createStaticAssetHandler } from './http/staticAssets'
import { setHttpQuotas } from './http/quotas'
import { openRedisHttpQuotas } from './http/redisHttpQuotas'

const dev = process.argv.includes('--dev')
process.env.NEXT_TELEMETRY_DISABLED ??= '1'

const config = readServerConfig()
const stack = createCollabStack(config)
await stack.migrate()
// next-auth reads the secret from the environment; derive the origin from each
// request (any host, any port) unless NEXTAUTH_URL pins it.
process.env.AUTH_SECRET = stack.authSecret
if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= 'true'
setAppContext(stack)
// In Redis mode the HTTP quotas are counted in Redis, so a limit holds across every app server behind the balancer.
const sharedQuotas = config.redis ? openRedisHttpQuotas(config.redis, stack.logger) : null
if (sharedQuotas) setHttpQuotas(sharedQuotas.quotas)
const app = next({ dev, hostname: config.host, port: config.port })
const handle = app.getRequestHandler()
const handleOps = createOpsHandler(stack)
const proxyHops = trustedProxyHops()
// Build assets, precompressed at build time (none in dev: Next serves them from memory).
const staticAssets = dev ? () => false : createStaticAssetHandler('.next')

await app.prepare()

const server = http.createServer((req, res) => {
  if (handleOps(req, res)) return
  // This server speaks plain http; a TLS proxy in front sets the header itself.
  req.headers['x-forwarded-proto'] ??= 'http'
  // For per-IP quotas: the socket's peer (or what trusted proxies saw), never the client's claim.
  req.headers[CLIENT_IP_HEADER] = clientIp(req.socket.remoteAddress, req.headers['x-forwarded-for'], proxyHops)
  if (staticAssets(req, res, () => void handle(req, res))) return
  void handle(req, res)
})
server.on('upgrade', (req, socket, head) => {
  if (isCollabRequest(req.url)) {
    stack.collab.handleUpgrade(req, socket, head)
    return
  }
  // Next adds its own upgrade listener (hot reload in dev). In production
  // nothing else speaks WebSocket, and Next would leave the socket hanging.
  if (!dev) socket.destroy()
})
server.listen(config.port, config.host, () => {
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  stack.logger.info({ port, dev, dataDir: config.dataDir }, `Mockboard listening on http://localhost:${port}`)
})
// On SIGTERM: stop accepting, close sockets with 1001 (clients reconnect,
// through the load balancer to another server), make every write durable.
exitOnSignals(async () => {
  server.close()
  await stack.close()
  await sharedQuotas?.close()
}, stack.logger)
