/**
 * Standalone collab server (`npm run collab`): the y-websocket endpoint alone,
 * without Next. Several of these run behind a load balancer in Redis mode.
 */
import http from 'node:http'
import { readServerConfig } from './config'
import { createCollabStack, exitOnSignals } from './createCollab'
import { isCollabRequest } from './collab/CollabServer'
import { createOpsHandler } from './ops/opsRoutes'

const config = readServerConfig()
const stack = createCollabStack(config)
await stack.migrate()

const handleOps = createOpsHandler(stack)
const server = http.createServer((req, res) => {
  if (!handleOps(req, res)) res.writeHead(404).end()
})
server.on('upgrade', (req, socket, head) => {
  if (isCollabRequest(req.url)) stack.collab.handleUpgrade(req, socket, head)
  else socket.destroy()
})
server.listen(config.port, config.host, () => {
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  stack.logger.info({ port, dataDir: config.dataDir }, 'collab server listening')
})
// On SIGTERM: stop accepting, close sockets with 1001 (clients reconnect,
// through the load balancer to another server), make every write durable.
exitOnSignals(async () => {
  server.close()
  await stack.close()
}, stack.logger)
