/**
 * Kubernetes NetworkPolicy semantics (docs/semantics.md §2), written once: both `computeReachability`
 * and `explain` evaluate rules only through this module.
 *
 * Decisions where Kubernetes leaves it to the CNI:
 * - `ipBlock` matches addresses outside the cluster only, never pod IPs; pod and namespace
 *   selectors never match external addresses.
 * - hostNetwork pods are node traffic: no policy selects them (they are never isolated), pod and
 *   namespace selectors never match them as peers, and named ports never resolve on them. Only
 *   a rule without peers (`from`/`to` missing or empty) matches them.
 * - A named port resolves only on a (non-hostNetwork) destination pod, to the container ports of
 *   that name whose protocol is the rule's; it never matches an external destination.
 */
import { ConnectionSet, isPortNumber } from './connection-set';
import { AddressInterval, ipBlockCovers } from './ip-ranges';
import type { ClusterModel, Direction, Labels, NamedContainerPort, PeerSpec, Policy, PortSpec, RuleSpec, Workload } from './model';
import { namespaceLabels } from './model-builder';
import { matchesSelector } from './selector';

/** A pod as the rules see it: where it runs, its labels, its named ports. */
export interface PodSubject {
  readonly kind: 'pod';
  readonly namespace: string;
  readonly namespaceLabels: Labels;
  readonly podLabels: Labels;
  readonly namedPorts: readonly NamedContainerPort[];
  readonly hostNetwork: boolean;
}

/** A range of addresses outside the cluster. */
export interface ExternalSubject {
  readonly kind: 'external';
  readonly interval: AddressInterval;
}

export type Subject = PodSubject | ExternalSubject;

/** A subject with the policies isolating it in each direction, found once per subject. */
export interface End {
  readonly subject: Subject;
  readonly egressPolicies: readonly Policy[];
  readonly ingressPolicies: readonly Policy[];
}

/** What one rule of a policy selecting one end does for a (peer, destination) pair. */
export interface RuleOutcome {
  readonly policy: Policy;
  readonly direction: Direction;
  readonly ruleIndex: number;
  /** Whether the rule's `from`/`to` matches the other end. */
  readonly peerMatched: boolean;
  /** What the rule allows toward the destination; empty when the peer did not match. */
  readonly conns: ConnectionSet;
  /** Named ports of the rule (with their protocol) that the destination does not expose. */
  readonly unresolvedNamedPorts: readonly PortSpec[];
}

/** One end's verdict: the source's egress or the destination's ingress. */
export interface SideEvaluation {
  readonly direction: Direction;
  readonly isolated: boolean;
  /** Policies selecting this end with this direction in their policyTypes. */
  readonly policies: readonly Policy[];
  readonly outcomes: readonly RuleOutcome[];
  /** Union of what the rules allow; everything when not isolated. */
  readonly conns: ConnectionSet;
}

/** Model-wide lookups the evaluation needs: namespace labels and policies by namespace. */
export class PolicyContext {
  private readonly labelsByNamespace: ReadonlyMap<string, Labels>;
  private readonly policiesByNamespace = new Map<string, Policy[]>();

  public constructor(model: ClusterModel) {
    this.labelsByNamespace = new Map(model.namespaces.map(n => [n.name, n.labels]));
    for (const policy of model.policies) {
      const list = this.policiesByNamespace.get(policy.namespace) ?? [];
      list.push(policy);
      this.policiesByNamespace.set(policy.namespace, list);
    }
  }

  public workloadSubject(workload: Workload): PodSubject {
    return {
      kind: 'pod',
      namespace: workload.namespace,
      namespaceLabels: this.labelsByNamespace.get(workload.namespace) ?? namespaceLabels(workload.namespace),
      podLabels: workload.podLabels,
      namedPorts: workload.namedPorts,
      hostNetwork: workload.hostNetwork,
    };
  }

  public end(subject: Subject): End {
    return { subject, egressPolicies: this.selectingPolicies('Egress', subject), ingressPolicies: this.selectingPolicies('Ingress', subject) };
  }

  /** Policies that isolate `target` in `direction`: same namespace, the direction in policyTypes, podSelector matching. */
  public selectingPolicies(direction: Direction, target: Subject): Policy[] {
    if (target.kind === 'external' || target.hostNetwork) return [];
    return (this.policiesByNamespace.get(target.namespace) ?? [])
      .filter(p => p.policyTypes.includes(direction) && matchesSelector(p.podSelector, target.podLabels));
  }
}

