/**
 * A Baseline Deny that never applies in the input: every pod its policy selects is isolated by
 * NetworkPolicy in that direction, and the NetworkPolicy layer decides everything that reaches
 * it for the pods it isolates, so no traffic of theirs reaches the Baseline tier
 * (docs/cluster-network-policy.md, "Evaluation", steps 2–3). Judged on the input's pods, one
 * class of alike workloads at a time (LintContext), and only when the input declares workloads
 * in every namespace the subject selects: pods deployed elsewhere may still depend on the deny.
 */
import { clusterSubjectSelects } from '../cluster-evaluation';
import type { ClusterPolicy, Direction } from '../model';
import { workloadId } from '../model';
import { matchesSelector } from '../selector';
import { clusterPolicyFinding, clusterRuleField, clusterRules, DIRECTIONS } from './cluster-wording';
import type { LintContext } from './context';
import type { Finding, LintRule } from './finding';
import { ruleDocUrl } from './finding';
import { listSome } from './wording';

const ID = 'cluster-baseline-deny-overridden';

export const clusterBaselineDenyOverridden: LintRule = {
  id: ID,
  severity: 'info',
  description: 'A Baseline Deny that never applies: every pod its policy selects in the input is isolated by NetworkPolicy in that direction, which decides first.',
  docUrl: ruleDocUrl(ID),
  check: (model, context) => (model.clusterPolicies ?? [])
    .filter(policy => policy.tier === 'Baseline')
    .flatMap(policy => {
      const namespaces = model.namespaces.filter(ns => matchesSelector(policy.subject.namespaceSelector, ns.labels));
      if (namespaces.length === 0 || !namespaces.every(ns => context.hasWorkloadsIn(ns.name))) return [];
      const selected = context.classes.flatMap(({ subject }, i) =>
        !subject.hostNetwork && clusterSubjectSelects(policy.subject, subject.namespaceLabels, subject.podLabels) ? [i] : []);
      if (selected.length === 0) return [];
      return DIRECTIONS.flatMap(direction => overridden(policy, direction, selected, context));
    }),
};

function overridden(policy: ClusterPolicy, direction: Direction, selected: readonly number[], context: LintContext): Finding[] {
  const index = clusterRules(policy, direction).findIndex(rule => rule.action === 'Deny');
  if (index < 0 || !selected.every(c => context.isIsolated(c, direction))) return [];
  const workloads = context.workloadsOf(selected).map(workloadId);
  const isolated = direction === 'Ingress' ? 'ingress-isolated' : 'egress-isolated';
  return [clusterPolicyFinding(clusterBaselineDenyOverridden, policy, clusterRuleField(direction, index),
    `this Deny (and any later one in ${direction.toLowerCase()}) never applies in the input: every pod the policy selects (${listSome(workloads)}) is ${isolated} by NetworkPolicy, which decides all of its ${direction.toLowerCase()} before the Baseline tier`,
    'nothing to fix if the deny is the safety net for namespaces yet to come; otherwise remove it, or narrow the subject to the namespaces without NetworkPolicies')];
}
