/**
 * What the analyzer computes: allowed flows and explanations. Plain data; rendering
 * (txt, json, csv, md, dot, mermaid) lives in src/render and only reads these.
 */
import type { TieredSide } from './cluster-evaluation';
import type { ConnectionSet } from './connection-set';
import { workloadId, type Direction, type Policy, type Protocol, type Workload } from './model';

/** A contiguous range of addresses outside the cluster, in one family. */
export interface IpRange {
  readonly family: 4 | 6;
  /** First and last address, canonical text form (`10.0.0.0`, `2001:db8::`). */
  readonly start: string;
  readonly end: string;
}

export type Endpoint =
  | { readonly kind: 'workload'; readonly workload: Workload }
  | { readonly kind: 'external'; readonly range: IpRange };

/** One allowed ordered pair and everything allowed between them. */
export interface AllowedFlow {
  readonly src: Endpoint;
  readonly dst: Endpoint;
  readonly conns: ConnectionSet;
}

export interface Reachability {
  /** Every pair with a non-empty connection set, sorted by `endpointId(src)`, then `endpointId(dst)`. */
  readonly flows: readonly AllowedFlow[];
  /**
   * The fine cut of the address space, at every boundary of every ipBlock (`cutAddressSpace`).
   * Every range a flow names is a union of consecutive ones of these (merged-ranges.ts).
   */
  readonly externalRanges: readonly IpRange[];
  /** What ingress controllers may open to the workloads Ingress/Route/HTTPRoute objects send to (ingress-paths.ts); undefined = not analysed. */
  readonly ingressFlows?: readonly IngressFlow[];
}

/** A connection an ingress controller may open to a backend workload, named `{controller}` in output. */
export interface IngressFlow {
  readonly controller: string;
  readonly dst: Workload;
  readonly conns: ConnectionSet;
}

/** A rule that allows (part of) the traffic. */
export interface RuleMatch {
  readonly policy: Policy;
  readonly direction: Direction;
  /** Index of the rule in `spec.ingress` / `spec.egress`. */
  readonly ruleIndex: number;
  /** What this rule allows between the pair. */
  readonly conns: ConnectionSet;
}

export type MissReason = 'no-peer-matched' | 'port-or-protocol-mismatch' | 'named-port-not-on-destination';

/** A rule of a policy selecting this end that does not allow the traffic, and why. */
export interface RuleMiss {
  readonly policy: Policy;
  readonly direction: Direction;
  readonly ruleIndex: number;
  readonly reason: MissReason;
  /** Human-readable detail, e.g. `peer selects app=frontend; source has app=web`. */
  readonly detail: string;
}

/** The verdict of one end: the source's egress or the destination's ingress. */
export interface SideExplanation {
  readonly direction: Direction;
  readonly endpoint: Endpoint;
  /** False when the end is external: no policy applies there. */
  readonly applies: boolean;
  /** True when some policy selects this end with this direction in its policyTypes. */
  readonly isolated: boolean;
  readonly selectingPolicies: readonly Policy[];
  readonly allowedBy: readonly RuleMatch[];
  readonly notAllowedBy: readonly RuleMiss[];
  /** What this end allows toward the other (everything when not isolated or not applicable). */
  readonly conns: ConnectionSet;
  /**
   * When cluster policies select this end in this direction: the verdict of each tier (Admin,
   * NetworkPolicy, Baseline, default), which `conns` is the result of. Undefined otherwise: the
   * NetworkPolicy layer (`isolated`, `allowedBy`) decides alone.
   */
  readonly tiers?: TieredSide;
}

export interface Explanation {
  readonly src: Endpoint;
  readonly dst: Endpoint;
  /** The port asked about, if any. */
  readonly query?: { readonly protocol: Protocol; readonly port: number };
  /** Whether the queried port (or, without a query, anything at all) is allowed. */
  readonly allowed: boolean;
  /** Everything allowed from src to dst: the intersection of both ends. */
  readonly conns: ConnectionSet;
  readonly egress: SideExplanation;
  readonly ingress: SideExplanation;
  /** Caveats that apply, e.g. hostNetwork pods, same workload. */
  readonly notes: readonly string[];
}

/** An external range as named in output: `10.0.0.0-10.255.255.255[External]`. */
export function ipRangeId(range: IpRange): string {
  return `${range.start}-${range.end}[External]`;
}

/** An endpoint as named in output: `ns/name[Kind]` or `a.b.c.d-e.f.g.h[External]`. */
export function endpointId(endpoint: Endpoint): string {
  return endpoint.kind === 'workload' ? workloadId(endpoint.workload) : ipRangeId(endpoint.range);
}
