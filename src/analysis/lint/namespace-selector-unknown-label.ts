/**
 * Rule 7: `namespaceSelector: {matchLabels: {name: db}}` when no namespace carries a `name`
 * label but a namespace called `db` exists. Namespaces are not labelled with their name unless
 * someone does it; the control plane sets `kubernetes.io/metadata.name` (docs/semantics.md §2), which
 * is what the author almost certainly meant.
 */
import type { Direction, LabelSelectorSpec, Policy } from '../model';
import type { Finding, LintRule } from './finding';
import { ruleDocUrl } from './finding';
import { peersKey, policyFinding, rulesField } from './wording';

const ID = 'namespace-selector-unknown-label';
const NAME_LABEL = 'kubernetes.io/metadata.name';

export const namespaceSelectorUnknownLabel: LintRule = {
  id: ID,
  severity: 'warning',
  description: 'A namespaceSelector on a label no namespace carries, whose value is the name of a namespace that exists.',
  docUrl: ruleDocUrl(ID),
  check: model => {
    const namespaces: Namespaces = {
      names: new Set(model.namespaces.map(ns => ns.name)),
      labelKeys: new Set(model.namespaces.flatMap(ns => Object.keys(ns.labels))),
    };
    return model.policies.flatMap(policy => [
      ...checkRules(namespaces, policy, 'Ingress'),
      ...checkRules(namespaces, policy, 'Egress'),
    ]);
  },
};

/** The namespaces of the input: their names, and every label key one of them carries. */
interface Namespaces {
  readonly names: ReadonlySet<string>;
  readonly labelKeys: ReadonlySet<string>;
}

function checkRules(namespaces: Namespaces, policy: Policy, direction: Direction): Finding[] {
  const rules = direction === 'Ingress' ? policy.ingress : policy.egress;
  return rules.flatMap((rule, ruleIndex) => (rule.peers ?? []).flatMap((peer, peerIndex) => {
    if (peer.namespaceSelector === undefined) return [];
    const field = `${rulesField(direction)}[${ruleIndex}].${peersKey(direction)}[${peerIndex}].namespaceSelector`;
    return misusedNameLabels(namespaces, peer.namespaceSelector).map(({ key, value, within }) =>
      policyFinding(namespaceSelectorUnknownLabel, policy, `${field}.${within}`,
        `no namespace carries label '${key}', but namespace '${value}' exists, so this peer matches nothing`,
        `select the namespace by name with '${NAME_LABEL}: ${value}' (set by Kubernetes on every namespace)`));
  }));
}

/** Label requirements `key=value` where no namespace has `key` and a namespace is named `value`. */
function misusedNameLabels(namespaces: Namespaces, selector: LabelSelectorSpec): Array<{ key: string; value: string; within: string }> {
  const required = [
    ...Object.entries(selector.matchLabels ?? {}).map(([key, value]) => ({ key, values: [value], within: 'matchLabels' })),
    ...(selector.matchExpressions ?? []).filter(r => r.operator === 'In').map(r => ({ key: r.key, values: r.values ?? [], within: 'matchExpressions' })),
  ];
  return required
    .filter(({ key }) => key !== NAME_LABEL && !namespaces.labelKeys.has(key))
    .flatMap(({ key, values, within }) => values.filter(v => namespaces.names.has(v)).map(value => ({ key, value, within })));
}
