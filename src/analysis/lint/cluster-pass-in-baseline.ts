/**
 * `Pass` in the Baseline tier: it skips the rest of the tier, and after the Baseline tier comes
 * the default, which allows (docs/cluster-network-policy.md, "Evaluation", step 3). It reads
 * like "hand over to someone else", but nobody is left: the traffic is allowed.
 */
import { clusterPolicyFinding, clusterRuleField, clusterRules, DIRECTIONS } from './cluster-wording';
import type { LintRule } from './finding';
import { ruleDocUrl } from './finding';

const ID = 'cluster-pass-in-baseline';

export const clusterPassInBaseline: LintRule = {
  id: ID,
  severity: 'warning',
  description: 'A Pass rule in the Baseline tier: it skips the rest of the tier, so the traffic goes to the default and is allowed.',
  docUrl: ruleDocUrl(ID),
  check: model => (model.clusterPolicies ?? [])
    .filter(policy => policy.tier === 'Baseline')
    .flatMap(policy => DIRECTIONS.flatMap(direction => clusterRules(policy, direction).flatMap((rule, index) => rule.action !== 'Pass' ? [] : [
      clusterPolicyFinding(clusterPassInBaseline, policy, `${clusterRuleField(direction, index)}.action`,
        'Pass in the Baseline tier skips the rest of the tier, and what comes next is the default: the traffic is allowed',
        'write Accept if the traffic should be allowed (what Pass does here, said plainly), or Deny if it should not'),
    ]))),
};