/** Whether one `from`/`to` entry of `policy` matches `subject`. */
export function peerMatches(policy: Policy, peer: PeerSpec, subject: Subject): boolean {
  if (subject.kind === 'external') return peer.ipBlock !== undefined && ipBlockCovers(peer.ipBlock, subject.interval);
  if (subject.hostNetwork || peer.ipBlock || (!peer.podSelector && !peer.namespaceSelector)) return false;
  const namespaceOk = peer.namespaceSelector
    ? matchesSelector(peer.namespaceSelector, subject.namespaceLabels)
    : subject.namespace === policy.namespace; // podSelector alone: the policy's own namespace
  return namespaceOk && (!peer.podSelector || matchesSelector(peer.podSelector, subject.podLabels));
}

/** What `ports` allow toward `dst`, with named ports resolved on it. */
export function portsConns(ports: readonly PortSpec[] | undefined, dst: Subject): { conns: ConnectionSet; unresolved: PortSpec[] } {
  if (ports === undefined) return { conns: ConnectionSet.all(), unresolved: [] };
  let conns = ConnectionSet.none();
  const unresolved: PortSpec[] = [];
  for (const spec of ports) {
    if (spec.port === undefined) {
      conns = conns.union(ConnectionSet.protocol(spec.protocol));
    } else if (typeof spec.port === 'number') {
      const end = spec.endPort ?? spec.port;
      if (isPortNumber(spec.port) && isPortNumber(end) && end >= spec.port) conns = conns.union(ConnectionSet.ports(spec.protocol, spec.port, end));
    } else {
      const resolved = dst.kind === 'pod' && !dst.hostNetwork
        ? dst.namedPorts.filter(p => p.name === spec.port && p.protocol === spec.protocol)
        : [];
      if (resolved.length === 0) unresolved.push(spec);
      for (const p of resolved) conns = conns.union(ConnectionSet.ports(p.protocol, p.port));
    }
  }
  return { conns, unresolved };
}

function evaluateRule(policy: Policy, direction: Direction, ruleIndex: number, rule: RuleSpec, peer: Subject, dst: Subject): RuleOutcome {
  // `peers` undefined (from/to missing or empty) matches every peer, external ones included.
  const peerMatched = rule.peers === undefined || rule.peers.some(p => peerMatches(policy, p, peer));
  if (!peerMatched) return { policy, direction, ruleIndex, peerMatched, conns: ConnectionSet.none(), unresolvedNamedPorts: [] };
  const { conns, unresolved } = portsConns(rule.ports, dst);
  return { policy, direction, ruleIndex, peerMatched, conns, unresolvedNamedPorts: unresolved };
}

/**
 * One end's verdict. `policies` are those selecting the end (`PolicyContext.selectingPolicies`); `peer` is
 * the other end; `dst` is the destination, where named ports resolve (for egress, the peer;
 * for ingress, the selected end itself). Rules for a direction not in a policy's policyTypes
 * never get here, because such a policy does not select the end for that direction.
 */
export function evaluateSide(direction: Direction, policies: readonly Policy[], peer: Subject, dst: Subject): SideEvaluation {
  const outcomes = policies.flatMap(policy =>
    (direction === 'Ingress' ? policy.ingress : policy.egress).map((rule, i) => evaluateRule(policy, direction, i, rule, peer, dst)));
  const isolated = policies.length > 0;
  const conns = isolated ? outcomes.reduce((acc, o) => acc.union(o.conns), ConnectionSet.none()) : ConnectionSet.all();
  return { direction, isolated, policies, outcomes, conns };
}

/** Both ends' verdicts and what they allow together: the source's egress AND the destination's ingress. */
export function evaluatePair(src: End, dst: End): { egress: SideEvaluation; ingress: SideEvaluation; conns: ConnectionSet } {
  const egress = evaluateSide('Egress', src.egressPolicies, dst.subject, dst.subject);
  const ingress = evaluateSide('Ingress', dst.ingressPolicies, src.subject, dst.subject);
  return { egress, ingress, conns: egress.conns.intersect(ingress.conns) };
}
