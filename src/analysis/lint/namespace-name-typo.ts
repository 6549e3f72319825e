/**
 * A namespace selected by name (`kubernetes.io/metadata.name`, which the control plane sets on
 * every namespace, docs/semantics.md §2) that no namespace of the input has, while one with a
 * close name exists: almost always a typo, and the peer then matches nothing. Names far from
 * every input namespace are not reported: the namespace may simply be deployed from elsewhere
 * (kube-system, a platform team's namespaces).
 */
import { alternatives, closestNames } from '../closest-names';
import type { LabelSelectorSpec } from '../model';
import type { Finding, LintRule } from './finding';
import { ruleDocUrl } from './finding';
import { forEachIsolatedRule } from './isolated-rules';
import { peersKey, policyFinding, rulesField } from './wording';

const ID = 'namespace-name-typo';
const NAME_LABEL = 'kubernetes.io/metadata.name';

export const namespaceNameTypo: LintRule = {
  id: ID,
  severity: 'warning',
  description: 'A namespace selected by name that is not in the input, while a namespace with a close name is (did you mean …?).',
  docUrl: ruleDocUrl(ID),
  check: model => {
    const names = new Set(model.namespaces.map(ns => ns.name));
    const findings: Finding[] = [];
    for (const policy of model.policies) {
      forEachIsolatedRule(policy, (direction, rule, ruleIndex) => (rule.peers ?? []).forEach((peer, peerIndex) => {
        if (peer.namespaceSelector === undefined) return;
        const field = `${rulesField(direction)}[${ruleIndex}].${peersKey(direction)}[${peerIndex}].namespaceSelector`;
        for (const { name, within } of namesSelected(peer.namespaceSelector)) {
          if (names.has(name)) continue;
          const close = closestNames(name, names);
          if (close.length === 0) continue;
          findings.push(policyFinding(namespaceNameTypo, policy, `${field}.${within}`,
            `namespace '${name}' is not in the input, but ${close.map(n => `'${n}'`).join(', ')} ${close.length === 1 ? 'is' : 'are'}, so this peer matches nothing: did you mean ${alternatives(close)}?`,
            `select the namespace by its exact name: '${NAME_LABEL}: ${close[0]}'`));
        }
      }));
    }
    return findings;
  },
};

/** The namespace names a selector requires by the name label, and where (`matchLabels`, `matchExpressions[i]`). */
function namesSelected(selector: LabelSelectorSpec): Array<{ name: string; within: string }> {
  const names: Array<{ name: string; within: string }> = [];
  const byLabel = selector.matchLabels?.[NAME_LABEL];
  if (byLabel !== undefined && Object.hasOwn(selector.matchLabels!, NAME_LABEL)) names.push({ name: byLabel, within: 'matchLabels' });
  (selector.matchExpressions ?? []).forEach((req, i) => {
    if (req.key === NAME_LABEL && req.operator === 'In') for (const name of req.values ?? []) names.push({ name, within: `matchExpressions[${i}]` });
  });
  return names;
}
