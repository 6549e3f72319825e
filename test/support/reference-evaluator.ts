/**
 * The one reference NetworkPolicy evaluator of the test suite (property tests, performance
 * tests), a deliberately plain one to check the analyzer against: one pair at a time, simple
 * loops over every policy and rule, then one protocol and port at a time; no grouping, no
 * interval arithmetic. It reads manifest objects directly (its own defaulting), so it shares no
 * code with src/analysis.
 *
 * Semantics: /work/shared/reference/networkpolicy-semantics.md §2, plus the analyzer's documented
 * decisions where Kubernetes leaves it to the CNI (DESIGN.md §3, src/analysis/evaluation.ts):
 * - `ipBlock` matches only addresses outside the cluster, never pods; selectors never match an address.
 * - hostNetwork pods are node traffic: no policy selects them, no selector matches them as a peer,
 *   named ports never resolve on them; only a rule without peers matches them.
 * - A named port resolves only on a (non-hostNetwork) destination pod, to its container ports of
 *   that name and the rule's protocol; never on an external address.
 *
 * Input is what the generators write: Namespaces, workloads (Deployment and the like, read from
 * their pod template) and NetworkPolicies. Not a general manifest reader (no Lists, no owners).
 */
import { ipBlockAdmits } from './addresses';
import { selects } from './label-selector';

export type RefProtocol = 'TCP' | 'UDP' | 'SCTP';
export const REF_PROTOCOLS: readonly RefProtocol[] = ['SCTP', 'TCP', 'UDP'];

export interface RefPod {
  readonly kind: 'pod';
  readonly namespace: string;
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly namedPorts: { name: string; port: number; protocol: RefProtocol }[];
  readonly hostNetwork: boolean;
}

export interface RefAddress {
  readonly kind: 'address';
  /** An IPv4 or IPv6 address outside the cluster. */
  readonly ip: string;
}

export type RefEnd = RefPod | RefAddress;

type Json = any;

/** `open`: the end is not isolated; otherwise the `ports` of each rule that admits the other end. */
type SideGrants = 'open' | Array<Json[] | undefined>;

const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'ReplicationController'];

export class ReferenceCluster {
  public readonly pods: RefPod[] = [];
  private readonly namespaceLabels = new Map<string, Record<string, string>>();
  private readonly policies: Json[] = [];

  public constructor(manifests: readonly Json[]) {
    for (const m of manifests) {
      const namespace = m.metadata?.namespace ?? 'default';
      if (m.kind === 'Namespace') {
        this.namespaceLabels.set(m.metadata.name, { ...m.metadata.labels ?? {}, 'kubernetes.io/metadata.name': m.metadata.name });
      } else if (m.kind === 'NetworkPolicy') {
        this.policies.push(m);
      } else if (WORKLOAD_KINDS.includes(m.kind) || m.kind === 'Pod') {
        const template = m.kind === 'Pod' ? m : m.spec.template;
        const containers: Json[] = template.spec?.containers ?? [];
        const namedPorts = [];
        for (const c of containers) {
          for (const p of c.ports ?? []) {
            if (p.name) namedPorts.push({ name: p.name, port: p.containerPort, protocol: p.protocol ?? 'TCP' });
          }
        }
        this.pods.push({
          kind: 'pod',
          namespace,
          name: m.metadata.name,
          labels: template.metadata?.labels ?? {},
          namedPorts,
          hostNetwork: template.spec?.hostNetwork === true,
        });
      }
    }
  }

  /** Whether `src` may open a connection to `dst` on `protocol`/`port`: src's egress AND dst's ingress. */
  public allows(src: RefEnd, dst: RefEnd, protocol: RefProtocol, port: number): boolean {
    return this.pair(src, dst)(protocol, port);
  }

  /** What `src` may open to `dst`, as a question per protocol and port (the peers are matched once). */
  public pair(src: RefEnd, dst: RefEnd): (protocol: RefProtocol, port: number) => boolean {
    const egress = this.sideGrants('Egress', src, dst);
    const ingress = this.sideGrants('Ingress', dst, src);
    const grants = (side: SideGrants, protocol: RefProtocol, port: number) =>
      side === 'open' || side.some(ports => portsMatch(ports, dst, protocol, port));
    return (protocol, port) => grants(egress, protocol, port) && grants(ingress, protocol, port);
  }

  /**
   * The NetworkPolicy layer's verdict for one end (`self`) toward the other (`peer`) in `direction`:
   * undefined when no policy isolates it, else whether it allows a protocol and port (named ports
   * resolve on `dst`). For the cluster policy reference, which puts this layer between its tiers.
   */
  public networkPolicySide(direction: 'Ingress' | 'Egress', self: RefEnd, peer: RefEnd, dst: RefEnd): ((protocol: RefProtocol, port: number) => boolean) | undefined {
    const side = this.sideGrants(direction, self, peer);
    return side === 'open' ? undefined : (protocol, port) => side.some(ports => portsMatch(ports, dst, protocol, port));
  }

