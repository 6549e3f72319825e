/**
 * Rule 8: what `policyTypes` really isolates differs from what the policy looks like
 * (docs/semantics.md §1.6, §2 "Defaulting of policyTypes"):
 * - rules for a direction not in `policyTypes` are accepted and ignored (validator trap);
 * - `egress: []` without `policyTypes` looks like "deny all egress" but defaulting gives
 *   `[Ingress]` only, so the policy isolates no egress (what other NetworkPolicies and the
 *   cluster policies' tiers decide stands, all of it allowed when there are none);
 * - a duplicate entry in `policyTypes` (validator trap; harmless, so only a warning).
 */
import { field } from '../manifest-objects';
import type { Policy } from '../model';
import type { Finding, LintRule } from './finding';
import { ruleDocUrl } from './finding';
import { policyFinding, problemFinding } from './wording';
import type { ValidationProblem } from '../validation/problem';

const ID = 'policy-types-mismatch';

export const policyTypesMismatch: LintRule = {
  id: ID,
  severity: 'error',
  description: 'policyTypes isolates something other than what the rules suggest: ignored rules, `egress: []` that denies nothing, duplicate entries.',
  docUrl: ruleDocUrl(ID),
  check: (model, context) => {
    const findings: Finding[] = [];
    for (const policy of model.policies) {
      for (const problem of context.specProblems(policy)) {
        const finding = validatorFinding(policy, problem);
        if (finding) findings.push(finding);
      }
      const emptyEgress = emptyEgressFinding(policy);
      if (emptyEgress) findings.push(emptyEgress);
    }
    return findings;
  },
};

function validatorFinding(policy: Policy, problem: ValidationProblem): Finding | undefined {
  if (problem.field === 'spec.ingress' || problem.field === 'spec.egress') return problemFinding(policyTypesMismatch, policy, problem);
  if (problem.field.startsWith('spec.policyTypes[')) return problemFinding(policyTypesMismatch, policy, problem, 'warning');
  return undefined;
}

function emptyEgressFinding(policy: Policy): Finding | undefined {
  const spec = field(policy.raw, 'spec');
  const egress = field(spec, 'egress');
  // `policyTypes: []` is defaulted like a missing one.
  const types = field(spec, 'policyTypes');
  const typesGiven = Array.isArray(types) && types.length > 0;
  if (!Array.isArray(egress) || egress.length > 0 || typesGiven) return undefined;
  return policyFinding(policyTypesMismatch, policy, 'spec.egress',
    '[] without spec.policyTypes does not isolate egress: Kubernetes defaults policyTypes to [Ingress] when egress is empty, so this policy denies no egress (with no other policy isolating it and no cluster policy denying it, all egress is allowed)',
    'add spec.policyTypes: [Ingress, Egress] (or [Egress]) to deny all egress');
}
