/**
 * The cluster policy tiers for reachability, group by group (cluster-evaluation.ts' semantics):
 * which policies select each group in each direction, and each peer's matching groups found once
 * (a scan of the groups per distinct peer), so that a side costs one `evaluateTiers` per group
 * pair the group's policies can touch, never per pod pair.
 */
import { clusterPeerMatches, clusterPolicySelects, evaluateTiers, SelectingClusterPolicies, tierOrder } from './cluster-evaluation';
import type { ConnectionSet } from './connection-set';
import type { End } from './evaluation';
import type { ClusterPeerSpec, ClusterPolicy, Direction } from './model';

export class ClusterSideIndex {
  private readonly selecting: Record<Direction, (SelectingClusterPolicies | undefined)[]>;
  /** Groups a peer matches, by peer object: for Accept rules, and for Deny and Pass (they differ only for unknown peers). */
  private readonly peerGroups = { accept: new Map<ClusterPeerSpec, ReadonlySet<number>>(), other: new Map<ClusterPeerSpec, ReadonlySet<number>>() };

  public constructor(private readonly groups: readonly End[], policies: readonly ClusterPolicy[]) {
    const admin = tierOrder(policies, 'Admin');
    const baseline = tierOrder(policies, 'Baseline');
    const selectingFor = (direction: Direction, end: End): SelectingClusterPolicies | undefined => {
      const applies = (p: ClusterPolicy) => (direction === 'Ingress' ? p.ingress : p.egress).length > 0 && clusterPolicySelects(p, end.subject);
      const found = { admin: admin.filter(applies), baseline: baseline.filter(applies) };
      return found.admin.length + found.baseline.length === 0 ? undefined : found;
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
    const dst = direction === 'Egress' ? other : g; // where named ports resolve
    return evaluateTiers(direction, this.selecting[direction][g]!, (rule, peer) => this.matched(peer, rule.action === 'Accept').has(other),
      this.groups[dst].subject, np).conns;
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
