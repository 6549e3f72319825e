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

/** Groups of one namespace by label, to find the few a selector can match without testing all. */
export class LabelIndex {
  public readonly all: number[] = [];
  /** key → value → groups: nested, so that a lookup builds no key string. */
  private readonly byLabel = new Map<string, Map<string, number[]>>();
  private readonly byKey = new Map<string, number[]>();

  public add(group: number, labels: Labels): void {
    this.all.push(group);
    for (const key in labels) {
      if (!Object.hasOwn(labels, key)) continue;
      let values = this.byLabel.get(key);
      if (!values) this.byLabel.set(key, values = new Map());
      push(values, labels[key], group);
      push(this.byKey, key, group);
    }
  }

  /** Trims the lists once every group is added. */
  public seal(): void {
    const trim = (lists: Map<string, number[]>) => lists.forEach((list, key) => lists.set(key, exact(list)));
    this.byLabel.forEach(trim);
    trim(this.byKey);
  }

  /** A superset of the groups `selector` matches: the shortest list a requirement allows. */
  public candidates(selector: LabelSelectorSpec): readonly number[] {
    let best: readonly number[] = this.all;
    const matchLabels = selector.matchLabels;
    for (const key in matchLabels) {
      if (!Object.hasOwn(matchLabels, key)) continue;
      const list = this.withLabel(key, matchLabels[key]);
      if (list.length < best.length) best = list;
    }
    for (const req of selector.matchExpressions ?? []) {
      let list: readonly number[] | undefined;
      // A group has one value per key, so the lists of different values never share a group.
      if (req.operator === 'In') list = (req.values ?? []).flatMap(v => this.withLabel(req.key, v));
      if (req.operator === 'Exists') list = this.byKey.get(req.key) ?? NONE;
      if (list && list.length < best.length) best = list;
    }
    return best;
  }

  private withLabel(key: string, value: string): readonly number[] {
    return this.byLabel.get(key)?.get(value) ?? NONE;
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
  public selectedBy(policy: Pick<Policy, 'namespace' | 'podSelector'>): number[] {
    const index = this.byNamespace.get(policy.namespace);
    if (!index) return [];
    return exact(index.candidates(policy.podSelector).filter(g => {
      const subject = this.subjects[g];
      return subject.kind === 'pod' && !subject.hostNetwork && matchesSelector(policy.podSelector, subject.podLabels);
    }));
  }

  /**
   * For each group, the policies isolating it in each direction, in model order: what
   * `PolicyContext.selectingPolicies` finds (same namespace, direction in policyTypes, podSelector
   * matching; hostNetwork pods and external ranges never), each policy tested only against the
   * groups its selector can match. `selected[i]` is what `selectedBy(policies[i])` returns.
   */
  public isolatingPolicies(policies: readonly Policy[]): { egress: Policy[][]; ingress: Policy[][]; selected: number[][] } {
    const egress: Policy[][] = this.subjects.map(() => []);
    const ingress: Policy[][] = this.subjects.map(() => []);
    const selected = policies.map(policy => {
      const groups = this.selectedBy(policy);
      for (const direction of policy.policyTypes) {
        const lists = direction === 'Egress' ? egress : ingress;
        for (const g of groups) lists[g].push(policy);
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
