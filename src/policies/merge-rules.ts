import { PolicyRule } from './network-policy';
import { Peer } from '../vocabulary/peer';
import { Port } from '../vocabulary/port';

/** One allowed connection of a policy: a peer, as its policy writes it (`peerText`), and ports (undefined: every port). */
export interface RuleEdge {
  readonly peer: Peer;
  readonly peerText: string;
  readonly ports?: readonly Port[];
}

/**
 * The fewest rules that allow exactly what `edges` allow, as far as merging can tell: the edges of
 * one peer become one rule with the union of their ports (every port when one of them has no
 * ports), then the peers whose ports are the same set share one rule. Rules keep the order in
 * which their first edge came.
 */
export function mergeRules(edges: readonly RuleEdge[]): PolicyRule[] {
  const byPeer = new Map<string, { peer: Peer; ports?: Map<string, Port> }>();
  for (const edge of edges) {
    let entry = byPeer.get(edge.peerText);
    if (!entry) byPeer.set(edge.peerText, entry = { peer: edge.peer, ports: new Map() });
    if (edge.ports === undefined) {
      entry.ports = undefined;
    } else if (entry.ports) {
      for (const port of edge.ports) entry.ports.set(JSON.stringify(port._toKube()), port);
    }
  }
  const byPorts = new Map<string, { peers: Peer[]; ports?: Port[] }>();
  for (const { peer, ports } of byPeer.values()) {
    const key = ports === undefined ? '' : [...ports.keys()].sort().join('\n');
    const rule = byPorts.get(key);
    if (rule) {
      rule.peers.push(peer);
    } else {
      byPorts.set(key, { peers: [peer], ports: ports && [...ports.values()] });
    }
  }
  return [...byPorts.values()];
}
