/**
 * Rule 10: in a namespace that has policies, a workload no policy selects is not isolated in
 * either direction (docs/semantics.md §2: unselected pods allow everything) — usually a label that
 * drifted from the selectors, or a new workload nobody wrote a policy for.
 */
import type { LintRule } from './finding';
import { ruleDocUrl } from './finding';
import { workloadFinding } from './wording';

const ID = 'unprotected-workload';

export const unprotectedWorkload: LintRule = {
  id: ID,
  severity: 'warning',
  description: 'A workload that no policy selects while its namespace has policies: it accepts and sends anything.',
  docUrl: ruleDocUrl(ID),
  check: (model, context) => model.workloads
    .filter(w => !w.hostNetwork && context.hasPoliciesIn(w.namespace) && !context.isSelected(w))
    .map(w => workloadFinding(unprotectedWorkload, w,
      `no NetworkPolicy selects it although namespace ${w.namespace} has policies, so it accepts and sends any traffic`,
      'add a policy that selects its pod labels (e.g. a namespace-wide default deny with podSelector: {}) or fix its labels')),
};
