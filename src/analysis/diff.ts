/**
 * What changed between two reachability results (e.g. `dist/` of the base branch and of a
 * PR): pairs that became reachable, pairs that no longer are, and pairs whose allowed
 * connections changed.
 *
 * Workloads are matched by id (`ns/name[Kind]`). External ranges are cut at the ipBlock
 * boundaries of each side's own policies, so the two sides may cut the address space
 * differently: both are re-cut on the common refinement (every boundary of either side),
 * compared cell by cell, and adjacent cells with the same change are merged back, so a range
 * is reported as large as it can be and no larger.
 */
import { ConnectionSet } from './connection-set';
import { AddressInterval, rangeInterval, toIpRange } from './ip-ranges';
import { compare } from './model-builder';
import { AllowedFlow, Endpoint, endpointId, IpRange, Reachability } from './results';

/** One pair whose allowed connections differ. `added`/`removed` are what `after` allows beyond/short of `before`. */
export interface FlowChange {
  readonly src: Endpoint;
  readonly dst: Endpoint;
  readonly before: ConnectionSet;
  readonly after: ConnectionSet;
  readonly added: ConnectionSet;
  readonly removed: ConnectionSet;
}

export interface ReachabilityDiff {
  /** Pairs with nothing allowed before and something after. */
  readonly added: readonly FlowChange[];
  /** Pairs with something allowed before and nothing after. */
  readonly removed: readonly FlowChange[];
  /** Pairs allowed on both sides, with different connections. */
  readonly changed: readonly FlowChange[];
}

export function diffReachability(before: Reachability, after: Reachability): ReachabilityDiff {
  const cells = commonRefinement([...before.externalRanges, ...after.externalRanges]);
  const beforeFlows = flowsByPair(before, cells);
  const afterFlows = flowsByPair(after, cells);
  const changes: FlowChange[] = [];
  for (const key of new Set([...beforeFlows.keys(), ...afterFlows.keys()])) {
    const b = beforeFlows.get(key);
    const a = afterFlows.get(key);
    const was = b?.conns ?? ConnectionSet.none();
    const is = a?.conns ?? ConnectionSet.none();
    if (was.equals(is)) continue;
    const { src, dst } = (a ?? b)!;
    changes.push({ src, dst, before: was, after: is, added: is.subtract(was), removed: was.subtract(is) });
  }
  const merged = mergeAdjacentCells(changes);
  return {
    added: merged.filter(c => c.before.isEmpty()),
    removed: merged.filter(c => c.after.isEmpty()),
    changed: merged.filter(c => !c.before.isEmpty() && !c.after.isEmpty()),
  };
}

/** True when `after` allows some connection `before` did not (what a gate on "added" cares about). */
export function allowsMore(diff: ReachabilityDiff): boolean {
  return diff.added.length > 0 || diff.changed.some(c => !c.added.isEmpty());
}

/** The coarsest cut finer than every given range: a cell starts wherever any range starts. */
function commonRefinement(ranges: readonly IpRange[]): AddressInterval[] {
  const intervals = ranges.map(rangeInterval);
  return ([4, 6] as const).flatMap(family => {
    const ofFamily = intervals.filter(i => i.family === family);
    if (ofFamily.length === 0) return [];
    const end = ofFamily.reduce((max, i) => (i.last > max ? i.last : max), 0n);
    const starts = [...new Set(ofFamily.map(i => i.first))].sort(compareBigInt);
    return starts.map((first, i) => ({ family, first, last: i + 1 < starts.length ? starts[i + 1] - 1n : end }));
  });
}

/** Flows keyed by `src|dst`, each external endpoint split into the cells of the refinement it covers. */
function flowsByPair(reach: Reachability, cells: readonly AddressInterval[]): Map<string, AllowedFlow> {
  const byPair = new Map<string, AllowedFlow>();
  for (const flow of reach.flows) {
    for (const src of refine(flow.src, cells)) {
      for (const dst of refine(flow.dst, cells)) {
        byPair.set(`${endpointId(src)}|${endpointId(dst)}`, { src, dst, conns: flow.conns });
      }
    }
  }
  return byPair;
}

function refine(endpoint: Endpoint, cells: readonly AddressInterval[]): Endpoint[] {
  if (endpoint.kind === 'workload') return [endpoint];
  const range = rangeInterval(endpoint.range);
  return cells
    .filter(c => c.family === range.family && range.first <= c.first && c.last <= range.last)
    .map(c => ({ kind: 'external', range: toIpRange(c) }));
}

/** Merge changes that differ only in adjacent external cells with the same before and after. */
function mergeAdjacentCells(changes: readonly FlowChange[]): FlowChange[] {
  const sorted = [...changes].sort((x, y) => compare(groupKey(x), groupKey(y)) || compareBigInt(externalFirst(x), externalFirst(y)));
  const merged: FlowChange[] = [];
  for (const change of sorted) {
    const last = merged[merged.length - 1];
    const joined = last && groupKey(last) === groupKey(change) ? join(last, change) : undefined;
    if (joined) merged[merged.length - 1] = joined;
    else merged.push(change);
  }
  return merged.sort((x, y) => compare(endpointId(x.src), endpointId(y.src)) || compare(endpointId(x.dst), endpointId(y.dst)));
}

/** The pair with its external end blanked out, plus what changed: changes with equal keys may merge. */
function groupKey(c: FlowChange): string {
  const id = (e: Endpoint) => (e.kind === 'external' ? `external/${e.range.family}` : endpointId(e));
  return [id(c.src), id(c.dst), c.before.toString(), c.after.toString()].join('|');
}

function externalOf(c: FlowChange): IpRange | undefined {
  if (c.src.kind === 'external') return c.src.range;
  return c.dst.kind === 'external' ? c.dst.range : undefined;
}

function externalFirst(c: FlowChange): bigint {
  const range = externalOf(c);
  return range ? rangeInterval(range).first : 0n;
}

/** `a` and `b` as one change when `b`'s external range starts right after `a`'s. */
function join(a: FlowChange, b: FlowChange): FlowChange | undefined {
  const ra = externalOf(a);
  const rb = externalOf(b);
  if (!ra || !rb) return undefined;
  const ia = rangeInterval(ra);
  const ib = rangeInterval(rb);
  if (ia.last + 1n !== ib.first) return undefined;
  const range: Endpoint = { kind: 'external', range: toIpRange({ family: ia.family, first: ia.first, last: ib.last }) };
  return a.src.kind === 'external' ? { ...a, src: range } : { ...a, dst: range };
}

function compareBigInt(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
