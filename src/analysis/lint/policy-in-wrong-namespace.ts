/**
 * A policy selects pods of its own namespace only (docs/semantics.md §2). One whose podSelector
 * matches no workload there but matches workloads of another namespace was almost certainly
 * written for them and put in the wrong namespace (a missing `namespace:`, so it landed in
 * `default`): it protects nothing. Only selectors that name labels (`matchLabels` or `In`) are
 * judged: `{}` or a bare `Exists` match something everywhere and say nothing about intent.
 */
import type { LabelSelectorSpec, Policy, Workload } from '../model';
import { workloadId } from '../model';
import { describeSelector, matchesSelector } from '../selector';
import type { LintContext } from './context';
import type { LintRule } from './finding';
import { ruleDocUrl } from './finding';
import { listSome, policyFinding } from './wording';

const ID = 'policy-in-wrong-namespace';

export const policyInWrongNamespace: LintRule = {
  id: ID,
  severity: 'warning',
  description: 'A policy whose podSelector matches no workload of its own namespace but matches workloads of another namespace.',
  docUrl: ruleDocUrl(ID),
  check: (model, context) => model.policies.flatMap(policy => {
    const elsewhere = matchedElsewhere(context, policy);
    if (elsewhere.length === 0) return [];
    const namespaces = [...new Set(elsewhere.map(w => w.namespace))];
    return [policyFinding(policyInWrongNamespace, policy, 'spec.podSelector',
      `${describeSelector(policy.podSelector)} matches no workload in namespace ${policy.namespace}, but matches ${listSome(elsewhere.map(workloadId))} in namespace ${listSome(namespaces)}; `
        + 'a policy selects pods of its own namespace only, so this one has no effect',
      `set metadata.namespace to ${namespaces[0]}${namespaces.length > 1 ? ' (one copy per namespace)' : ''}`)];
  }),
};

/** Workloads of other namespaces the policy's selector would match, when it matches none of its own. */
export function matchedElsewhere(context: LintContext, policy: Policy): Workload[] {
  if (!namesLabels(policy.podSelector) || context.selectedWorkloads(policy).length > 0) return [];
  const classes = context.classes
    .map((c, i) => ({ subject: c.subject, i }))
    .filter(({ subject }) => subject.namespace !== policy.namespace && !subject.hostNetwork && matchesSelector(policy.podSelector, subject.podLabels))
    .map(({ i }) => i);
  return context.workloadsOf(classes);
}

function namesLabels(selector: LabelSelectorSpec): boolean {
  return Object.keys(selector.matchLabels ?? {}).length > 0 || (selector.matchExpressions ?? []).some(req => req.operator === 'In');
}
