import { rangeInterval } from '../analysis/ip-ranges';
import { workloadId } from '../analysis/model';
import { endpointId, type Endpoint, type IpRange, type Reachability } from '../analysis/results';

/**
 * Only the flows into or out of `endpoint` (`reach --focus`); order and ranges kept. An external
 * endpoint keeps the flows of every range that shares an address with it: sources and
 * destinations are cut differently (docs/reach-output.md), so an address lies in one range of each.
 */
export function focusOn(reach: Reachability, endpoint: Endpoint): Reachability {
  const involves = endpoint.kind === 'workload' ? sameId(endpointId(endpoint)) : overlaps(endpoint);
  return {
    ...reach,
    flows: reach.flows.filter(f => involves(f.src) || involves(f.dst)),
    ingressFlows: reach.ingressFlows?.filter(f => endpoint.kind === 'workload' && workloadId(f.dst) === endpointId(endpoint)),
  };
}

const sameId = (id: string) => (e: Endpoint) => endpointId(e) === id;

function overlaps(endpoint: Extract<Endpoint, { kind: 'external' }>) {
  const wanted = rangeInterval(endpoint.range);
  return (e: Endpoint) => {
    if (e.kind !== 'external') return false;
    const other = rangeInterval(e.range);
    return other.family === wanted.family && other.first <= wanted.last && wanted.first <= other.last;
  };
}

/**
 * The ranges `--focus` may name: the fine cut first (so an address resolves to the smallest
 * range holding it), then every range a flow names, as printed.
 */
export function focusRanges(reach: Reachability): IpRange[] {
  const named = reach.flows.flatMap(f => [f.src, f.dst]).flatMap(e => (e.kind === 'external' ? [e.range] : []));
  return [...reach.externalRanges, ...named];
}
