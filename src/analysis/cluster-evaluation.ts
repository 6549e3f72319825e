/**
 * The tiers around NetworkPolicy (docs/cluster-network-policy.md, "Evaluation"), written once:
 * reachability (cluster-side-index.ts) and explain evaluate cluster policies only through
 * `evaluateTiers`, so the two always agree.
 *
 * Per direction, port by port: the Admin tier (policies by priority, rules in order, the first
 * rule that matches decides: Accept admits, Deny drops, Pass skips the rest of the tier), then
 * the NetworkPolicy layer for what Admin passed or left (it decides everything that reaches it
 * when it isolates the pod in this direction), then the Baseline tier for what is still open
 * (Pass there, and anything no rule matches, goes to the default: allowed).
 *
 * Decisions where the API leaves it open or the model lacks the facts:
 * - hostNetwork pods are never a subject nor matched by any peer (the API excludes them from
 *   `namespaces` and `pods`; the analysis has no node IPs for `networks` or `nodes`);
 * - `networks` match an address range outside the cluster they cover, and every pod only when
 *   they hold `0.0.0.0/0` or `::/0` (pods have no IPs in the model; other CIDRs are warned
 *   about in cluster-policy-warnings.ts); `nodes` and `domainNames` match nothing;
 * - a peer with no known field fails closed: its Accept rule matches nothing, its Deny or Pass
 *   rule denies everything it reaches (every peer but hostNetwork pods, every port);
 * - equal priorities in one tier: name order (the model warns about overlapping ones).
 */
import { ConnectionSet, isPortNumber } from './connection-set';
import { type End, evaluatePair, type SideEvaluation, type Subject } from './evaluation';
import { cidrInterval } from './ip-ranges';
import type { ClusterPeerSpec, ClusterPodsSpec, ClusterPolicy, ClusterPortSpec, ClusterRuleSpec, ClusterTier, Direction, Labels } from './model';
import { compare } from './model-builder';
import { matchesSelector } from './selector';

/** The policies of one tier in evaluation order: priority, then name (the API leaves equal priorities open), then kind. */
export function tierOrder(policies: readonly ClusterPolicy[], tier: ClusterTier): ClusterPolicy[] {
  return policies.filter(p => p.tier === tier)
    .sort((a, b) => a.priority - b.priority || compare(a.name, b.name) || compare(a.kind, b.kind));
}

/** Whether a subject (or a `namespaces`/`pods` peer) selects a pod with these labels in a namespace with these labels. */
export function clusterSubjectSelects(pods: ClusterPodsSpec, namespaceLabels: Labels, podLabels: Labels): boolean {
  return matchesSelector(pods.namespaceSelector, namespaceLabels) && (pods.podSelector === undefined || matchesSelector(pods.podSelector, podLabels));
}

/** Whether `policy` applies to `subject` at all: never to external ranges nor hostNetwork pods. */
export function clusterPolicySelects(policy: ClusterPolicy, subject: Subject): boolean {
  return subject.kind === 'pod' && !subject.hostNetwork && clusterSubjectSelects(policy.subject, subject.namespaceLabels, subject.podLabels);
}

const FULL_FAMILY = new Set(['0.0.0.0/0', '::/0']);

/** Whether one peer of a rule with `action` matches the other end `other`. */
export function clusterPeerMatches(peer: ClusterPeerSpec, action: ClusterRuleSpec['action'], other: Subject): boolean {
  if (other.kind === 'pod' && other.hostNetwork) return false;
  if (peer.unknown) return action !== 'Accept';
  if (other.kind === 'external') {
    return (peer.networks ?? []).some(cidr => {
      const network = cidrInterval(cidr);
      const { family, first, last } = other.interval;
      return network !== undefined && network.family === family && network.first <= first && last <= network.last;
    });
  }
  if (peer.pods) return clusterSubjectSelects(peer.pods, other.namespaceLabels, other.podLabels);
  return (peer.networks ?? []).some(cidr => FULL_FAMILY.has(cidr));
}