  /** Labels of a namespace as selectors see them. */
  public labelsOfNamespace(namespace: string): Record<string, string> {
    return this.namespaceLabels.get(namespace) ?? { 'kubernetes.io/metadata.name': namespace };
  }

  /**
   * One end's verdict: `open` when no policy isolates it in `direction`, else the `ports` of every
   * rule (of a policy isolating it) whose peers match `peer`, the other end.
   */
  private sideGrants(direction: 'Ingress' | 'Egress', self: RefEnd, peer: RefEnd): SideGrants {
    if (self.kind !== 'pod' || self.hostNetwork) return 'open'; // nothing isolates an address or a host-network pod
    let isolated = false;
    const grants: Array<Json[] | undefined> = [];
    for (const policy of this.policies) {
      if ((policy.metadata.namespace ?? 'default') !== self.namespace) continue;
      if (!policyTypes(policy).includes(direction)) continue;
      if (!selects(policy.spec?.podSelector ?? {}, self.labels)) continue;
      isolated = true;
      const rules: Json[] = (direction === 'Ingress' ? policy.spec?.ingress : policy.spec?.egress) ?? [];
      for (const rule of rules) {
        const peers: Json[] | undefined = direction === 'Ingress' ? rule.from : rule.to;
        if (this.peersMatch(policy, peers, peer)) grants.push(rule.ports);
      }
    }
    return isolated ? grants : 'open';
  }

  private peersMatch(policy: Json, peers: Json[] | undefined, end: RefEnd): boolean {
    if (peers === undefined || peers.length === 0) return true; // every peer, addresses and host-network pods included
    for (const peer of peers) {
      if (peer.ipBlock) {
        if (end.kind === 'address' && ipBlockAdmits(peer.ipBlock, end.ip)) return true;
        continue;
      }
      if (end.kind === 'address' || end.hostNetwork) continue;
      const policyNamespace = policy.metadata.namespace ?? 'default';
      const namespaceOk = peer.namespaceSelector
        ? selects(peer.namespaceSelector, this.namespaceLabels.get(end.namespace) ?? { 'kubernetes.io/metadata.name': end.namespace })
        : end.namespace === policyNamespace;
      const podOk = peer.podSelector ? selects(peer.podSelector, end.labels) : true;
      if (namespaceOk && podOk) return true;
    }
    return false;
  }
}

/** Effective policyTypes: as given, else Ingress, plus Egress when `egress` has rules. */
function policyTypes(policy: Json): string[] {
  const given: string[] | undefined = policy.spec?.policyTypes;
  if (given && given.length > 0) return given;
  return (policy.spec?.egress ?? []).length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}

/** Whether `ports` (missing or empty: every port) allow `protocol`/`port` toward `dst`. */
function portsMatch(ports: Json[] | undefined, dst: RefEnd, protocol: RefProtocol, port: number): boolean {
  if (ports === undefined || ports.length === 0) return true;
  for (const p of ports) {
    const portProtocol = p.protocol ?? 'TCP';
    if (portProtocol !== protocol) continue;
    if (p.port === undefined) return true;
    if (typeof p.port === 'number') {
      if (p.port <= port && port <= (p.endPort ?? p.port)) return true;
      continue;
    }
    if (dst.kind === 'pod' && !dst.hostNetwork) {
      for (const named of dst.namedPorts) {
        if (named.name === p.port && named.protocol === protocol && named.port === port) return true;
      }
    }
  }
  return false;
}

/**
 * Every port number at which what a set of rules allows can change, with its neighbours: 1, 65535,
 * and each number written in the manifests (port, endPort, containerPort) minus one, itself and plus one.
 * Two port sets built from those numbers are equal exactly when they agree on all of these.
 */
export function criticalPorts(manifests: readonly Json[]): number[] {
  const numbers = new Set<number>([1, 65535]);
  const visit = (value: Json, key?: string): void => {
    if (Array.isArray(value)) {value.forEach(v => visit(v));} else if (value !== null && typeof value === 'object') {Object.entries(value).forEach(([k, v]) => visit(v, k));} else if (typeof value === 'number' && (key === 'port' || key === 'endPort' || key === 'containerPort')) {
      for (const n of [value - 1, value, value + 1]) if (n >= 1 && n <= 65535) numbers.add(n);
    }
  };
  visit(manifests);
  return [...numbers].sort((a, b) => a - b);
}
