/**
 * Endpoint groups (workload classes, external ranges) indexed by namespace and label, so that a
 * selector or a peer is tested only against the few groups it can possibly match: a peer without
 * a namespace selector only in its policy's namespace, one with a namespace selector only in the
 * namespaces it matches (each namespace tested once per selector), narrowed by the pod selector's
 * `matchLabels`/`In`/`Exists`; an ipBlock only among external ranges. The answers are exact: the
 * candidates are then tested with evaluation.ts' `peerMatches` and `matchesSelector`.
 *
 * Shared by reachability (side-index.ts) and the lint (lint/context.ts), so that both grow with
 * distinct label sets and policies, not with workloads squared.
 */
import { peerMatches, Subject } from './evaluation';
import { exact, NONE } from './lists';
import { memo } from './memo';
import type { LabelSelectorSpec, Labels, PeerSpec, Policy } from './model';
import { matchesSelector } from './selector';

/** Up to this many groups a namespace is scanned whole: testing each costs less than building its maps. */
const SCANNED = 8;

/** Groups of one namespace by label, to find the few a selector can match without testing all. */
export class LabelIndex {
  public readonly all: number[] = [];
  /** The labels of each group of `all`, until `seal` indexes them. */
  private pending: Labels[] = [];
  /** Absent for a namespace small enough to scan (`SCANNED`). */
  private maps?: {
    /** key → value → groups: nested, so that a lookup builds no key string. */
    readonly byLabel: Map<string, Map<string, number[]>>;
    readonly byKey: Map<string, number[]>;
  };

  public add(group: number, labels: Labels): void {
    this.all.push(group);
    this.pending.push(labels);
  }

  /** Indexes the groups once every group is added, with lists trimmed; a small namespace is left to be scanned. */
  public seal(): void {
    if (this.all.length > SCANNED) {
      const byLabel = new Map<string, Map<string, number[]>>();
      const byKey = new Map<string, number[]>();
      this.pending.forEach((labels, i) => {
        for (const key in labels) {
          if (!Object.hasOwn(labels, key)) continue;
          let values = byLabel.get(key);
          if (!values) byLabel.set(key, values = new Map());
          push(values, labels[key], this.all[i]);
          push(byKey, key, this.all[i]);
        }
      });
      const trim = (lists: Map<string, number[]>) => lists.forEach((list, key) => lists.set(key, exact(list)));
      byLabel.forEach(trim);
      trim(byKey);
      this.maps = { byLabel, byKey };
    }
    this.pending = NONE;
  }

  /** A superset of the groups `selector` matches: the shortest list a requirement allows (all of a scanned namespace). */
  public candidates(selector: LabelSelectorSpec): readonly number[] {
    let best: readonly number[] = this.all;
    const maps = this.maps;
    if (!maps) return best;
    const withLabel = (key: string, value: string) => maps.byLabel.get(key)?.get(value) ?? NONE;
    const matchLabels = selector.matchLabels;
    for (const key in matchLabels) {
      if (!Object.hasOwn(matchLabels, key)) continue;
      const list = withLabel(key, matchLabels[key]);
      if (list.length < best.length) best = list;
    }
    for (const req of selector.matchExpressions ?? []) {
      let list: readonly number[] | undefined;
      // A group has one value per key, so the lists of different values never share a group.
      if (req.operator === 'In') list = (req.values ?? []).flatMap(v => withLabel(req.key, v));
      if (req.operator === 'Exists') list = maps.byKey.get(req.key) ?? NONE;
      if (list && list.length < best.length) best = list;
    }
    return best;
  }
}

/** Up to this length a list is searched; longer ones get a set (a peer such as "every namespace"). */
const SHORT_LIST = 16;

export class GroupIndex {
  /** 0 … n-1: every group, for rules without peers. */
  public readonly everyGroup: readonly number[];
  private readonly byNamespace = new Map<string, LabelIndex>();
  private readonly namespaceLabels = new Map<string, Labels>();
  private readonly external: number[] = [];
  /**
   * `peerGroups` by peer object, for peers that name their namespaces (or an ipBlock): sides and lint
   * rules ask about a peer again. Policies of different namespaces may share a peer object (they
   * share a spec), so a peer of the policy's own namespace is memoised per namespace.
   */
  private readonly peerByObject = new Map<PeerSpec, readonly number[]>();
  private readonly ownNamespacePeers = new Map<string, Map<PeerSpec, readonly number[]>>();
  private readonly namespaceMemo = new Map<string, readonly string[]>();
  private readonly peerSets = new Map<readonly number[], ReadonlySet<number>>();

