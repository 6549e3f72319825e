/**
 * Rule 3: policies are a union with no deny rule (docs/semantics.md §2), so a rule that allows every
 * peer on every port (`ingress: [{}]`, `- {}` under egress, `from`/`to` missing or empty and
 * no `ports`) cancels any default deny on the same pods. A rule that admits everyone on
 * listed ports only (exposing a web port to the internet, recipe 08) is left alone.
 */
import type { Direction, Policy, RuleSpec } from '../model';
import type { LintContext } from './context';
import type { Finding, LintRule } from './finding';
import { ruleDocUrl } from './finding';
import { forEachIsolatedRule } from './isolated-rules';
import { sharedPods } from './shared-pods';
import { listSome, peersKey, policyFinding, policyRef, rulesField } from './wording';

const ID = 'allow-all-cancels-deny';

export const allowAllCancelsDeny: LintRule = {
  id: ID,
  severity: 'error',
  description: 'A rule allows every peer on every port to pods that another policy default-denies, which silently cancels the deny.',
  docUrl: ruleDocUrl(ID),
  check: (model, context) => {
    const findings: Finding[] = [];
    let denies: DeniesByNamespace | undefined;
    for (const policy of model.policies) {
      forEachIsolatedRule(policy, (direction, rule, ruleIndex) => {
        if (!allowsEverything(rule)) return;
        denies ??= deniesByNamespace(model.policies);
        const candidates = denies[direction].get(policy.namespace) ?? [];
        findings.push(...cancelledDenies(context, policy, direction, ruleIndex, candidates));
      });
    }
    return findings;
  },
};

/** Per direction and namespace, the policies that deny all of it: only those can share pods with an allow-all rule. */
type DeniesByNamespace = Record<Direction, Map<string, Policy[]>>;

function deniesByNamespace(policies: readonly Policy[]): DeniesByNamespace {
  const denies: DeniesByNamespace = { Ingress: new Map(), Egress: new Map() };
  for (const policy of policies) {
    for (const direction of policy.policyTypes) {
      if (rulesOf(policy, direction).length > 0) continue;
      const list = denies[direction].get(policy.namespace);
      if (list) list.push(policy);
      else denies[direction].set(policy.namespace, [policy]);
    }
  }
  return denies;
}

function cancelledDenies(context: LintContext, policy: Policy, direction: Direction, ruleIndex: number, denies: readonly Policy[]): Finding[] {
  const field = `${rulesField(direction)}[${ruleIndex}]`;
  return denies.filter(deny => deny !== policy).flatMap(deny => {
    const overlap = sharedPods(context, policy, deny);
    if (overlap.length === 0) return [];
    const what = direction === 'Ingress' ? 'every source' : 'every destination';
    return [policyFinding(allowAllCancelsDeny, policy, field,
      `allows ${what} on every port (no ${peersKey(direction)}, no ports) to ${listSome(overlap)}, which ${policyRef(deny)} default-denies; policies add up, so this cancels the deny`,
      `list the allowed peers in ${field}.${peersKey(direction)} and the ports, or remove the rule if the deny is what you want`)];
  });
}

function rulesOf(policy: Policy, direction: Direction): readonly RuleSpec[] {
  return direction === 'Ingress' ? policy.ingress : policy.egress;
}

function allowsEverything(rule: RuleSpec): boolean {
  return rule.peers === undefined && rule.ports === undefined;
}
