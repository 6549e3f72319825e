import type { Policy } from '../model';
import { workloadId } from '../model';
import type { LintContext } from './context';
import { policySelects, representativeLabels } from './context';
import { podsIn } from './wording';

/**
 * The pods two policies of one namespace both select, as workload ids; or, when the input has no
 * workloads there (a chart of policies only), the plainest pod of the first if the second selects
 * it too.
 */
export function sharedPods(context: LintContext, policy: Policy, other: Policy): string[] {
  if (!context.hasWorkloadsIn(policy.namespace)) {
    const labels = representativeLabels(policy.podSelector);
    return policySelects(other, policy.namespace, labels) ? [podsIn(policy.podSelector, policy.namespace)] : [];
  }
  const selectedByOther = new Set(context.selectedWorkloads(other));
  return context.selectedWorkloads(policy).filter(w => selectedByOther.has(w)).map(workloadId);
}