/** What a rule's `protocols` (`ports`) match toward `dst`: named ports resolve on its container ports, of any protocol. */
export function clusterPortsConns(ports: readonly ClusterPortSpec[] | undefined, dst: Subject): ConnectionSet {
  if (ports === undefined) return ConnectionSet.all();
  let conns = ConnectionSet.none();
  for (const spec of ports) {
    if (spec.namedPort !== undefined) {
      if (dst.kind !== 'pod' || dst.hostNetwork) continue;
      for (const p of dst.namedPorts) {
        if (p.name === spec.namedPort) conns = conns.union(ConnectionSet.ports(p.protocol, p.port));
      }
    } else if (spec.protocol !== undefined && spec.port === undefined) {
      conns = conns.union(ConnectionSet.protocol(spec.protocol));
    } else if (spec.protocol !== undefined && isPortNumber(spec.port)) {
      const end = spec.endPort ?? spec.port;
      if (isPortNumber(end) && end >= spec.port) conns = conns.union(ConnectionSet.ports(spec.protocol, spec.port, end));
    }
  }
  return conns;
}

/** A rule that decided part of the traffic: what it matched that no earlier rule of its tier had decided. */
export interface TierStep {
  readonly policy: ClusterPolicy;
  readonly direction: Direction;
  readonly ruleIndex: number;
  readonly rule: ClusterRuleSpec;
  /** What the rule did: its action, or Deny for a Deny or Pass rule with a peer of a newer CRD (fail closed). */
  readonly action: ClusterRuleSpec['action'];
  readonly conns: ConnectionSet;
}

/** One tier's verdict on the connections that reached it. */
export interface TierResult {
  readonly steps: readonly TierStep[];
  readonly accepted: ConnectionSet;
  readonly denied: ConnectionSet;
  readonly passed: ConnectionSet;
  /** What reached the tier and no rule of it matched. */
  readonly unmatched: ConnectionSet;
}

/** The NetworkPolicy layer's part: what reached it, whether it isolates the end, and what it allows of that. */
export interface NetworkPolicyLayer {
  readonly reached: ConnectionSet;
  readonly isolated: boolean;
  readonly allowed: ConnectionSet;
}

/** One end's verdict through every tier. */
export interface TieredSide {
  readonly direction: Direction;
  readonly admin: TierResult;
  readonly networkPolicy: NetworkPolicyLayer;
  readonly baseline: TierResult;
  /** What reached the default (Baseline passed or matched no rule): allowed. */
  readonly byDefault: ConnectionSet;
  /** Everything this end allows toward the other. */
  readonly conns: ConnectionSet;
}

/** The policies of each tier that select one end and have rules in one direction, in evaluation order. */
export interface SelectingClusterPolicies {
  readonly admin: readonly ClusterPolicy[];
  readonly baseline: readonly ClusterPolicy[];
}

/**
 * One end's verdict. `matches(rule, peer)` says whether a peer of a rule matches the other end
 * (`clusterPeerMatches`, or an index of it); `dst` is the destination, where named ports resolve;
 * `np` is what the NetworkPolicy layer decides for this end (evaluation.ts).
 */
export function evaluateTiers(
  direction: Direction,
  selecting: SelectingClusterPolicies,
  matches: (rule: ClusterRuleSpec, peer: ClusterPeerSpec) => boolean,
  dst: Subject,
  np: { readonly isolated: boolean; readonly conns: ConnectionSet },
): TieredSide {
  const admin = evaluateTier(direction, selecting.admin, matches, dst, ConnectionSet.all());
  const reached = admin.passed.union(admin.unmatched);
  const networkPolicy = { reached, isolated: np.isolated, allowed: np.isolated ? reached.intersect(np.conns) : ConnectionSet.none() };
  const baseline = evaluateTier(direction, selecting.baseline, matches, dst, np.isolated ? ConnectionSet.none() : reached);
  const byDefault = baseline.passed.union(baseline.unmatched);
  const conns = admin.accepted.union(networkPolicy.allowed).union(baseline.accepted).union(byDefault);
  return { direction, admin, networkPolicy, baseline, byDefault, conns };
}

