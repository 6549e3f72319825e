/**
 * Every allowed ordered pair: workload → workload, workload → external range and external
 * range → workload (never external → external), with what is allowed between them.
 *
 * Semantics are Kubernetes' (reference §2; the rules live in evaluation.ts, shared with explain):
 * a connection needs the source's egress AND the destination's ingress.
 *
 * Decisions where Kubernetes leaves it to the CNI or to us:
 * - `ipBlock` matches only external ranges, never pod IPs; selectors never match external ranges.
 * - hostNetwork workloads are node traffic: never isolated, never matched by pod/namespace
 *   selectors, only by rules without peers.
 * - Traffic inside one workload and from a workload to itself is not reported: a pod cannot
 *   block itself, and between replicas it would only repeat the workload's policy as a self-loop.
 *   Two different workloads whose pods look alike are both reported.
 *
 * Cost: rules are evaluated once per ordered pair of groups, a group being a workload class
 * (workload-classes.ts) or one external range, and only for the pairs that can be allowed at
 * all: a source isolated for egress can reach only the groups its egress rules' peers match, a
 * destination isolated for ingress only hears from the groups its ingress rules' peers match.
 * Those candidates come from an index (peers.ts-style: by namespace, namespace selectors matched
 * once per namespace, results shared by every rule with the same peer), so the cost grows with
 * the pairs that are allowed, not with the square of the groups. Workloads are only expanded
 * when writing flows.
 */
import { selectingPolicies, SideIndex } from './candidates';
import { ConnectionSet } from '../../src/analysis/connection-set';
import { End, PolicyContext } from '../../src/analysis/evaluation';
import { cutAddressSpace, toIpRange } from '../../src/analysis/ip-ranges';
import type { ClusterModel } from '../../src/analysis/model';
import { compare } from '../../src/analysis/model-builder';
import { AllowedFlow, Endpoint, endpointId, Reachability } from '../../src/analysis/results';
import { workloadClasses } from '../../src/analysis/workload-classes';

/** Endpoints that every rule treats alike (a workload class, or one external range). */
export interface Group extends End {
  readonly endpoints: readonly { readonly endpoint: Endpoint; readonly id: string }[];
}

function groups(model: ClusterModel): Group[] {
  const context = new PolicyContext(model);
  const classes = workloadClasses(model, context);
  const selecting = selectingPolicies(model.policies, classes.map(c => c.subject));
  const pods = classes.map((c, i) => ({
    subject: c.subject,
    egressPolicies: selecting.egress[i],
    ingressPolicies: selecting.ingress[i],
    endpoints: c.workloads.map(workload => ({ endpoint: { kind: 'workload' as const, workload }, id: endpointId({ kind: 'workload', workload }) })),
  }));
  const external = cutAddressSpace(model).map(interval => {
    const endpoint: Endpoint = { kind: 'external', range: toIpRange(interval) };
    return { ...context.end({ kind: 'external', interval }), endpoints: [{ endpoint, id: endpointId(endpoint) }] };
  });
  return [...pods, ...external];
}

export function computeReachability(model: ClusterModel): Reachability {
  const all = groups(model);
  const sides = new SideIndex(all);
  const flows: { flow: AllowedFlow; srcId: string; dstId: string }[] = [];
  const addFlows = (src: Group, dst: Group, conns: ConnectionSet) => {
    if (conns.isEmpty()) return;
    for (const se of src.endpoints) {
      for (const de of dst.endpoints) {
        if (se.id !== de.id) flows.push({ flow: { src: se.endpoint, dst: de.endpoint, conns }, srcId: se.id, dstId: de.id });
      }
    }
  };
  const everyGroup = all.map((_, d) => d);
  all.forEach((src, s) => {
    const egress = sides.egress(s);
    const destinations = egress === 'all' ? everyGroup : egress.keys();
    for (const d of destinations) {
      const dst = all[d];
      if (src.subject.kind === 'external' && dst.subject.kind === 'external') continue;
      const ingress = sides.ingress(d);
      const received = ingress === 'all' ? ConnectionSet.all() : ingress.get(s);
      if (received === undefined) continue;
      addFlows(src, dst, egress === 'all' ? received : sides.algebra.intersect(egress.get(d)!, received));
    }
  });
  flows.sort((a, b) => compare(a.srcId, b.srcId) || compare(a.dstId, b.dstId));
  return {
    flows: flows.map(f => f.flow),
    externalRanges: all.flatMap(g => g.endpoints.flatMap(e => e.endpoint.kind === 'external' ? [e.endpoint.range] : [])),
  };
}
