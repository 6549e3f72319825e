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
 * (workload-classes.ts) or one external range; workloads are only expanded when writing flows.
 */
import { End, evaluatePair, PolicyContext } from './evaluation';
import { cutAddressSpace, toIpRange } from './ip-ranges';
import type { ClusterModel } from './model';
import { compare } from './model-builder';
import { AllowedFlow, Endpoint, endpointId, Reachability } from './results';
import { workloadClasses } from './workload-classes';

/** Endpoints that every rule treats alike (a workload class, or one external range). */
interface Group extends End {
  readonly endpoints: readonly { readonly endpoint: Endpoint; readonly id: string }[];
}

function groups(model: ClusterModel): Group[] {
  const context = new PolicyContext(model);
  const pods = workloadClasses(model, context).map(c => ({
    ...context.end(c.subject),
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
  const flows: { flow: AllowedFlow; srcId: string; dstId: string }[] = [];
  for (const src of all) {
    for (const dst of all) {
      if (src.subject.kind === 'external' && dst.subject.kind === 'external') continue;
      const { conns } = evaluatePair(src, dst);
      if (conns.isEmpty()) continue;
      for (const s of src.endpoints) {
        for (const d of dst.endpoints) {
          if (s.id !== d.id) flows.push({ flow: { src: s.endpoint, dst: d.endpoint, conns }, srcId: s.id, dstId: d.id });
        }
      }
    }
  }
  flows.sort((a, b) => compare(a.srcId, b.srcId) || compare(a.dstId, b.dstId));
  return {
    flows: flows.map(f => f.flow),
    externalRanges: all.flatMap(g => g.endpoints.flatMap(e => e.endpoint.kind === 'external' ? [e.endpoint.range] : [])),
  };
}
