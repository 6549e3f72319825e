/**
 * The reference evaluator: is one connection (source, destination, protocol, port) allowed by a
 * set of NetworkPolicy manifests, as written? Plain loops over policies and rules, straight from
 * reference §2, sharing nothing with src/analysis, so the property tests can hold the analyzer
 * against it.
 *
 * The analyzer's documented decisions where Kubernetes leaves it to the network plugin:
 * - an ipBlock matches addresses outside the cluster only, and selectors never match those;
 * - hostNetwork pods are node traffic: no policy isolates them, no selector matches them as a
 *   peer, no named port resolves on them; only a rule with no peers admits them;
 * - a named port resolves on the destination pod only, with the rule's protocol.
 * Callers leave out traffic from a workload to itself (not reported by the analyzer).
 */
import { ipBlockAdmits, IpBlock } from './addresses';
import { Cluster, ClusterWorkload, namespaceLabelsOf, Protocol } from './cluster';
import { LabelSelector, selects } from './label-selector';

/** A workload of the cluster, or an address outside it. */
export type Endpoint = { readonly workload: ClusterWorkload } | { readonly ip: string };

interface PeerManifest {
  readonly podSelector?: LabelSelector;
  readonly namespaceSelector?: LabelSelector;
  readonly ipBlock?: IpBlock;
}

interface PortManifest {
  readonly protocol?: Protocol;
  readonly port?: number | string;
  readonly endPort?: number;
}

interface RuleManifest {
  readonly from?: readonly PeerManifest[];
  readonly to?: readonly PeerManifest[];
  readonly ports?: readonly PortManifest[];
}

/** A NetworkPolicy as written (and valid for the API server). */
export interface PolicyManifest {
  readonly metadata: { readonly name: string; readonly namespace?: string };
  readonly spec: {
    readonly podSelector?: LabelSelector;
    readonly policyTypes?: readonly string[];
    readonly ingress?: readonly RuleManifest[];
    readonly egress?: readonly RuleManifest[];
  };
}

/** Whether a connection on this protocol and port is allowed (for one ordered pair of endpoints). */
export type PortVerdict = (protocol: Protocol, port: number) => boolean;
/** What one ordered pair of endpoints may exchange. */
export type PairVerdict = (src: Endpoint, dst: Endpoint) => PortVerdict;

type Direction = 'Ingress' | 'Egress';

/** The ports of every rule that admits the peer; `open` when no policy isolates the end. */
type SideGrants = 'open' | Array<readonly PortManifest[] | undefined>;

export function referenceAllows(cluster: Cluster, policies: readonly PolicyManifest[], src: Endpoint, dst: Endpoint): PortVerdict {
  const egress = sideGrants(cluster, policies, 'Egress', src, dst);
  const ingress = sideGrants(cluster, policies, 'Ingress', dst, src);
  return (protocol, port) => grantsPort(egress, dst, protocol, port) && grantsPort(ingress, dst, protocol, port);
}

/** The source's egress (toward `peer`), or the destination's ingress (from `peer`). */
function sideGrants(cluster: Cluster, policies: readonly PolicyManifest[], direction: Direction, end: Endpoint, peer: Endpoint): SideGrants {
  if (!('workload' in end) || end.workload.hostNetwork) return 'open';
  let isolated = false;
  const grants: Array<readonly PortManifest[] | undefined> = [];
  for (const policy of policies) {
    if (!isolates(policy, direction, end.workload)) continue;
    isolated = true;
    const rules = (direction === 'Ingress' ? policy.spec.ingress : policy.spec.egress) ?? [];
    for (const rule of rules) {
      if (peersMatch(cluster, policy, direction === 'Ingress' ? rule.from : rule.to, peer)) grants.push(rule.ports);
    }
  }
  return isolated ? grants : 'open';
}

function grantsPort(grants: SideGrants, dst: Endpoint, protocol: Protocol, port: number): boolean {
  return grants === 'open' || grants.some(ports => portsMatch(ports, dst, protocol, port));
}

function isolates(policy: PolicyManifest, direction: Direction, workload: ClusterWorkload): boolean {
  const namespace = policy.metadata.namespace ?? 'default';
  return namespace === workload.namespace
    && selects(policy.spec.podSelector ?? {}, workload.labels)
    && effectivePolicyTypes(policy).includes(direction);
}

/** Kubernetes' defaulting: Ingress always, Egress only when there are egress rules. */
function effectivePolicyTypes(policy: PolicyManifest): readonly string[] {
  const { policyTypes, egress } = policy.spec;
  if (policyTypes && policyTypes.length > 0) return policyTypes;
  return egress && egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}

/** A missing or empty peer list admits everyone; otherwise any one peer must match. */
function peersMatch(cluster: Cluster, policy: PolicyManifest, peers: readonly PeerManifest[] | undefined, other: Endpoint): boolean {
  if (peers === undefined || peers.length === 0) return true;
  return peers.some(peer => peerMatches(cluster, policy, peer, other));
}

function peerMatches(cluster: Cluster, policy: PolicyManifest, peer: PeerManifest, other: Endpoint): boolean {
  if (!('workload' in other)) return peer.ipBlock !== undefined && ipBlockAdmits(peer.ipBlock, other.ip);
  const workload = other.workload;
  if (peer.ipBlock || workload.hostNetwork) return false;
  const namespaceMatches = peer.namespaceSelector
    ? selects(peer.namespaceSelector, namespaceLabelsOf(cluster, workload.namespace))
    : workload.namespace === (policy.metadata.namespace ?? 'default');
  return namespaceMatches && (peer.podSelector === undefined || selects(peer.podSelector, workload.labels));
}

/** A missing or empty port list admits every port; otherwise any one entry must match. */
function portsMatch(ports: readonly PortManifest[] | undefined, dst: Endpoint, protocol: Protocol, port: number): boolean {
  if (ports === undefined || ports.length === 0) return true;
  return ports.some(entry => portMatches(entry, dst, protocol, port));
}

function portMatches(entry: PortManifest, dst: Endpoint, protocol: Protocol, port: number): boolean {
  if ((entry.protocol ?? 'TCP') !== protocol) return false;
  if (entry.port === undefined) return true;
  if (typeof entry.port === 'number') return entry.port <= port && port <= (entry.endPort ?? entry.port);
  if (!('workload' in dst) || dst.workload.hostNetwork) return false;
  return dst.workload.namedPorts.some(p => p.name === entry.port && p.protocol === protocol && p.port === port);
}
