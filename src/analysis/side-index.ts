/**
 * What each group's own policies allow, toward every group its rules' peers match: for a source,
 * its egress per destination; for a destination, its ingress per source. A group whose direction is
 * not isolated allows everything (`'all'`). A connection is the source's egress AND the
 * destination's ingress, so only pairs present on an isolated side can be allowed.
 *
 * The rule semantics are evaluation.ts' (`peerMatches`, `portsConns`, a side = the union of its
 * matching rules, everything when not isolated), applied rule by rule instead of pair by pair:
 * a rule's peers are matched once against the groups they can possibly match, found through the
 * group index (group-index.ts).
 */
import { ConnectionSet } from './connection-set';
import { End, portsConns } from './evaluation';
import { GroupIndex } from './group-index';
import { memo } from './memo';
import type { PeerSpec, Policy, RuleSpec } from './model';

type Table = Map<ConnectionSet, Map<ConnectionSet, ConnectionSet>>;

/**
 * Unions and intersections of the few distinct connection sets a cluster has, each computed once:
 * results are interned by their canonical text, so equal sets are one object and memo hits.
 */
export class ConnectionAlgebra {
  private readonly interned = new Map<string, ConnectionSet>();
  private readonly unions: Table = new Map();
  private readonly intersections: Table = new Map();

  public intern(set: ConnectionSet): ConnectionSet {
    const text = set.toString();
    const known = this.interned.get(text);
    if (known) return known;
    this.interned.set(text, set);
    return set;
  }

  public union(a: ConnectionSet, b: ConnectionSet): ConnectionSet {
    return a === b ? a : this.memo(this.unions, a, b, () => a.union(b));
  }

  public intersect(a: ConnectionSet, b: ConnectionSet): ConnectionSet {
    return a === b ? a : this.memo(this.intersections, a, b, () => a.intersect(b));
  }

  private memo(table: Table, a: ConnectionSet, b: ConnectionSet, compute: () => ConnectionSet): ConnectionSet {
    let row = table.get(a);
    if (!row) table.set(a, row = new Map());
    let result = row.get(b);
    if (!result) row.set(b, result = this.intern(compute()));
    return result;
  }
}

/** What one side allows: everything (not isolated), or per other group (absent: nothing). */
export type SideAllows = 'all' | ReadonlyMap<number, ConnectionSet>;

export class SideIndex {
  private readonly index: GroupIndex;
  private readonly egressMemo = new Map<number, SideAllows>();
  private readonly ingressMemo = new Map<number, SideAllows>();
  /** What a rule without named ports allows (toward any destination). */
  private readonly uniformMemo = new Map<RuleSpec, ConnectionSet>();
  /** What a rule with named ports allows toward each destination group. */
  private readonly namedMemo = new Map<RuleSpec, Map<number, ConnectionSet>>();
  public readonly algebra = new ConnectionAlgebra();

  /** @param index the group index of `groups`' subjects, when the caller has built it already */
  public constructor(private readonly groups: readonly End[], index?: GroupIndex) {
    this.index = index ?? new GroupIndex(groups.map(group => group.subject));
  }

  /** What source group `s` may send, per destination group (named ports resolve on each destination). */
  public egress(s: number): SideAllows {
    return memo(this.egressMemo, s, () => this.side(this.groups[s].egressPolicies, p => p.egress, d => d));
  }

  /** What destination group `d` may receive, per source group (named ports resolve on `d` itself). */
  public ingress(d: number): SideAllows {
    return memo(this.ingressMemo, d, () => this.side(this.groups[d].ingressPolicies, p => p.ingress, () => d));
  }

  /**
   * Whether group `g`'s own policies in one direction allow any of `conns` (an interned set) toward
   * group `other`: what `egress(g).get(other)` or `ingress(g).get(other)` would say of one pair,
   * without building the whole side. A side is a union of rules, so the first rule matching
   * `other` whose connections overlap `conns` answers; not isolated, everything is allowed.
   */
  public allowsAny(direction: 'egress' | 'ingress', g: number, other: number, conns: ConnectionSet): boolean {
    const policies = direction === 'egress' ? this.groups[g].egressPolicies : this.groups[g].ingressPolicies;
    if (policies.length === 0) return true;
    const dst = direction === 'egress' ? other : g; // where named ports resolve
    for (const policy of policies) {
      for (const rule of direction === 'egress' ? policy.egress : policy.ingress) {
        if (rule.peers !== undefined && !this.anyPeerIncludes(policy, rule.peers, other)) continue;
        if (!this.algebra.intersect(this.ruleConns(rule, dst), conns).isEmpty()) return true;
      }
    }
    return false;
  }

  /** `peers.some(peer => index.peerIncludes(policy, peer, group))`, without a closure per call (allowsAny runs once per hop judged). */
  private anyPeerIncludes(policy: Policy, peers: readonly PeerSpec[], group: number): boolean {
    for (let i = 0; i < peers.length; i++) {
      if (this.index.peerIncludes(policy, peers[i], group)) return true;
    }
    return false;
  }

  /**
   * The union, over every rule of `policies` in one direction, of what the rule allows toward each
   * group its peers match. `dstOf(other)` is the group where named ports resolve.
   */
  private side(policies: readonly Policy[], rulesOf: (p: Policy) => readonly RuleSpec[], dstOf: (other: number) => number): SideAllows {
    if (policies.length === 0) return 'all';
    const allowed = new Map<number, ConnectionSet>();
    for (const policy of policies) {
      for (const rule of rulesOf(policy)) {
        const add = (other: number) => {
          const conns = this.ruleConns(rule, dstOf(other));
          const before = allowed.get(other);
          allowed.set(other, before ? this.algebra.union(before, conns) : conns);
        };
        if (rule.peers === undefined) {
          this.index.everyGroup.forEach(add); // from/to missing or empty: every peer
        } else {
          for (const peer of rule.peers) this.index.peerGroups(policy, peer).forEach(add);
        }
      }
    }
    return allowed;
  }

  /** What `rule`'s ports allow toward group `dst` (evaluation.ts' `portsConns`), interned and computed once. */
  public ruleConns(rule: RuleSpec, dst: number): ConnectionSet {
    const uniform = this.uniformMemo.get(rule);
    if (uniform) return uniform;
    // Without named ports what a rule allows is the same toward every destination.
    if (!rule.ports?.some(p => typeof p.port === 'string')) {
      return memo(this.uniformMemo, rule, () => this.algebra.intern(portsConns(rule.ports, this.groups[dst].subject).conns));
    }
    const perGroup = memo(this.namedMemo, rule, () => new Map<number, ConnectionSet>());
    return memo(perGroup, dst, () => this.algebra.intern(portsConns(rule.ports, this.groups[dst].subject).conns));
  }
}
