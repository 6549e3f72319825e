/**
 * The cluster policy tiers for reachability, group by group (cluster-evaluation.ts' semantics):
 * which policies select each group in each direction, and each peer's matching groups found once
 * (a scan of the groups per distinct peer), and each distinct verdict evaluated once
 * (`evaluateTiers`): the cost grows with group pairs a cluster policy selects (a key each) and
 * distinct answers, never with pod pairs.
 */
import { clusterPeerMatches, clusterPolicySelects, evaluateTiers, SelectingClusterPolicies, tierOrder } from './cluster-evaluation';
import type { ConnectionSet } from './connection-set';
import type { End } from './evaluation';
import { memo } from './memo';
import type { ClusterPeerSpec, ClusterPolicy, ClusterRuleSpec, Direction } from './model';

export class ClusterSideIndex {
  private readonly selecting: Record<Direction, (SelectingClusterPolicies | undefined)[]>;
  /** Groups a peer matches, by peer object: for Accept rules, and for Deny and Pass (they differ only for unknown peers). */
  private readonly peerGroups = { accept: new Map<ClusterPeerSpec, ReadonlySet<number>>(), other: new Map<ClusterPeerSpec, ReadonlySet<number>>() };
  /**
   * Verdicts by what they depend on: the policies selecting the group, which of their peers match
   * the other group, the NetworkPolicy side, and the destination's named ports when a rule names
   * one. Groups that no rule tells apart share one evaluation, so a policy selecting every
   * namespace costs one evaluation per distinct answer, not one per group pair.
   */
  private readonly verdicts = new Map<string, ConnectionSet>();
  private readonly ids = new Map<object, number>();
  /** The rules of a selecting set (one direction each, as interned), and whether any names a port. */
  private readonly rulesOf = new Map<SelectingClusterPolicies, { rules: readonly ClusterRuleSpec[]; named: boolean }>();

  public constructor(private readonly groups: readonly End[], policies: readonly ClusterPolicy[]) {
    const admin = tierOrder(policies, 'Admin');
    const baseline = tierOrder(policies, 'Baseline');
    const interned = new Map<string, SelectingClusterPolicies>();
    const selectingFor = (direction: Direction, end: End): SelectingClusterPolicies | undefined => {
      const applies = (p: ClusterPolicy) => (direction === 'Ingress' ? p.ingress : p.egress).length > 0 && clusterPolicySelects(p, end.subject);
      const found = { admin: admin.filter(applies), baseline: baseline.filter(applies) };
      if (found.admin.length + found.baseline.length === 0) return undefined;
      // Groups selected by the same policies share one object: its identity is part of the verdict key.
      const key = `${direction}|${[...found.admin, ...found.baseline].map(p => policies.indexOf(p)).join(',')}`;
      return memo(interned, key, () => found);
    };
    this.selecting = {
      Ingress: groups.map(end => selectingFor('Ingress', end)),
      Egress: groups.map(end => selectingFor('Egress', end)),
    };
  }

  /** Whether any cluster policy decides for group `g` in `direction` (else its NetworkPolicy side stands). */
  public has(direction: Direction, g: number): boolean {
    return this.selecting[direction][g] !== undefined;
  }

  /**
   * What group `g` allows in `direction` toward group `other`, through every tier; `np` is its
   * NetworkPolicy side toward `other` (side-index.ts). Only for a group that `has` policies.
   */
  public side(direction: Direction, g: number, other: number, np: { isolated: boolean; conns: ConnectionSet }): ConnectionSet {
    const selecting = this.selecting[direction][g]!;
    const dst = direction === 'Egress' ? other : g; // where named ports resolve
    const { rules, named } = memo(this.rulesOf, selecting, () => {
      const all = [...selecting.admin, ...selecting.baseline].flatMap(p => direction === 'Ingress' ? p.ingress : p.egress);
      return { rules: all, named: all.some(rule => rule.ports?.some(p => p.namedPort !== undefined)) };
    });
    let key = `${this.id(selecting)}|${np.isolated}|${this.id(np.conns)}|`;
    for (const rule of rules) {
      for (const peer of rule.peers) key += this.matched(peer, rule.action === 'Accept').has(other) ? '1' : '0';
    }
    if (named) key += `|${dst}`;
    return memo(this.verdicts, key, () => evaluateTiers(direction, selecting,
      (rule, peer) => this.matched(peer, rule.action === 'Accept').has(other), this.groups[dst].subject, np).conns);
  }

  private id(object: object): number {
    return memo(this.ids, object, () => this.ids.size);
  }

  private matched(peer: ClusterPeerSpec, accept: boolean): ReadonlySet<number> {
    const cache = accept ? this.peerGroups.accept : this.peerGroups.other;
    let groups = cache.get(peer);
    if (!groups) {
      const action = accept ? 'Accept' : 'Deny';
      groups = new Set(this.groups.flatMap((end, i) => clusterPeerMatches(peer, action, end.subject) ? [i] : []));
      cache.set(peer, groups);
    }
    return groups;
  }
}
