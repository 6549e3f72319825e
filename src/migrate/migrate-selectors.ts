/**
 * Subjects and peers (docs/migrate.md#the-mapping): v0.1.x and v1alpha2 write them
 * with the same fields, so they are copied after checking that nothing else is written.
 */
import { copy, objectAt, onlyKey, onlyKeys, prefixed } from './fields';

/** What v0.1.0's forms mean, and why a plain copy would change them. */
const V010_NAMESPACES = 'network-policy-api v0.1.0 wrote `namespaces` as a NamespaceSet; from v0.1.1 (and in v1alpha2) it is a label selector, and the API server prunes this field, so the peer would select every namespace';
/** The experimental label relations of v0.1.x, which v1alpha2 dropped. */
export const DROPPED_RELATIONS: Readonly<Record<string, string>> = {
  sameLabels: '`sameLabels` (experimental in network-policy-api v0.1.x) has no v1alpha2 equivalent: ClusterNetworkPolicy selects namespaces by their labels only; write one rule per label value, or keep this policy on v1alpha1',
  notSameLabels: '`notSameLabels` (experimental in network-policy-api v0.1.x) has no v1alpha2 equivalent: ClusterNetworkPolicy selects namespaces by their labels only; write one rule per label value, or keep this policy on v1alpha1',
};
const NAMESPACE_SET_FIELDS: Readonly<Record<string, string>> = {
  ...DROPPED_RELATIONS,
  namespaceSelector: `${V010_NAMESPACES}; write the selector itself as \`namespaces\``,
  notSelf: '`notSelf` (network-policy-api before v0.1.0) has no v1alpha2 equivalent; select the namespaces by their labels',
};

/** A `metav1.LabelSelector`, copied; the NamespaceSet fields of v0.1.0 are refused with why. */
export function labelSelector(value: unknown, field: string): object {
  const selector = objectAt(value, field, 'a label selector');
  onlyKeys(selector, field, ['matchLabels', 'matchExpressions'], NAMESPACE_SET_FIELDS);
  return copy(selector);
}

/** `{namespaceSelector, podSelector}`: a subject's or a peer's `pods`. */
export function namespacedPods(value: unknown, field: string): object {
  const pods = objectAt(value, field, '`{namespaceSelector, podSelector}`');
  onlyKeys(pods, field, ['namespaceSelector', 'podSelector'], {
    namespaces: `${V010_NAMESPACES}; write \`namespaceSelector\` and \`podSelector\``,
  });
  return {
    namespaceSelector: labelSelector(pods.namespaceSelector, prefixed(field, 'namespaceSelector')),
    podSelector: labelSelector(pods.podSelector, prefixed(field, 'podSelector')),
  };
}

/** `spec.subject`: exactly one of `namespaces` and `pods`, the same in both versions. */
export function subject(value: unknown, field: string): object {
  const written = objectAt(value, field, 'a subject');
  const key = onlyKey(written, field, ['namespaces', 'pods'], {
    namespaceSelector: 'a field of AdminNetworkPolicy before network-policy-api v0.1.0; write `namespaces`',
    namespaceAndPodSelector: 'a field of AdminNetworkPolicy before network-policy-api v0.1.0; write `pods`',
  });
  const at = prefixed(field, key);
  return key === 'namespaces' ? { namespaces: labelSelector(written.namespaces, at) } : { pods: namespacedPods(written.pods, at) };
}
