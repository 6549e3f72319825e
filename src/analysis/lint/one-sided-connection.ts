/**
 * Rule 6: a connection needs the source's egress AND the destination's ingress (docs/semantics.md §2,
 * "Both ends must allow a connection"). A rule that names pods on the other end, when that end
 * is isolated and allows none of it back, can never carry traffic — the usual half-written hop.
 * Only rules whose peer names pods (a non-empty podSelector) are judged: a broad peer such as
 * "all namespaces" does not say the author meant each pod behind it.
 *
 * Where cluster policies select the other end in that direction, its answer goes through their
 * tiers (docs/cluster-network-policy.md, "Evaluation"): an Admin Accept admits what its
 * NetworkPolicies refuse, and an Admin Deny, or a Baseline Deny of an end NetworkPolicy leaves
 * open, refuses what they would allow; the finding then names the cluster policy.
 */
import { ConnectionSet } from '../connection-set';
import { NONE } from '../lists';
import type { ClusterPolicy, Direction, PeerSpec, Policy, RuleSpec, Workload } from '../model';
import { workloadId } from '../model';
import { selectsAll } from '../selector';
import { denyingSteps, describeDecider, tieredSide } from './cluster-tiers';
import type { LintContext } from './context';
import type { Finding, LintRule } from './finding';
import { ruleDocUrl } from './finding';
import { forEachIsolatedRule } from './isolated-rules';
import { listSome, peersKey, policyFinding, rulesField } from './wording';

const ID = 'one-sided-connection';

export const oneSidedConnection: LintRule = {
  id: ID,
  severity: 'error',
  description: 'A rule allows traffic to or from pods whose own policies isolate them and do not allow it back, so it can never carry traffic.',
  docUrl: ruleDocUrl(ID),
  check: (model, context) => {
    const findings: Finding[] = [];
    for (const policy of model.policies) {
      forEachIsolatedRule(policy, (direction, rule, ruleIndex) => {
        const finding = checkRule(context, policy, direction, rule, ruleIndex);
        if (finding) findings.push(finding);
      });
    }
    return findings;
  },
};

interface Hop {
  readonly src: Workload;
  readonly dst: Workload;
  readonly conns: ConnectionSet;
}

function checkRule(context: LintContext, policy: Policy, direction: Direction, rule: RuleSpec, ruleIndex: number): Finding | undefined {
  const peers = rule.peers ?? NONE;
  const namedPeers = peers.every(namesPods) ? peers : peers.filter(namesPods);
  if (namedPeers.length === 0) return undefined;
  const deciders = new Set<ClusterPolicy>();
  const refused = refusedClassPairs(context, policy, direction, rule, namedPeers, deciders);
  if (!refused) return undefined;
  // Workloads of one class are alike to every rule: count the workload hops from the class pairs, and
  // list the first ones in model order (a workload is never a hop to itself).
  let count = 0;
  for (const [self, others] of refused) {
    const size = context.classes[self].workloads.length;
    for (const other of others.keys()) count += other === self ? size * (size - 1) : size * context.classes[other].workloads.length;
  }
  if (count === 0) return undefined;
  const hops = firstHops(context, policy, direction, refused, 2);
  const field = `${rulesField(direction)}[${ruleIndex}].${peersKey(direction)}`;
  const by = listSome([...deciders].map(describeDecider));
  const otherEnd = deciders.size > 0
    ? `the ${direction === 'Egress' ? 'destination\'s ingress' : 'source\'s egress'} refuses it (denied by ${by})`
    : direction === 'Egress' ? 'the destination is ingress-isolated and its ingress rules do not admit it'
      : 'the source is egress-isolated and its egress rules do not allow it';
  const described = hops.map(h => `${workloadId(h.src)} -> ${workloadId(h.dst)} (${h.conns})`);
  const first = hops[0];
  const fix = deciders.size > 0
    ? `accept ${workloadId(first.src)} -> ${workloadId(first.dst)} on ${first.conns} in the Admin tier before the rule of ${by} that denies it, or narrow that rule's subject or peers`
    : direction === 'Egress'
      ? `add an ingress rule to a policy selecting ${workloadId(first.dst)} that allows ${workloadId(first.src)} on ${first.conns}`
      : `add an egress rule to a policy selecting ${workloadId(first.src)} that allows ${workloadId(first.dst)} on ${first.conns}`;
  return policyFinding(oneSidedConnection, policy, field,
    `allows ${listSome(described, 2, count)}, but ${otherEnd}, so this rule never carries that traffic`,
    `both ends must allow a connection: ${fix}`);
}

