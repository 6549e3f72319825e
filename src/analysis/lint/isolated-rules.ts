import type { Direction, Policy, RuleSpec } from '../model';

/**
 * Calls `visit` for each rule of each direction `policy` isolates (rules of another direction are
 * ignored by Kubernetes), with its index. A loop, not chained `filter`/`flatMap`: rules judged at
 * synth time walk every policy of a chart.
 */
export function forEachIsolatedRule(policy: Policy, visit: (direction: Direction, rule: RuleSpec, ruleIndex: number) => void): void {
  for (const direction of DIRECTIONS) {
    if (!policy.policyTypes.includes(direction)) continue;
    const rules = direction === 'Ingress' ? policy.ingress : policy.egress;
    for (let i = 0; i < rules.length; i++) visit(direction, rules[i], i);
  }
}

const DIRECTIONS: readonly Direction[] = ['Ingress', 'Egress'];
