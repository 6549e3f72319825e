/**
 * What one cluster policy rule or subject is sure to cover of another, read from the selectors
 * alone (no workloads): the cluster lint rules judge per policy and rule, not per pod pair.
 * Every answer errs on "not covered" and "may overlap": a rule is called shadowed only when it
 * surely is, and two subjects disjoint only when they surely are.
 */
import { cidrInterval } from '../ip-ranges';
import type { ClusterPeerSpec, ClusterPodsSpec, ClusterPortSpec, ClusterRuleSpec, LabelSelectorRequirementSpec, LabelSelectorSpec } from '../model';

/** A selector as requirements only: `matchLabels` k=v is `k In [v]`. */
function requirements(selector: LabelSelectorSpec): LabelSelectorRequirementSpec[] {
  return [
    ...Object.entries(selector.matchLabels ?? {}).map(([key, value]) => ({ key, operator: 'In' as const, values: [value] })),
    ...(selector.matchExpressions ?? []),
  ];
}

/** Whether every label set meeting `narrow` also meets `wide`. */
function implies(narrow: LabelSelectorRequirementSpec, wide: LabelSelectorRequirementSpec): boolean {
  if (narrow.key !== wide.key) return false;
  const n = narrow.values ?? [];
  const w = wide.values ?? [];
  switch (wide.operator) {
    case 'In': return narrow.operator === 'In' && n.length > 0 && n.every(v => w.includes(v));
    case 'Exists': return (narrow.operator === 'In' && n.length > 0) || narrow.operator === 'Exists';
    case 'NotIn': return (narrow.operator === 'In' && n.every(v => !w.includes(v)))
      || (narrow.operator === 'NotIn' && w.every(v => n.includes(v))) || narrow.operator === 'DoesNotExist';
    case 'DoesNotExist': return narrow.operator === 'DoesNotExist';
    default: return false;
  }
}

/** Whether `wide` selects every object `narrow` selects: each of its requirements follows from one of `narrow`'s. */
export function selectorCovers(wide: LabelSelectorSpec, narrow: LabelSelectorSpec): boolean {
  const own = requirements(narrow);
  return requirements(wide).every(w => own.some(n => implies(n, w)));
}

/** Whether no label set meets both requirements. */
function contradicts(a: LabelSelectorRequirementSpec, b: LabelSelectorRequirementSpec): boolean {
  if (a.key !== b.key) return false;
  const [x, y] = a.operator === 'In' || a.operator === 'Exists' ? [a, b] : [b, a];
  const xv = x.values ?? [];
  const yv = y.values ?? [];
  if (x.operator === 'In' && y.operator === 'In') return !xv.some(v => yv.includes(v));
  if (x.operator === 'In' && y.operator === 'NotIn') return xv.every(v => yv.includes(v));
  return (x.operator === 'In' || x.operator === 'Exists') && y.operator === 'DoesNotExist';
}

/** Whether some label set could meet both selectors (no pair of their requirements contradicts). */
export function selectorsMayOverlap(a: LabelSelectorSpec, b: LabelSelectorSpec): boolean {
  const bs = requirements(b);
  return !requirements(a).some(x => bs.some(y => contradicts(x, y)));
}

const EVERYTHING: LabelSelectorSpec = {};

/** Whether the `wide` pods (subject or peer) include every pod of `narrow`. */
export function podsCover(wide: ClusterPodsSpec, narrow: ClusterPodsSpec): boolean {
  return selectorCovers(wide.namespaceSelector, narrow.namespaceSelector)
    && selectorCovers(wide.podSelector ?? EVERYTHING, narrow.podSelector ?? EVERYTHING);
}

/** Whether some pod could be in both (their selectors do not contradict). */
export function podsMayOverlap(a: ClusterPodsSpec, b: ClusterPodsSpec): boolean {
  return selectorsMayOverlap(a.namespaceSelector, b.namespaceSelector)
    && selectorsMayOverlap(a.podSelector ?? EVERYTHING, b.podSelector ?? EVERYTHING);
}

/** Whether every address of each CIDR of `narrow` is in some CIDR of `wide`. */
function networksCover(wide: readonly string[], narrow: readonly string[]): boolean {
  const intervals = wide.map(cidrInterval);
  return narrow.every(cidr => {
    const n = cidrInterval(cidr);
    return n !== undefined && intervals.some(w => w !== undefined && w.family === n.family && w.first <= n.first && n.last <= w.last);
  });
}

/** Whether the `wide` peer matches everything the `narrow` peer matches. */
function peerCovers(wide: ClusterPeerSpec, narrow: ClusterPeerSpec): boolean {
  // A peer of an unknown kind in an Accept matches nothing (ruleCovers took Deny and Pass).
  if (wide.unknown || narrow.unknown) return false;
  if (wide.pods && narrow.pods) return podsCover(wide.pods, narrow.pods);
  if (wide.networks && narrow.networks) return networksCover(wide.networks, narrow.networks);
  if (wide.nodes && narrow.nodes) return selectorCovers(wide.nodes, narrow.nodes);
  if (wide.domainNames && narrow.domainNames) return narrow.domainNames.every(name => wide.domainNames!.includes(name));
  return false;
}

/** Whether one port entry of `wide` matches everything the `narrow` entry matches. */
function portCovers(wide: ClusterPortSpec, narrow: ClusterPortSpec): boolean {
  if (wide.namedPort !== undefined || narrow.namedPort !== undefined) return wide.namedPort === narrow.namedPort;
  if (wide.protocol !== narrow.protocol) return false;
  if (wide.port === undefined) return true;
  if (narrow.port === undefined) return false;
  return wide.port <= narrow.port && (narrow.endPort ?? narrow.port) <= (wide.endPort ?? wide.port);
}

/** Whether rule `wide` matches all the traffic rule `narrow` matches (both of one direction, toward the same subject). */
export function ruleCovers(wide: ClusterRuleSpec, narrow: ClusterRuleSpec): boolean {
  // A Deny or Pass with a peer of a newer CRD fails closed as "Deny all": every peer, every port.
  if (wide.action !== 'Accept' && wide.peers.some(peer => peer.unknown)) return true;
  const ports = wide.ports === undefined
    || (narrow.ports !== undefined && narrow.ports.every(n => wide.ports!.some(w => portCovers(w, n))));
  return ports && narrow.peers.every(n => wide.peers.some(w => peerCovers(w, n)));
}

/** Whether the rule matches every pod (a `namespaces`/`pods` peer selecting all) on every port: it decides all pod traffic. */
export function decidesAllPodTraffic(rule: ClusterRuleSpec): boolean {
  if (rule.action !== 'Accept' && rule.peers.some(peer => peer.unknown)) return true;
  const everyPod: ClusterPodsSpec = { namespaceSelector: EVERYTHING };
  return rule.ports === undefined && rule.peers.some(peer => peer.pods !== undefined && podsCover(peer.pods, everyPod));
}
