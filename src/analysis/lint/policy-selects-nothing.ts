/**
 * Rule 5: a policy whose `spec.podSelector` matches no workload of its namespace protects
 * nothing, usually because of a typo in a label. Only judged when the input declares workloads
 * in that namespace: otherwise the pods may simply live in another repository. A selector that
 * matches workloads of another namespace is `policy-in-wrong-namespace`'s finding.
 */
import type { LintRule } from './finding';
import { ruleDocUrl } from './finding';
import { describeSelector } from '../selector';
import { matchedElsewhere } from './policy-in-wrong-namespace';
import { policyFinding } from './wording';

const ID = 'policy-selects-nothing';

export const policySelectsNothing: LintRule = {
  id: ID,
  severity: 'warning',
  description: 'A policy whose podSelector matches no workload in its namespace, while the input has workloads there.',
  docUrl: ruleDocUrl(ID),
  check: (model, context) => model.policies
    .filter(policy => context.hasWorkloadsIn(policy.namespace) && context.selectedWorkloads(policy).length === 0
      && matchedElsewhere(context, policy).length === 0)
    .map(policy => policyFinding(policySelectsNothing, policy, 'spec.podSelector',
      `${describeSelector(policy.podSelector)} matches no workload in namespace ${policy.namespace}, so the policy has no effect`,
      'fix the labels to match the pod template labels of the workload you mean (hostNetwork pods are never selected)')),
};
