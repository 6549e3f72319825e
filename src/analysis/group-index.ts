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
import { exact } from './lists';
import { memo } from './memo';
import type { LabelSelectorSpec, Labels, PeerSpec, Policy } from './model';
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

  /** Trims the lists once every group is added. */
  public seal(): void {
    for (const lists of [this.byLabel, this.byKey]) {
      for (const [key, list] of lists) lists.set(key, exact(list));
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

/** Up to this length a list is searched; longer ones get a set (a peer such as "every namespace"). */
const SHORT_LIST = 16;

export class GroupIndex {
  /** 0 … n-1: every group, for rules without peers. */
  public readonly everyGroup: readonly number[];
  private readonly byNamespace = new Map<string, LabelIndex>();
  private readonly namespaceLabels = new Map<string, Labels>();
  private readonly external: number[] = [];
  /** `peerGroups` by peer object: a peer belongs to one policy, and sides and lint rules ask about it again. */
  private readonly peerByObject = new Map<PeerSpec, readonly number[]>();
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
   * groups its selector can match.
   */
  public isolatingPolicies(policies: readonly Policy[]): { egress: Policy[][]; ingress: Policy[][] } {
    const egress: Policy[][] = this.subjects.map(() => []);
    const ingress: Policy[][] = this.subjects.map(() => []);
    for (const policy of policies) {
      const selected = this.selectedBy(policy);
      for (const direction of policy.policyTypes) {
        const lists = direction === 'Egress' ? egress : ingress;
        for (const g of selected) lists[g].push(policy);
      }
    }
    return { egress: egress.map(exact), ingress: ingress.map(exact) };
  }

  /** The groups one peer of `policy` matches, exactly (`peerMatches` on the indexed candidates). */
  public peerGroups(policy: Policy, peer: PeerSpec): readonly number[] {
    return memo(this.peerByObject, peer, () => exact(this.peerCandidates(policy, peer).filter(g => peerMatches(policy, peer, this.subjects[g]))));
  }

  /** Whether `peerGroups(policy, peer)` holds `group`; a long list is asked through a set. */
  public peerIncludes(policy: Policy, peer: PeerSpec, group: number): boolean {
    const groups = this.peerGroups(policy, peer);
    if (groups.length <= SHORT_LIST) return groups.includes(group);
    return memo(this.peerSets, groups, () => new Set(groups)).has(group);
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

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
