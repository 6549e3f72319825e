/**
 * Why a connection is (not) allowed: for each end, whether it is isolated, the policies
 * selecting it, the rules that allow (and what) and the rules that do not (and why); where
 * cluster policies select the end, what each tier decided (cluster-evaluation.ts).
 *
 * The verdict comes from the same evaluation as `computeReachability` (evaluation.ts), so the
 * two always agree; this module only sorts the outcomes into matches and misses and words them.
 */
import { ClusterContext, TieredSide } from './cluster-evaluation';
import { evaluatePair, PolicyContext, RuleOutcome, SideEvaluation, Subject } from './evaluation';
import { rangeInterval } from './ip-ranges';
import type { ClusterModel, PeerSpec, Policy, PortSpec, Protocol } from './model';
import { Endpoint, endpointId, Explanation, RuleMatch, RuleMiss, SideExplanation } from './results';
import { describeLabels, describeSelector } from './selector';

export { resolveEndpoint } from './resolve-endpoint';
export { externalRanges } from './ip-ranges';

export interface PortQuery {
  readonly protocol: Protocol;
  readonly port: number;
}

function describePeer(policy: Policy, peer: PeerSpec): string {
  if (peer.ipBlock) {
    const except = peer.ipBlock.except?.length ? ` except ${peer.ipBlock.except.join(',')}` : '';
    return `ipBlock ${peer.ipBlock.cidr}${except}`;
  }
  const pods = peer.podSelector ? `pods ${describeSelector(peer.podSelector)}` : 'all pods';
  const namespaces = peer.namespaceSelector ? `namespaces ${describeSelector(peer.namespaceSelector)}` : `namespace ${policy.namespace}`;
  return `${pods} in ${namespaces}`;
}

/** What the end a rule looked at has, for `no-peer-matched`. */
function describeEnd(role: string, endpoint: Endpoint, subject: Subject, peers: readonly PeerSpec[]): string {
  if (subject.kind === 'external') return `${role} ${endpointId(endpoint)} is outside the cluster (only ipBlock peers match it)`;
  if (subject.hostNetwork) return `${role} ${endpointId(endpoint)} uses hostNetwork (only rules without peers match it)`;
  const ipBlocks = peers.some(p => p.ipBlock) ? ' (ipBlock peers never match pods)' : '';
  return `${role} ${endpointId(endpoint)} has labels ${describeLabels(subject.podLabels)} in namespace ${subject.namespace} (labels ${describeLabels(subject.namespaceLabels)})${ipBlocks}`;
}

const describePort = (p: PortSpec) => `${p.port} (${p.protocol})`;

function describeUnresolved(unresolved: readonly PortSpec[], dst: Endpoint, dstSubject: Subject): string {
  const names = unresolved.map(describePort).join(', ');
  if (dstSubject.kind === 'external') return `named port ${names} never matches an external destination`;
  if (dstSubject.hostNetwork) return `named port ${names} does not resolve on hostNetwork destination ${endpointId(dst)}`;
  const sameName = dstSubject.namedPorts.filter(p => unresolved.some(u => u.port === p.name));
  const has = sameName.length ? `; it has ${sameName.map(p => `${p.name} as ${p.protocol} ${p.port}`).join(', ')}` : '';
  return `named port ${names} is not a container port of destination ${endpointId(dst)}${has}`;
}

interface Ends {
  readonly src: Endpoint;
  readonly dst: Endpoint;
  readonly srcSubject: Subject;
  readonly dstSubject: Subject;
}

function classify(outcome: RuleOutcome, ends: Ends, query?: PortQuery): RuleMatch | RuleMiss {
  const { policy, direction, ruleIndex } = outcome;
  const base = { policy, direction, ruleIndex };
  if (!outcome.peerMatched) {
    const rule = (direction === 'Ingress' ? policy.ingress : policy.egress)[ruleIndex];
    const peerSpecs = rule.peers ?? [];
    const peers = peerSpecs.map(p => describePeer(policy, p)).join(' | ') || 'nothing';
    const end = direction === 'Ingress'
      ? describeEnd('source', ends.src, ends.srcSubject, peerSpecs)
      : describeEnd('destination', ends.dst, ends.dstSubject, peerSpecs);
    return { ...base, reason: 'no-peer-matched', detail: `peers select ${peers}; ${end}` };
  }
  const allows = query ? outcome.conns.contains(query.protocol, query.port) : !outcome.conns.isEmpty();
  if (allows) return { ...base, conns: outcome.conns };
  const unresolved = outcome.unresolvedNamedPorts.length ? describeUnresolved(outcome.unresolvedNamedPorts, ends.dst, ends.dstSubject) : undefined;
  if (outcome.conns.isEmpty() && unresolved) return { ...base, reason: 'named-port-not-on-destination', detail: unresolved };
  const asked = query ? `; asked ${query.protocol} ${query.port}` : '';
  return { ...base, reason: 'port-or-protocol-mismatch', detail: `rule allows ${outcome.conns}${asked}${unresolved ? `; ${unresolved}` : ''}` };
}

