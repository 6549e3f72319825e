/**
 * Rule 3: policies are a union with no deny rule (reference §2), so a rule that allows every
 * peer on every port (`ingress: [{}]`, `- {}` under egress, `from`/`to` missing or empty and
 * no `ports`) cancels any default deny on the same pods. A rule that admits everyone on
 * listed ports only (exposing a web port to the internet, recipe 08) is left alone.
 */
import type { Direction, Policy, RuleSpec } from '../model';
import { workloadId } from '../model';
import type { LintContext } from './context';
import { policySelects, representativeLabels } from './context';
import type { Finding, LintRule } from './finding';
import { ruleDocUrl } from './finding';
import { listSome, peersKey, podsIn, policyFinding, policyRef, rulesField } from './wording';

const ID = 'allow-all-cancels-deny';

export const allowAllCancelsDeny: LintRule = {
  id: ID,
  severity: 'error',
  description: 'A rule allows every peer on every port to pods that another policy default-denies, which silently cancels the deny.',
  docUrl: ruleDocUrl(ID),
  check: (model, context) => model.policies.flatMap(policy => (['Ingress', 'Egress'] as const)
    .filter(direction => policy.policyTypes.includes(direction))
    .flatMap(direction => rulesOf(policy, direction).flatMap((rule, ruleIndex) =>
      allowsEverything(rule) ? cancelledDenies(context, policy, direction, ruleIndex) : []))),
};

function cancelledDenies(context: LintContext, policy: Policy, direction: Direction, ruleIndex: number): Finding[] {
  const denies = context.model.policies.filter(other => other !== policy && deniesAll(other, direction));
  const field = `${rulesField(direction)}[${ruleIndex}]`;
  return denies.flatMap(deny => {
    const overlap = sharedPods(context, policy, deny);
    if (overlap.length === 0) return [];
    const what = direction === 'Ingress' ? 'every source' : 'every destination';
    return [policyFinding(allowAllCancelsDeny, policy, field,
      `allows ${what} on every port (no ${peersKey(direction)}, no ports) to ${listSome(overlap)}, which ${policyRef(deny)} default-denies; policies add up, so this cancels the deny`,
      `list the allowed peers in ${field}.${peersKey(direction)} and the ports, or remove the rule if the deny is what you want`)];
  });
}

/** The pods both policies select, as workload ids; or the plainest pod of the first when the namespace has no workloads. */
function sharedPods(context: LintContext, policy: Policy, other: Policy): string[] {
  if (!context.hasWorkloadsIn(policy.namespace)) {
    const labels = representativeLabels(policy.podSelector);
    return policySelects(other, policy.namespace, labels) ? [podsIn(policy.podSelector, policy.namespace)] : [];
  }
  const selectedByOther = new Set(context.selectedWorkloads(other));
  return context.selectedWorkloads(policy).filter(w => selectedByOther.has(w)).map(workloadId);
}

function rulesOf(policy: Policy, direction: Direction): readonly RuleSpec[] {
  return direction === 'Ingress' ? policy.ingress : policy.egress;
}

/** A default deny for this direction: isolates it and allows nothing. */
function deniesAll(policy: Policy, direction: Direction): boolean {
  return policy.policyTypes.includes(direction) && rulesOf(policy, direction).length === 0;
}

function allowsEverything(rule: RuleSpec): boolean {
  return rule.peers === undefined && rule.ports === undefined;
}
