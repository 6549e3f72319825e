/**
 * A user's reference to one end of a connection → an `Endpoint`: `ns/name`, `ns/name[Kind]`,
 * an IP address (→ the external range containing it), or an external range as printed
 * (`10.0.0.0-10.255.255.255[External]`).
 */
import { editDistance } from './closest-names';
import { externalRanges, parseAddress, rangeInterval } from './ip-ranges';
import { type ClusterModel, workloadId } from './model';
import { type Endpoint, type IpRange, ipRangeId } from './results';

const WORKLOAD_REF = /^([^/\s]+)\/([^/[\s]+)(?:\[([A-Za-z]+)\])?$/;
const RANGE_REF = /^(\S+)-(\S+)\[External\]$/;

function resolveAddress(ip: string, ranges: readonly IpRange[]): Endpoint {
  const address = parseAddress(ip)!;
  const range = ranges.find(r => {
    const interval = rangeInterval(r);
    return interval.family === address.family && interval.first <= address.first && address.first <= interval.last;
  });
  if (!range) throw new Error(`no external range contains ${ip}`);
  return { kind: 'external', range };
}

function resolveWorkload(model: ClusterModel, ref: string, namespace: string, name: string, kind?: string): Endpoint {
  const sameName = model.workloads.filter(w => w.namespace === namespace && w.name === name);
  const matches = kind === undefined ? sameName : sameName.filter(w => w.kind.toLowerCase() === kind.toLowerCase());
  if (matches.length === 1) return { kind: 'workload', workload: matches[0] };
  if (matches.length > 1) {
    throw new Error(`'${ref}' is ambiguous: ${matches.map(workloadId).join(', ')}; add the kind, e.g. '${workloadId(matches[0])}'`);
  }
  // The closest names first (a typo of the name or the namespace), not the model's order.
  const wanted = `${namespace}/${name}`;
  const candidates = (sameName.length ? sameName : model.workloads.filter(w => w.name === name || w.namespace === namespace))
    .map(w => ({ id: workloadId(w), distance: editDistance(wanted, `${w.namespace}/${w.name}`) }))
    .sort((a, b) => a.distance - b.distance)
    .map(c => c.id);
  const hint = candidates.length ? `; did you mean ${candidates.slice(0, 10).join(', ')}?` : '';
  throw new Error(`unknown workload '${ref}'${hint}`);
}

/**
 * Resolve `ref` against the model. `ranges` are the external ranges to pick from (default:
 * the same cut as `computeReachability`). Throws an Error naming the candidates when `ref` is
 * unknown or ambiguous.
 */
export function resolveEndpoint(model: ClusterModel, ref: string, ranges?: readonly IpRange[]): Endpoint {
  const text = ref.trim();
  const cut = ranges ?? externalRanges(model);
  if (parseAddress(text)) return resolveAddress(text, cut);

  const range = RANGE_REF.exec(text);
  if (range) {
    const found = cut.find(r => r.start === range[1] && r.end === range[2]);
    if (!found) throw new Error(`unknown external range '${ref}'; pass an IP address inside it, or one of ${cut.slice(0, 10).map(ipRangeId).join(', ')}`);
    return { kind: 'external', range: found };
  }

  const workload = WORKLOAD_REF.exec(text);
  if (!workload) throw new Error(`cannot read '${ref}': expected ns/name, ns/name[Kind] or an IP address`);
  return resolveWorkload(model, ref, workload[1], workload[2], workload[3]);
}
