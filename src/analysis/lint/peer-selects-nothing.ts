/**
 * A peer that matches no pod of the input, in a rule of a policy that applies to pods: the peer
 * allows nothing, usually because of a typo in a label. Kubernetes reads a selector as "these
 * pods", whatever exists (docs/semantics.md §2), so nothing warns.
 *
 * The input rarely holds the whole cluster (a cdk8s app seldom contains kube-system), so a peer
 * is only judged where the input can answer for every pod it could match:
 * - a podSelector alone (the policy's namespace), when the input has workloads in that namespace;
 * - a namespaceSelector that selects namespaces by name only (`kubernetes.io/metadata.name`), with
 *   or without a podSelector, when every named namespace has workloads in the input.
 * Namespace selectors on other labels (or `{}`) can match namespaces the input does not show, and
 * ipBlocks match addresses outside it: those peers are never judged. A namespace named but absent
 * from the input is `namespace-name-typo`'s concern when its name is close to one that is present.
 */
import type { LabelSelectorSpec, PeerSpec, Policy } from '../model';
import type { LintContext } from './context';
import type { Finding, LintRule } from './finding';
import { ruleDocUrl } from './finding';
import { forEachIsolatedRule } from './isolated-rules';
import { peersKey, podsIn, policyFinding, rulesField } from './wording';

const ID = 'peer-selects-nothing';
const NAME_LABEL = 'kubernetes.io/metadata.name';

export const peerSelectsNothing: LintRule = {
  id: ID,
  severity: 'warning',
  description: 'A peer (pod selector, namespace selector by name, or both) that matches no pod of the input, where the input holds every pod it could match.',
  docUrl: ruleDocUrl(ID),
  check: (model, context) => {
    const findings: Finding[] = [];
    for (const policy of model.policies) {
      // A policy that selects nothing where workloads exist is another rule's finding; its peers carry nothing anyway.
      if (context.hasWorkloadsIn(policy.namespace) && context.selectedWorkloads(policy).length === 0) continue;
      forEachIsolatedRule(policy, (direction, rule, ruleIndex) => (rule.peers ?? []).forEach((peer, peerIndex) => {
        const namespaces = judgedNamespaces(context, policy, peer);
        if (namespaces === undefined || context.peerClasses(policy, [peer]).length > 0) return;
        const field = `${rulesField(direction)}[${ruleIndex}].${peersKey(direction)}[${peerIndex}]`;
        findings.push(policyFinding(peerSelectsNothing, policy, field,
          `${podsIn(peer.podSelector ?? {}, namespaces.join(', '))} match no workload of the input, which has workloads there, so this peer ${direction === 'Ingress' ? 'admits' : 'reaches'} nothing`,
          'fix the labels to match the pod template labels of the workload you mean (hostNetwork pods are never selected), or remove the peer'));
      }));
    }
    return findings;
  },
};

/** The namespaces the peer can match when the input holds all their workloads; undefined when the peer cannot be judged. */
export function judgedNamespaces(context: LintContext, policy: Policy, peer: PeerSpec): string[] | undefined {
  if (peer.ipBlock !== undefined || (peer.podSelector === undefined && peer.namespaceSelector === undefined)) return undefined;
  const namespaces = peer.namespaceSelector === undefined ? [policy.namespace] : namesOnly(peer.namespaceSelector);
  return namespaces && namespaces.length > 0 && namespaces.every(ns => context.hasWorkloadsIn(ns)) ? namespaces : undefined;
}

/** The namespaces a selector names when it selects by name and nothing else; undefined otherwise. */
function namesOnly(selector: LabelSelectorSpec): string[] | undefined {
  const labels = Object.keys(selector.matchLabels ?? {});
  const expressions = selector.matchExpressions ?? [];
  if (labels.some(key => key !== NAME_LABEL) || expressions.some(req => req.key !== NAME_LABEL || req.operator !== 'In')) return undefined;
  if (labels.length + expressions.length === 0) return undefined;
  const byLabel = labels.length > 0 ? [selector.matchLabels![NAME_LABEL]] : undefined;
  // Requirements AND together: a name must satisfy each of them.
  const sets = [...byLabel ? [byLabel] : [], ...expressions.map(req => req.values ?? [])];
  return sets[0].filter(name => sets.every(set => set.includes(name)));
}
