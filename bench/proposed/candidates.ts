/**
 * What each group's own policies allow, toward every group its rules' peers match: for a source,
 * its egress per destination; for a destination, its ingress per source. A group whose direction is
 * not isolated allows everything (`'all'`). A connection is the source's egress AND the
 * destination's ingress, so only pairs present on an isolated side can be allowed.
 *
 * The rule semantics are evaluation.ts' (`peerMatches`, `portsConns`, a side = the union of its
 * matching rules, everything when not isolated), applied rule by rule instead of pair by pair:
 * a rule's peers are matched once against the groups they can possibly match, found through an
 * index — a peer without a namespace selector only in its policy's namespace, one with a namespace
 * selector only in the namespaces it matches (each namespace tested once per selector), an ipBlock
 * only among external ranges — and peers with the same text (in the same namespace) share the result.
 */
import { ConnectionSet } from '../../src/analysis/connection-set';
import { End, peerMatches, portsConns } from '../../src/analysis/evaluation';
import type { Labels, PeerSpec, Policy, RuleSpec } from '../../src/analysis/model';
import { matchesSelector } from '../../src/analysis/selector';

/** What one side allows: everything (not isolated), or per other group (absent: nothing). */
export type SideAllows = 'all' | ReadonlyMap<number, ConnectionSet>;

export class SideIndex {
  private readonly everyGroup: readonly number[];
  private readonly byNamespace = new Map<string, number[]>();
  private readonly namespaceLabels = new Map<string, Labels>();
  private readonly external: number[] = [];
  private readonly peerMemo = new Map<string, readonly number[]>();
  private readonly namespaceMemo = new Map<string, readonly string[]>();
  private readonly egressMemo = new Map<number, SideAllows>();
  private readonly ingressMemo = new Map<number, SideAllows>();

  public constructor(private readonly groups: readonly End[]) {
    this.everyGroup = groups.map((_, i) => i);
    groups.forEach((group, i) => {
      const subject = group.subject;
      if (subject.kind === 'external') {
        this.external.push(i);
        return;
      }
      const list = this.byNamespace.get(subject.namespace);
      if (list) list.push(i);
      else this.byNamespace.set(subject.namespace, [i]);
      this.namespaceLabels.set(subject.namespace, subject.namespaceLabels);
    });
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
   * The union, over every rule of `policies` in one direction, of what the rule allows toward each
   * group its peers match. `dstOf(other)` is the group where named ports resolve.
   */
  private side(policies: readonly Policy[], rulesOf: (p: Policy) => readonly RuleSpec[], dstOf: (other: number) => number): SideAllows {
    if (policies.length === 0) return 'all';
    const allowed = new Map<number, ConnectionSet>();
    for (const policy of policies) {
      for (const rule of rulesOf(policy)) {
        // Without named ports what a rule allows is the same toward every destination.
        const uniform = rule.ports?.some(p => typeof p.port === 'string') ? undefined : portsConns(rule.ports, this.groups[0].subject).conns;
        const add = (other: number) => {
          const conns = uniform ?? portsConns(rule.ports, this.groups[dstOf(other)].subject).conns;
          const before = allowed.get(other);
          allowed.set(other, before ? before.union(conns) : conns);
        };
        if (rule.peers === undefined) {
          this.everyGroup.forEach(add); // from/to missing or empty: every peer
        } else {
          for (const peer of rule.peers) this.peerGroups(policy, peer).forEach(add);
        }
      }
    }
    return allowed;
  }

  /** The groups one peer of `policy` matches, exactly (`peerMatches` on the indexed candidates). */
  private peerGroups(policy: Policy, peer: PeerSpec): readonly number[] {
    // What peerMatches reads: the peer, and the policy's namespace only for a peer without a namespace selector.
    const key = JSON.stringify([peer.ipBlock ?? null, peer.namespaceSelector ?? null, peer.podSelector ?? null, peer.namespaceSelector ? null : policy.namespace]);
    return memo(this.peerMemo, key, () => this.peerCandidates(policy, peer).filter(g => peerMatches(policy, peer, this.groups[g].subject)));
  }

  private peerCandidates(policy: Policy, peer: PeerSpec): readonly number[] {
    if (peer.ipBlock) return this.external;
    if (!peer.namespaceSelector) return this.byNamespace.get(policy.namespace) ?? [];
    return this.namespacesMatching(peer.namespaceSelector).flatMap(ns => this.byNamespace.get(ns) ?? []);
  }

  private namespacesMatching(selector: NonNullable<PeerSpec['namespaceSelector']>): readonly string[] {
    return memo(this.namespaceMemo, JSON.stringify(selector), () =>
      [...this.namespaceLabels].filter(([, labels]) => matchesSelector(selector, labels)).map(([name]) => name));
  }
}

function memo<K, V>(cache: Map<K, V>, key: K, compute: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute();
    cache.set(key, value);
  }
  return value;
}