function side(
  evaluation: SideEvaluation, endpoint: Endpoint, ends: Ends, query: PortQuery | undefined, tiers: TieredSide | undefined,
): SideExplanation {
  const classified = evaluation.outcomes.map(o => classify(o, ends, query));
  return {
    ...(tiers === undefined ? {} : { tiers }),
    direction: evaluation.direction,
    endpoint,
    applies: endpoint.kind === 'workload',
    isolated: evaluation.isolated,
    selectingPolicies: evaluation.policies,
    allowedBy: classified.filter((c): c is RuleMatch => 'conns' in c),
    notAllowedBy: classified.filter((c): c is RuleMiss => 'reason' in c),
    conns: tiers?.conns ?? evaluation.conns,
  };
}

function notes(ends: Ends, egress: SideExplanation, ingress: SideExplanation): string[] {
  const out: string[] = [];
  if (ends.src.kind === 'workload' && ends.dst.kind === 'workload' && endpointId(ends.src) === endpointId(ends.dst)) {
    out.push('source and destination are the same workload: reachability does not report traffic inside one workload (a pod can always reach itself; between replicas the policies apply as shown)');
  }
  for (const [endpoint, subject] of [[ends.src, ends.srcSubject], [ends.dst, ends.dstSubject]] as const) {
    if (subject.kind === 'external') {
      out.push(`${endpointId(endpoint)} is outside the cluster: no policy applies to it; only ipBlock peers and rules without peers match it`);
    } else if (subject.hostNetwork) {
      out.push(`${endpointId(endpoint)} uses hostNetwork: treated as node traffic, so no policy isolates it and only rules without peers match it (an ipBlock on node IPs may match it on a real cluster)`);
    }
  }
  if (!egress.isolated && !egress.tiers && ends.src.kind === 'workload' && ends.srcSubject.kind === 'pod' && !ends.srcSubject.hostNetwork) {
    out.push(`no policy isolates egress of ${endpointId(ends.src)}: it may send anywhere`);
  }
  if (!ingress.isolated && !ingress.tiers && ends.dst.kind === 'workload' && ends.dstSubject.kind === 'pod' && !ends.dstSubject.hostNetwork) {
    out.push(`no policy isolates ingress of ${endpointId(ends.dst)}: it accepts from anywhere`);
  }
  return out;
}

/**
 * Explain the traffic from `src` to `dst` (optionally one protocol/port). Throws when both ends
 * are external: the analysis only covers traffic with a workload at one end at least.
 */
export function explain(model: ClusterModel, src: Endpoint, dst: Endpoint, query?: PortQuery): Explanation {
  if (src.kind === 'external' && dst.kind === 'external') {
    throw new Error(`cannot explain ${endpointId(src)} => ${endpointId(dst)}: both ends are outside the cluster, where no NetworkPolicy applies`);
  }
  const context = new PolicyContext(model);
  const subjectOf = (e: Endpoint): Subject => e.kind === 'workload' ? context.workloadSubject(e.workload) : { kind: 'external', interval: rangeInterval(e.range) };
  const ends: Ends = { src, dst, srcSubject: subjectOf(src), dstSubject: subjectOf(dst) };
  const pair = evaluatePair(context.end(ends.srcSubject), context.end(ends.dstSubject));
  // Where cluster policies select an end, its side goes through their tiers (cluster-evaluation.ts).
  const cluster = model.clusterPolicies?.length ? new ClusterContext(model.clusterPolicies) : undefined;
  const tiers = (evaluation: SideEvaluation, end: Subject, peer: Subject) => cluster?.tiered(evaluation.direction, end, peer, evaluation);
  const egress = side(pair.egress, src, ends, query, tiers(pair.egress, ends.srcSubject, ends.dstSubject));
  const ingress = side(pair.ingress, dst, ends, query, tiers(pair.ingress, ends.dstSubject, ends.srcSubject));
  const conns = egress.conns.intersect(ingress.conns);
  return {
    src,
    dst,
    query,
    allowed: query ? conns.contains(query.protocol, query.port) : !conns.isEmpty(),
    conns,
    egress,
    ingress,
    notes: notes(ends, egress, ingress),
  };
}
