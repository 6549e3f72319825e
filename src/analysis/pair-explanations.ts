/**
 * An explanation for every ordered pair of endpoints (allowed or denied), computed once per
 * pair of groups: each workload class (workload-classes.ts: same namespace, pod labels, named
 * ports and hostNetwork, so every policy rule treats its members alike) and each external range.
 *
 * Two pairs of the same two groups get the same explanation but for the names of the two ends:
 * `explain` words a workload by its id, its labels and its namespace, and members of one class
 * share all but the id. So the representative's explanation, with the ids swapped, is the
 * explanation of every pair of the two groups; the cost grows with distinct label sets squared,
 * not workloads squared.
 *
 * Squared is still too much for an estate of hundreds of distinct workloads (600 label sets:
 * 360,000 explanations, minutes and tens of MB), so at most `limit` pairs of groups are
 * explained: those with an allowed flow first (what a reader clicks on most), then the denied
 * ones in order, until the limit. The page offers the `explain` command for the others.
 */
import { PolicyContext } from './evaluation';
import { explain } from './explain';
import { externalRanges } from './ip-ranges';
import type { ClusterModel } from './model';
import { compare } from './model-builder';
import { endpointId, type Endpoint, type Explanation, type Reachability } from './results';
import { workloadClasses } from './workload-classes';

/** The explanation of one pair of groups, for its representative pair of endpoints. */
export interface GroupPairExplanation {
  readonly srcGroup: number;
  readonly dstGroup: number;
  /** Between the first member of each group (the second of the destination's when both groups are one). */
  readonly explanation: Explanation;
}

export interface PairExplanations {
  /** Every workload of the model, sorted by id, then every external range, low addresses first. */
  readonly endpoints: readonly Endpoint[];
  /** The group of each endpoint, by index in `endpoints`. */
  readonly groupOf: readonly number[];
  /**
   * One per pair of groups that has a pair of different endpoints with a workload at one end
   * at least (no policy applies between two external ranges), up to the limit.
   */
  readonly pairs: readonly GroupPairExplanation[];
  /** How many such pairs of groups the limit left unexplained. */
  readonly unexplained: number;
}

/** Pairs of groups explained by default: Online Boutique has 270; each takes about half a millisecond. */
export const EXPLAINED_GROUP_PAIRS_LIMIT = 10_000;

/** `reach` must be `model`'s (its flows say which pairs are allowed). */
export function explainPairs(model: ClusterModel, reach: Reachability, limit = EXPLAINED_GROUP_PAIRS_LIMIT): PairExplanations {
  const context = new PolicyContext(model);
  const workloads = workloadClasses(model, context).map(c => c.workloads.map((workload): Endpoint => ({ kind: 'workload', workload })));
  const ranges = externalRanges(model).map((range): Endpoint[] => [{ kind: 'external', range }]);
  const members = [...workloads, ...ranges];
  const groupOfId = new Map(members.flatMap((group, g) => group.map(e => [endpointId(e), g] as const)));
  const workloadOrder = workloads.flat().sort((a, b) => compare(endpointId(a), endpointId(b)));
  const endpoints = [...workloadOrder, ...ranges.flat()];
  const allowed = new Set(reach.flows.map(f => `${groupOfId.get(endpointId(f.src))},${groupOfId.get(endpointId(f.dst))}`));
  const candidates: { srcGroup: number; dstGroup: number; src: Endpoint; dst: Endpoint }[] = [];
  members.forEach((srcMembers, srcGroup) => members.forEach((dstMembers, dstGroup) => {
    const src = srcMembers[0];
    const dst = srcGroup === dstGroup ? dstMembers[1] : dstMembers[0];
    if (dst === undefined || (src.kind === 'external' && dst.kind === 'external')) return;
    candidates.push({ srcGroup, dstGroup, src, dst });
  }));
  const isAllowed = (c: { srcGroup: number; dstGroup: number }) => allowed.has(`${c.srcGroup},${c.dstGroup}`);
  const chosen = [...candidates.filter(isAllowed), ...candidates.filter(c => !isAllowed(c))].slice(0, limit);
  return {
    endpoints,
    groupOf: endpoints.map(e => groupOfId.get(endpointId(e))!),
    pairs: chosen.map(({ srcGroup, dstGroup, src, dst }) => ({ srcGroup, dstGroup, explanation: explain(model, src, dst) })),
    unexplained: candidates.length - chosen.length,
  };
}
