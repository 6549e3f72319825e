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
import { ConnectionSet } from './connection-set';
import { End, peerMatches, PodSubject, portsConns } from './evaluation';
import type { LabelSelectorSpec, Labels, PeerSpec, Policy, RuleSpec } from './model';
import { matchesSelector } from './selector';

/** Groups of one namespace by label, to find the few a selector can match without testing all. */
export class LabelIndex {
  public readonly all: number[] = [];
  private readonly byLabel = new Map<string, number[]>();
  private readonly byKey = new Map<string, number[]>();

  public add(group: number, labels: Labels): void {
    this.all.push(group);
    for (const key of Object.keys(labels)) {
      push(this.byLabel, `${key}\0${labels[key]}`, group);
      push(this.byKey, key, group);
    }
  }

  /** A superset of the groups `selector` matches: the shortest list a requirement allows. */
  public candidates(selector: LabelSelectorSpec): readonly number[] {
    let best: readonly number[] = this.all;
    const consider = (list: readonly number[]) => {
      if (list.length < best.length) best = list;
    };
    for (const [key, value] of Object.entries(selector.matchLabels ?? {})) consider(this.byLabel.get(`${key}\0${value}`) ?? []);
    for (const req of selector.matchExpressions ?? []) {
      // A group has one value per key, so the lists of different values never share a group.
      if (req.operator === 'In') consider((req.values ?? []).flatMap(v => this.byLabel.get(`${req.key}\0${v}`) ?? []));
      if (req.operator === 'Exists') consider(this.byKey.get(req.key) ?? []);
    }
    return best;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * For each pod subject, the policies isolating it in each direction, in model order: what
 * `PolicyContext.selectingPolicies` finds (same namespace, direction in policyTypes, podSelector
 * matching; hostNetwork pods never), but through a label index instead of testing every policy
 * of the namespace against every subject.
 */
export function selectingPolicies(policies: readonly Policy[], subjects: readonly PodSubject[]): { egress: Policy[][]; ingress: Policy[][] } {
  const byNamespace = new Map<string, LabelIndex>();
  subjects.forEach((subject, i) => {
    if (subject.hostNetwork) return;
    let index = byNamespace.get(subject.namespace);
    if (!index) byNamespace.set(subject.namespace, index = new LabelIndex());
    index.add(i, subject.podLabels);
  });
  const egress: Policy[][] = subjects.map(() => []);
  const ingress: Policy[][] = subjects.map(() => []);
  for (const policy of policies) {
    const index = byNamespace.get(policy.namespace);
    if (!index) continue;
    const selected = index.candidates(policy.podSelector).filter(i => matchesSelector(policy.podSelector, subjects[i].podLabels));
    for (const direction of policy.policyTypes) {
      const lists = direction === 'Egress' ? egress : ingress;
      for (const i of selected) lists[i].push(policy);
    }
  }
  return { egress, ingress };
}

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
  private readonly everyGroup: readonly number[];
  private readonly byNamespace = new Map<string, LabelIndex>();
  private readonly namespaceLabels = new Map<string, Labels>();
  private readonly external: number[] = [];
  private readonly peerMemo = new Map<string, readonly number[]>();
  /** The same, by the peer object (a peer belongs to one policy), to skip building the key again. */
  private readonly peerByObject = new Map<PeerSpec, readonly number[]>();
  private readonly namespaceMemo = new Map<string, readonly string[]>();
  private readonly egressMemo = new Map<number, SideAllows>();
  private readonly ingressMemo = new Map<number, SideAllows>();
  /** What a rule without named ports allows (toward any destination). */
  private readonly uniformMemo = new Map<RuleSpec, ConnectionSet>();
  /** What a rule with named ports allows toward each destination group. */
  private readonly namedMemo = new Map<RuleSpec, Map<number, ConnectionSet>>();
  public readonly algebra = new ConnectionAlgebra();

  public constructor(private readonly groups: readonly End[]) {
    this.everyGroup = groups.map((_, i) => i);
    groups.forEach((group, i) => {
      const subject = group.subject;
      if (subject.kind === 'external') {
        this.external.push(i);
        return;
      }
      let index = this.byNamespace.get(subject.namespace);
      if (!index) {
        index = new LabelIndex();
        this.byNamespace.set(subject.namespace, index);
        this.namespaceLabels.set(subject.namespace, subject.namespaceLabels);
      }
      index.add(i, subject.podLabels);
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
        const add = (other: number) => {
          const conns = this.ruleConns(rule, dstOf(other));
          const before = allowed.get(other);
          allowed.set(other, before ? this.algebra.union(before, conns) : conns);
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

  /** What `rule`'s ports allow toward group `dst` (evaluation.ts' `portsConns`), interned and computed once. */
  private ruleConns(rule: RuleSpec, dst: number): ConnectionSet {
    // Without named ports what a rule allows is the same toward every destination.
    if (!rule.ports?.some(p => typeof p.port === 'string')) {
      return memo(this.uniformMemo, rule, () => this.algebra.intern(portsConns(rule.ports, this.groups[dst].subject).conns));
    }
    const perGroup = memo(this.namedMemo, rule, () => new Map<number, ConnectionSet>());
    return memo(perGroup, dst, () => this.algebra.intern(portsConns(rule.ports, this.groups[dst].subject).conns));
  }

  /** The groups one peer of `policy` matches, exactly (`peerMatches` on the indexed candidates). */
  private peerGroups(policy: Policy, peer: PeerSpec): readonly number[] {
    return memo(this.peerByObject, peer, () => {
      // What peerMatches reads: the peer, and the policy's namespace only for a peer without a namespace selector.
      const namespace = peer.namespaceSelector ? null : policy.namespace;
      const key = JSON.stringify([peer.ipBlock ?? null, peer.namespaceSelector ?? null, peer.podSelector ?? null, namespace]);
      return memo(this.peerMemo, key, () => this.peerCandidates(policy, peer).filter(g => peerMatches(policy, peer, this.groups[g].subject)));
    });
  }

  private peerCandidates(policy: Policy, peer: PeerSpec): readonly number[] {
    if (peer.ipBlock) return this.external;
    const namespaces = peer.namespaceSelector ? this.namespacesMatching(peer.namespaceSelector) : [policy.namespace];
    return namespaces.flatMap(ns => {
      const index = this.byNamespace.get(ns);
      if (!index) return [];
      return peer.podSelector ? index.candidates(peer.podSelector) : index.all;
    });
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