  public constructor(private readonly subjects: readonly Subject[]) {
    this.everyGroup = subjects.map((_, i) => i);
    subjects.forEach((subject, i) => {
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
    this.byNamespace.forEach(index => index.seal());
  }

  /** Whether any pod group is in `namespace`. */
  public hasPodsIn(namespace: string): boolean {
    return this.byNamespace.has(namespace);
  }

  /** The pod groups `policy`'s `spec.podSelector` selects: its namespace, matching labels, never hostNetwork pods. */
  public selectedBy(policy: Pick<Policy, 'namespace' | 'podSelector'>): readonly number[] {
    const index = this.byNamespace.get(policy.namespace);
    if (!index) return NONE;
    const candidates = index.candidates(policy.podSelector);
    const selected = candidates.filter(g => {
      const subject = this.subjects[g];
      return subject.kind === 'pod' && !subject.hostNetwork && matchesSelector(policy.podSelector, subject.podLabels);
    });
    // The lists are never changed: when every candidate is selected (`{}` in a small namespace), share it.
    return selected.length === candidates.length ? candidates : exact(selected);
  }

  /**
   * For each group, the policies isolating it in each direction, in model order: what
   * `PolicyContext.selectingPolicies` finds (same namespace, direction in policyTypes, podSelector
   * matching; hostNetwork pods and external ranges never), each policy tested only against the
   * groups its selector can match. `selected[i]` is what `selectedBy(policies[i])` returns.
   */
  public isolatingPolicies(policies: readonly Policy[]): { egress: Policy[][]; ingress: Policy[][]; selected: (readonly number[])[] } {
    const egress: Policy[][] = this.subjects.map(() => []);
    const ingress: Policy[][] = this.subjects.map(() => []);
    const selected = policies.map(policy => {
      const groups = this.selectedBy(policy);
      // Index loops: this runs once per policy, mostly before V8 optimises it, where for-of allocates per item.
      for (let d = 0; d < policy.policyTypes.length; d++) {
        const lists = policy.policyTypes[d] === 'Egress' ? egress : ingress;
        for (let i = 0; i < groups.length; i++) lists[groups[i]].push(policy);
      }
      return groups;
    });
    return { egress: egress.map(exact), ingress: ingress.map(exact), selected };
  }

  /** The groups one peer of `policy` matches, exactly (`peerMatches` on the indexed candidates). */
  public peerGroups(policy: Policy, peer: PeerSpec): readonly number[] {
    const own = !peer.ipBlock && !peer.namespaceSelector;
    const cache = own ? memo(this.ownNamespacePeers, policy.namespace, () => new Map<PeerSpec, readonly number[]>()) : this.peerByObject;
    return memo(cache, peer, () => {
      const candidates = this.peerCandidates(policy, peer);
      const matched = candidates.filter(g => peerMatches(policy, peer, this.subjects[g]));
      return matched.length === candidates.length ? candidates : exact(matched);
    });
  }

  /** Whether `peerGroups(policy, peer)` holds `group`; a long list is asked through a set. */
  public peerIncludes(policy: Policy, peer: PeerSpec, group: number): boolean {
    const groups = this.peerGroups(policy, peer);
    if (groups.length <= SHORT_LIST) return groups.includes(group);
    return memo(this.peerSets, groups, () => new Set(groups)).has(group);
  }

  private peerCandidates(policy: Policy, peer: PeerSpec): readonly number[] {
    if (peer.ipBlock) return this.external;
    if (!peer.namespaceSelector) return this.candidatesIn(policy.namespace, peer.podSelector);
    return this.namespacesMatching(peer.namespaceSelector).flatMap(ns => this.candidatesIn(ns, peer.podSelector));
  }

  private candidatesIn(namespace: string, podSelector: LabelSelectorSpec | undefined): readonly number[] {
    const index = this.byNamespace.get(namespace);
    if (!index) return NONE;
    return podSelector ? index.candidates(podSelector) : index.all;
  }

  private namespacesMatching(selector: NonNullable<PeerSpec['namespaceSelector']>): readonly string[] {
    return memo(this.namespaceMemo, JSON.stringify(selector), () =>
      [...this.namespaceLabels].filter(([, labels]) => matchesSelector(selector, labels)).map(([name]) => name));
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