/**
 * For each class the policy selects, the classes the named peers match whose end refuses what the
 * rule allows toward them, with what the rule allows on that hop; undefined when there are none.
 * The cluster policies that refused a hop are added to `deciders`.
 */
function refusedClassPairs(context: LintContext, policy: Policy, direction: Direction, rule: RuleSpec,
  namedPeers: readonly PeerSpec[], deciders: Set<ClusterPolicy>): Map<number, Map<number, ConnectionSet>> | undefined {
  const selected = context.selectedClasses(policy);
  if (selected.length === 0) return undefined;
  const others = context.peerClasses(policy, namedPeers);
  let refused: Map<number, Map<number, ConnectionSet>> | undefined;
  const egress = direction === 'Egress';
  for (const other of others) {
    // An end that no policy isolates in that direction refuses nothing (the usual DNS server, ingress controller).
    const otherDirection = egress ? 'Ingress' : 'Egress';
    if (!context.isIsolated(other, otherDirection) && !context.clusterTiers?.selecting(otherDirection, context.classes[other].subject)) continue;
    for (const self of selected) {
      const src = egress ? self : other;
      const dst = egress ? other : self;
      const conns = context.sides.ruleConns(rule, dst);
      // Unresolvable named ports are the named-port rule's finding, not this one's.
      if (conns.isEmpty() || !otherEndRefuses(context, direction, src, dst, conns, deciders)) continue;
      refused ??= new Map();
      const row = refused.get(self) ?? new Map<number, ConnectionSet>();
      refused.set(self, row.set(other, conns));
    }
  }
  return refused;
}

/** The first `max` workload hops of the refused class pairs, selected workloads first, each in model order. */
function firstHops(context: LintContext, policy: Policy, direction: Direction,
  refused: ReadonlyMap<number, ReadonlyMap<number, ConnectionSet>>, max: number): Hop[] {
  const others = context.workloadsOf([...new Set([...refused.values()].flatMap(row => [...row.keys()]))]);
  const hops: Hop[] = [];
  for (const self of context.selectedWorkloads(policy)) {
    const row = refused.get(context.classOf(self));
    if (!row) continue;
    for (const other of others) {
      const conns = other !== self ? row.get(context.classOf(other)) : undefined;
      if (!conns) continue;
      hops.push(direction === 'Egress' ? { src: self, dst: other, conns } : { src: other, dst: self, conns });
      if (hops.length === max) return hops;
    }
  }
  return hops;
}

/**
 * Whether the other end of the hop (between two classes) allows none of `conns`: the destination's
 * ingress for an egress rule, the source's egress for an ingress rule; through the cluster
 * policies' tiers where they select it, whose denying policies are added to `deciders`.
 */
function otherEndRefuses(context: LintContext, direction: Direction, src: number, dst: number, conns: ConnectionSet,
  deciders: Set<ClusterPolicy>): boolean {
  const [end, peer] = direction === 'Egress' ? [dst, src] : [src, dst];
  const endDirection: Direction = direction === 'Egress' ? 'Ingress' : 'Egress';
  const [endSubject, peerSubject] = [context.classes[end].subject, context.classes[peer].subject];
  if (!context.clusterTiers?.selecting(endDirection, endSubject)) {
    return !context.sides.allowsAny(endDirection === 'Ingress' ? 'ingress' : 'egress', end, peer, conns);
  }
  // Its NetworkPolicy side toward the peer, as reachability takes it (side-index.ts), then its tiers.
  const own = endDirection === 'Ingress' ? context.sides.ingress(end) : context.sides.egress(end);
  const np = own === 'all' ? { isolated: false, conns: ConnectionSet.all() } : { isolated: true, conns: own.get(peer) ?? ConnectionSet.none() };
  const tiered = tieredSide(context, endDirection, endSubject, peerSubject, np)!;
  if (!tiered.conns.intersect(conns).isEmpty()) return false;
  for (const step of denyingSteps([...tiered.admin.steps, ...tiered.baseline.steps], conns)) deciders.add(step.policy);
  return true;
}

function namesPods(peer: PeerSpec): boolean {
  return peer.podSelector !== undefined && !selectsAll(peer.podSelector);
}