function evaluateTier(
  direction: Direction,
  policies: readonly ClusterPolicy[],
  matches: (rule: ClusterRuleSpec, peer: ClusterPeerSpec) => boolean,
  dst: Subject,
  reached: ConnectionSet,
): TierResult {
  const steps: TierStep[] = [];
  const decided = { Accept: ConnectionSet.none(), Deny: ConnectionSet.none(), Pass: ConnectionSet.none() };
  let open = reached;
  for (const policy of policies) {
    const rules = direction === 'Ingress' ? policy.ingress : policy.egress;
    for (let ruleIndex = 0; ruleIndex < rules.length && !open.isEmpty(); ruleIndex++) {
      const rule = rules[ruleIndex];
      // A peer of a newer CRD fails closed (the API's words): an Accept rule matches no traffic, a Deny or Pass rule is "Deny all".
      const failClosed = rule.peers.some(peer => peer.unknown);
      if (failClosed && rule.action === 'Accept') continue;
      if (!rule.peers.some(peer => matches(rule, peer))) continue;
      const action = failClosed ? 'Deny' : rule.action;
      const conns = failClosed ? open : open.intersect(clusterPortsConns(rule.ports, dst));
      if (conns.isEmpty()) continue;
      steps.push({ policy, direction, ruleIndex, rule, action, conns });
      decided[action] = decided[action].union(conns);
      open = open.subtract(conns);
    }
  }
  return { steps, accepted: decided.Accept, denied: decided.Deny, passed: decided.Pass, unmatched: open };
}

/** The model's cluster policies by tier, for explain: which select an end, and that end's verdict. */
export class ClusterContext {
  private readonly admin: readonly ClusterPolicy[];
  private readonly baseline: readonly ClusterPolicy[];

  public constructor(policies: readonly ClusterPolicy[]) {
    this.admin = tierOrder(policies, 'Admin');
    this.baseline = tierOrder(policies, 'Baseline');
  }

  /** The policies selecting `subject` with rules in `direction`; undefined when there is none (the NetworkPolicy layer alone decides). */
  public selecting(direction: Direction, subject: Subject): SelectingClusterPolicies | undefined {
    const applies = (p: ClusterPolicy) => (direction === 'Ingress' ? p.ingress : p.egress).length > 0 && clusterPolicySelects(p, subject);
    const admin = this.admin.filter(applies);
    const baseline = this.baseline.filter(applies);
    return admin.length + baseline.length === 0 ? undefined : { admin, baseline };
  }

  /** One end's verdict, pair by pair: `peer` is the other end, `dst` the destination. */
  public side(
    direction: Direction, selecting: SelectingClusterPolicies, peer: Subject, dst: Subject, np: { isolated: boolean; conns: ConnectionSet },
  ): TieredSide {
    return evaluateTiers(direction, selecting, (rule, p) => clusterPeerMatches(p, rule.action, peer), dst, np);
  }

  /**
   * One end's verdict toward `peer` through every tier, given its NetworkPolicy side `np`;
   * undefined when no cluster policy selects the end in that direction (the NetworkPolicy side
   * alone decides then). The destination, where named ports resolve, is `peer` for egress.
   */
  public tiered(direction: Direction, end: Subject, peer: Subject, np: { isolated: boolean; conns: ConnectionSet }): TieredSide | undefined {
    const selecting = this.selecting(direction, end);
    return selecting && this.side(direction, selecting, peer, direction === 'Egress' ? peer : end, np);
  }

  /**
   * What a pair allows through every layer: each end's NetworkPolicy verdict (evaluatePair), put
   * through the tiers of the cluster policies that select that end. For callers that need the
   * answer, not its explanation (ingress paths).
   */
  public pairConns(src: End, dst: End): ConnectionSet {
    const pair = evaluatePair(src, dst);
    const side = (evaluation: SideEvaluation, end: Subject, peer: Subject) =>
      (this.tiered(evaluation.direction, end, peer, evaluation) ?? evaluation).conns;
    return side(pair.egress, src.subject, dst.subject).intersect(side(pair.ingress, dst.subject, src.subject));
  }
}
