/**
 * Rule 6: a connection needs the source's egress AND the destination's ingress (reference §2,
 * "Both ends must allow a connection"). A rule that names pods on the other end, when that end
 * is isolated and allows none of it back, can never carry traffic — the usual half-written hop.
 * Only rules whose peer names pods (a non-empty podSelector) are judged: a broad peer such as
 * "all namespaces" does not say the author meant each pod behind it.
 */
import type { ConnectionSet } from '../connection-set';
import { evaluatePair, peerMatches, portsConns } from '../evaluation';
import type { Direction, PeerSpec, Policy, RuleSpec, Workload } from '../model';
import { workloadId } from '../model';
import { describeSelector } from '../selector';
import type { LintContext } from './context';
import type { Finding, LintRule } from './finding';
import { ruleDocUrl } from './finding';
import { listSome, peersKey, policyFinding, rulesField } from './wording';

const ID = 'one-sided-connection';

export const oneSidedConnection: LintRule = {
  id: ID,
  severity: 'error',
  description: 'A rule allows traffic to or from pods whose own policies isolate them and do not allow it back, so it can never carry traffic.',
  docUrl: ruleDocUrl(ID),
  check: (model, context) => model.policies.flatMap(policy => (['Ingress', 'Egress'] as const)
    .filter(direction => policy.policyTypes.includes(direction))
    .flatMap(direction => (direction === 'Ingress' ? policy.ingress : policy.egress)
      .flatMap((rule, ruleIndex) => checkRule(context, policy, direction, rule, ruleIndex)))),
};

interface Hop {
  readonly src: Workload;
  readonly dst: Workload;
  readonly conns: ConnectionSet;
}

function checkRule(context: LintContext, policy: Policy, direction: Direction, rule: RuleSpec, ruleIndex: number): Finding[] {
  const namedPeers = (rule.peers ?? []).filter(namesPods);
  if (namedPeers.length === 0) return [];
  const selected = context.selectedWorkloads(policy);
  const others = context.model.workloads.filter(w => !w.hostNetwork && namedPeers.some(peer => peerMatches(policy, peer, context.subject(w))));
  const hops: Hop[] = [];
  for (const self of selected) {
    for (const other of others.filter(o => o !== self)) {
      const [src, dst] = direction === 'Egress' ? [self, other] : [other, self];
      const conns = portsConns(rule.ports, context.subject(dst)).conns;
      // Unresolvable named ports are the named-port rule's finding, not this one's.
      if (!conns.isEmpty() && otherEndRefuses(context, direction, src, dst, conns)) hops.push({ src, dst, conns });
    }
  }
  if (hops.length === 0) return [];
  const field = `${rulesField(direction)}[${ruleIndex}].${peersKey(direction)}`;
  const otherEnd = direction === 'Egress' ? 'the destination is ingress-isolated and its ingress rules do not admit it'
    : 'the source is egress-isolated and its egress rules do not allow it';
  const described = hops.map(h => `${workloadId(h.src)} -> ${workloadId(h.dst)} (${h.conns})`);
  const first = hops[0];
  const fix = direction === 'Egress'
    ? `add an ingress rule to a policy selecting ${workloadId(first.dst)} that allows ${workloadId(first.src)} on ${first.conns}`
    : `add an egress rule to a policy selecting ${workloadId(first.src)} that allows ${workloadId(first.dst)} on ${first.conns}`;
  return [policyFinding(oneSidedConnection, policy, field,
    `allows ${listSome(described, 2)}, but ${otherEnd}, so this rule never carries that traffic`,
    `both ends must allow a connection: ${fix}`)];
}

/** Whether the other end of the hop is isolated and allows none of `conns`. */
function otherEndRefuses(context: LintContext, direction: Direction, src: Workload, dst: Workload, conns: ConnectionSet): boolean {
  const pair = evaluatePair(context.end(src), context.end(dst));
  const side = direction === 'Egress' ? pair.ingress : pair.egress;
  return side.isolated && side.conns.intersect(conns).isEmpty();
}

function namesPods(peer: PeerSpec): boolean {
  return peer.podSelector !== undefined && describeSelector(peer.podSelector) !== '(all)';
}
