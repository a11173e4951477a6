import {
  BoardFacts,
  REDUNDANCY_KINDS,
  isService,
  isStateful,
  nodeName,
  statesInstances,
  statesRedundancy,
} from '../boardFacts'
import type { Finding, ReviewCheck } from '../finding'
import { citeGuides } from '../citeGuides'

/**
 * Single points of failure: a stateful block (database, cache, queue, …)
 * with no replica or failover block attached and no redundancy in its
 * number line; and a service that clients reach directly, with no load
 * balancer in front and no stated instance count.
 */
export const singlePointOfFailure: ReviewCheck = ({ graph }) => {
  const facts = new BoardFacts(graph)
  const findings: Finding[] = []
  for (const node of graph.nodes) {
    if (isStateful(node)) {
      // A neighbour backs it when it is a replication/failover block, or a copy of the same kind
      // that says so ("Orders DB" → "Read replica"). A service saying "3 instances" next to it does not.
      const backed =
        statesRedundancy(node) ||
        facts
          .neighbours(node.id)
          .some((n) => REDUNDANCY_KINDS.has(n.kind) || (n.kind === node.kind && statesRedundancy(n)))
      if (!backed) {
        findings.push({
          id: `single-point-of-failure:${node.id}`,
          check: 'single-point-of-failure',
          severity: 'high',
          title: `${nodeName(node)} is a single point of failure`,
          explanation:
            'One copy of state: when this node dies, the data or the queue is gone or unavailable. Add replication (a read-replicas or replication block, or say "3 replicas" / "primary + standby" on its number line) and say how failover works. ' +
            citeGuides(
              { source: '001_49db91e9f3f145ef.txt', section: '1.2 Fault Tolerance' },
              '004_883ce214cd1f0ecf.txt'
            ),
          shapeIds: [node.id],
        })
      }
    } else if (isService(node)) {
      // Clients reach it: an arrow from a client. A push the other way (notifications) does not count.
      const fromClient = facts.edgesOf(node.id).some((e) => e.to === node.id && facts.node(e.from)?.kind === 'client')
      if (fromClient && !statesInstances(node)) {
        findings.push({
          id: `single-point-of-failure:${node.id}`,
          check: 'single-point-of-failure',
          severity: 'high',
          title: `${nodeName(node)} is one instance with clients hitting it directly`,
          explanation:
            'Clients talk straight to one server: it is a single point of failure and cannot scale out. Put a load balancer (or API gateway) in front of several stateless instances, or state the instance count ("3 instances", "auto-scaling"). ' +
            citeGuides(
              { source: '001_49db91e9f3f145ef.txt', section: '1.2 Fault Tolerance' },
              '002_166e20fca8cfff70.txt'
            ),
          shapeIds: [node.id],
        })
      }
    }
  }
  return findings
}
