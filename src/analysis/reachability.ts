/**
 * Every allowed ordered pair: workload → workload, workload → external range and external
 * range → workload (never external → external), with what is allowed between them.
 *
 * Semantics are Kubernetes' (docs/semantics.md §2; the rules live in evaluation.ts, shared with explain):
 * a connection needs the source's egress AND the destination's ingress. Where cluster policies
 * select an end, its side goes through their tiers around the NetworkPolicy layer
 * (cluster-evaluation.ts, docs/cluster-network-policy.md), group pair by group pair.
 *
 * Decisions where Kubernetes leaves it to the CNI or to us:
 * - `ipBlock` matches only external ranges, never pod IPs; selectors never match external ranges.
 * - hostNetwork workloads are node traffic: never isolated, never matched by pod/namespace
 *   selectors, only by rules without peers.
 * - Traffic inside one workload and from a workload to itself is not reported: a pod cannot
 *   block itself, and between replicas it would only repeat the workload's policy as a self-loop.
 *   Two different workloads whose pods look alike are both reported.
 *
 * External ranges are named per direction (merged-ranges.ts, docs/reach-output.md): a range that
 * sends is cut only by the ipBlocks of ingress rules, a range that receives only by those of
 * egress rules, so each is a group of its own direction and as large as the rules allow.
 *
 * Cost: grows with the pairs that can be allowed, not with the square of the workloads.
 * Workloads are grouped into classes (workload-classes.ts) that no rule can tell apart, and each
 * external range is a group. Each group's own side is computed rule by rule (side-index.ts): a
 * rule's peers are matched once, through an index, against the groups they can possibly match,
 * giving for a source isolated for egress what it may send to each group its rules name, and for
 * a destination isolated for ingress what it may receive from each group its rules name. Only
 * pairs present on every isolated side are combined (egress AND ingress), and workloads are only
 * expanded when writing flows. The rule semantics are evaluation.ts' (`peerMatches`,
 * `portsConns`), which explain uses pair by pair: the two always agree.
 */
import { ClusterSideIndex } from './cluster-side-index';
import { ConnectionSet } from './connection-set';
import { End, PolicyContext } from './evaluation';
import { GroupIndex } from './group-index';
import { AddressInterval, cutAddressSpace, toIpRange } from './ip-ranges';
import { mergedRanges } from './merged-ranges';
import type { ClusterModel } from './model';
import { compare } from './model-builder';
import { AllowedFlow, Endpoint, endpointId, Reachability } from './results';
import { SideIndex } from './side-index';
import { workloadClasses } from './workload-classes';

/** Endpoints that every rule treats alike (a workload class, or one external range). */
interface Group extends End {
  readonly endpoints: readonly { readonly endpoint: Endpoint; readonly id: string }[];
  /** False for an external range named only as a destination; external ranges never send to each other. */
  readonly sends: boolean;
  /** False for an external range named only as a source. */
  readonly receives: boolean;
}

/** External ranges as groups of one direction: sources cut by ingress ipBlocks, destinations by egress ones. */
function externalGroups(model: ClusterModel) {
  const group = (interval: AddressInterval, sends: boolean) => {
    const endpoint: Endpoint = { kind: 'external', range: toIpRange(interval) };
    return { subject: { kind: 'external' as const, interval }, endpoints: [{ endpoint, id: endpointId(endpoint) }], sends, receives: !sends };
  };
  return [...mergedRanges(model, 'Ingress').map(i => group(i, true)), ...mergedRanges(model, 'Egress').map(i => group(i, false))];
}

/** Every group, workload classes first, and the one group index over them that SideIndex reads too. */
function endpointGroups(model: ClusterModel): { groups: Group[]; index: GroupIndex } {
  const classes = workloadClasses(model, new PolicyContext(model));
  const members = [
    ...classes.map(c => ({
      subject: c.subject,
      endpoints: c.workloads.map(workload => ({ endpoint: { kind: 'workload' as const, workload }, id: endpointId({ kind: 'workload', workload }) })),
      sends: true,
      receives: true,
    })),
    ...externalGroups(model),
  ];
  const index = new GroupIndex(members.map(m => m.subject));
  // External ranges are never selected, so their lists stay empty: nothing isolates them.
  const isolating = index.isolatingPolicies(model.policies);
  const groups = members.map((m, i) => ({ ...m, egressPolicies: isolating.egress[i], ingressPolicies: isolating.ingress[i] }));
  return { groups, index };
}

export function computeReachability(model: ClusterModel): Reachability {
  const { groups: all, index } = endpointGroups(model);
  const sides = new SideIndex(all, index);
  // Flows are sorted by source id, then destination id: rank every endpoint once, then sort numbers.
  const ids = [...new Set(all.flatMap(g => g.endpoints.map(e => e.id)))].sort(compare);
  const rank = new Map(ids.map((id, i) => [id, i]));
  const ranked = all.map(g => g.endpoints.map(e => ({ endpoint: e.endpoint, rank: rank.get(e.id)! })));
  const flows: { flow: AllowedFlow; key: number }[] = [];
  const addFlows = (s: number, d: number, conns: ConnectionSet) => {
    if (conns.isEmpty()) return;
    for (const se of ranked[s]) {
      for (const de of ranked[d]) {
        if (se.rank !== de.rank) flows.push({ flow: { src: se.endpoint, dst: de.endpoint, conns }, key: se.rank * ids.length + de.rank });
      }
    }
  };
  const everyGroup = all.map((_, d) => d);
  const tiers = model.clusterPolicies?.length ? new ClusterSideIndex(all, model.clusterPolicies) : undefined;
  all.forEach((src, s) => {
    if (!src.sends) return;
    const egress = sides.egress(s);
    const tieredEgress = tiers?.has('Egress', s) ?? false;
    // A group that cluster policies select may send to any group their rules accept, not only those its NetworkPolicies name.
    const destinations = egress === 'all' || tieredEgress ? everyGroup : egress.keys();
    for (const d of destinations) {
      if (!all[d].receives || (src.subject.kind === 'external' && all[d].subject.kind === 'external')) continue;
      const ingress = sides.ingress(d);
      let received = ingress === 'all' ? ConnectionSet.all() : ingress.get(s);
      if (tiers?.has('Ingress', d)) received = tiers.side('Ingress', d, s, { isolated: ingress !== 'all', conns: received ?? ConnectionSet.none() });
      if (received === undefined) continue;
      let sent = egress === 'all' ? ConnectionSet.all() : egress.get(d);
      if (tieredEgress) sent = tiers!.side('Egress', s, d, { isolated: egress !== 'all', conns: sent ?? ConnectionSet.none() });
      if (sent === undefined) continue;
      addFlows(s, d, sides.algebra.intersect(sides.algebra.intern(sent), sides.algebra.intern(received)));
    }
  });
  flows.sort((a, b) => a.key - b.key);
  return {
    flows: flows.map(f => f.flow),
    externalRanges: cutAddressSpace(model).map(toIpRange),
  };
}
