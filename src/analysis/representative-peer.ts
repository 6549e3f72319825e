/**
 * Representative peers (docs/exposure.md): the pods a rule peer selects by labels, standing for
 * every pod such labels may describe, in the input or not. One per distinct pair of selectors,
 * derived from the rules as np-guard netpol-analyzer derives them
 * (`pkg/netpol/eval/internal/k8s/netpol.go`, `pkg/netpol/eval/exposure.go`):
 *
 * - a peer with `namespaceSelector: {}` and no or an empty `podSelector` is the entire cluster,
 *   not a representative peer; such a rule gives no representative peer at all (np-guard stops
 *   reading the rule's peers there);
 * - a peer without `namespaceSelector` selects pods of the policy's own namespace, so its
 *   namespace selector is `kubernetes.io/metadata.name: <policy namespace>`;
 * - `ipBlock` peers and rules without peers name no labels: they give none.
 *
 * A rule peer stands for a representative peer only when it names exactly the same pods
 * ("full match"): its selector is empty, or has the same requirements (`app in (x)` is `app=x`).
 */
import type { Direction, LabelSelectorRequirementSpec, LabelSelectorSpec, PeerSpec, Policy } from './model';
import { NAMESPACE_NAME_LABEL } from './model-builder';
import { selectsAll } from './selector';

export interface RepresentativePeer {
  /** The namespaces it stands for; `{}` = every namespace. */
  readonly namespaceSelector: LabelSelectorSpec;
  /** The pods it stands for in them; `{}` = every pod. */
  readonly podSelector: LabelSelectorSpec;
  /** The one namespace it is in, when its namespace selector names exactly one by name. */
  readonly namespace?: string;
  /** `canonicalSelector(namespaceSelector)` and `canonicalSelector(podSelector)`. */
  readonly namespaceKey: string;
  readonly podKey: string;
  /** `namespaceKey/podKey`: equal keys, equal peers. */
  readonly key: string;
}

/** A rule of a policy, named by where it is written. */
export interface RuleRef {
  readonly policy: Policy;
  readonly direction: Direction;
  readonly ruleIndex: number;
}

/** Whether a peer selects every pod of every namespace (`namespaceSelector: {}`, no or an empty `podSelector`). */
export function isEntireCluster(peer: PeerSpec): boolean {
  return peer.namespaceSelector !== undefined && selectsAll(peer.namespaceSelector)
    && (peer.podSelector === undefined || selectsAll(peer.podSelector));
}

/** The representative peer a rule peer selects by labels; undefined for ipBlock and entire-cluster peers. */
export function representativePeerOf(policy: Policy, peer: PeerSpec): RepresentativePeer | undefined {
  if (peer.ipBlock || isEntireCluster(peer)) return undefined;
  const namespaceSelector = peer.namespaceSelector ?? { matchLabels: { [NAMESPACE_NAME_LABEL]: policy.namespace } };
  const podSelector = peer.podSelector ?? {};
  const [namespaceKey, podKey] = [canonicalSelector(namespaceSelector), canonicalSelector(podSelector)];
  return { namespaceSelector, podSelector, namespace: namedNamespace(namespaceSelector), namespaceKey, podKey, key: `${namespaceKey}/${podKey}` };
}

/**
 * Every representative peer of the policies' rules, once each, in the order first met (policies
 * in input order, ingress rules before egress rules, as np-guard reads them). Only rules of a
 * direction the policy isolates count.
 */
export function representativePeers(policies: readonly Policy[]): RepresentativePeer[] {
  const found = new Map<string, RepresentativePeer>();
  for (const policy of policies) {
    for (const direction of (['Ingress', 'Egress'] as const).filter(d => policy.policyTypes.includes(d))) {
      for (const rule of direction === 'Ingress' ? policy.ingress : policy.egress) {
        if (rule.peers === undefined || rule.peers.some(isEntireCluster)) continue;
        for (const peer of rule.peers) {
          const rep = representativePeerOf(policy, peer);
          if (rep && !found.has(rep.key)) found.set(rep.key, rep);
        }
      }
    }
  }
  return [...found.values()];
}

/**
 * The representative peers, indexed by their keys, to find those a `from`/`to` entry names
 * every pod of, and only by the same labels (np-guard's full match): each of its selectors is
 * missing or empty, or has the peer's requirements; without `namespaceSelector`, the peer is
 * in the policy's namespace.
 */
export class RepresentativeIndex {
  private readonly byNamespaceKey = new Map<string, number[]>();
  private readonly byNamespace = new Map<string, number[]>();
  private readonly every: readonly number[];

  public constructor(public readonly peers: readonly RepresentativePeer[]) {
    this.every = peers.map((_, i) => i);
    peers.forEach((rep, i) => {
      push(this.byNamespaceKey, rep.namespaceKey, i);
      if (rep.namespace !== undefined) push(this.byNamespace, rep.namespace, i);
    });
  }

  /** The peers (by index) that `peer` of `policy` stands for. */
  public standsFor(policy: Policy, peer: PeerSpec): readonly number[] {
    if (peer.ipBlock) return [];
    const { namespaceSelector: ns, podSelector: pod } = peer;
    const candidates = ns === undefined ? this.byNamespace.get(policy.namespace) ?? []
      : selectsAll(ns) ? this.every : this.byNamespaceKey.get(canonicalSelector(ns)) ?? [];
    if (pod === undefined || selectsAll(pod)) return candidates;
    const podKey = canonicalSelector(pod);
    return candidates.filter(i => this.peers[i].podKey === podKey);
  }

  /** Every peer (a rule without peers stands for all of them). */
  public all(): readonly number[] {
    return this.every;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * One text per meaning: requirements sorted, values sorted, `In` with one value read as `=`
 * (`app in (x)` and `app=x` are one selector). Selectors that mean the same through other
 * words (`In` of every value, contradictions) stay apart, as in np-guard.
 */
export function canonicalSelector(selector: LabelSelectorSpec): string {
  const requirements = [
    ...Object.keys(selector.matchLabels ?? {}).filter(k => Object.hasOwn(selector.matchLabels!, k)).map(k => `${k}=${selector.matchLabels![k]}`),
    ...(selector.matchExpressions ?? []).map(requirementText),
  ];
  return [...new Set(requirements)].sort().join(',');
}

function requirementText(req: LabelSelectorRequirementSpec): string {
  const values = [...(req.values ?? [])].sort();
  switch (req.operator) {
    case 'In': return values.length === 1 ? `${req.key}=${values[0]}` : `${req.key} in (${values.join(',')})`;
    case 'NotIn': return `${req.key} notin (${values.join(',')})`;
    case 'Exists': return req.key;
    default: return `!${req.key}`;
  }
}

/** The namespace a selector names by `kubernetes.io/metadata.name` alone. */
function namedNamespace(selector: LabelSelectorSpec): string | undefined {
  const keys = Object.keys(selector.matchLabels ?? {});
  const byNameOnly = keys.length === 1 && keys[0] === NAMESPACE_NAME_LABEL && !selector.matchExpressions?.length;
  return byNameOnly ? selector.matchLabels![NAMESPACE_NAME_LABEL] : undefined;
}
