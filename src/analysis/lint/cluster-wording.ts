/**
 * How findings about cluster policies are worded: `<Kind> '<name>': <field>: <what is wrong>`,
 * the way the model's warnings name them (cluster-policy-warnings.ts). The subject has no
 * namespace: these policies are cluster-scoped.
 */
import { describeClusterPolicy } from '../cluster-policy-warnings';
import type { ClusterPolicy, ClusterRuleSpec, Direction } from '../model';
import type { Finding, LintRule } from './finding';

export function clusterPolicyFinding(rule: LintRule, policy: ClusterPolicy, field: string, text: string, fix: string): Finding {
  return {
    ruleId: rule.id,
    severity: rule.severity,
    message: `${describeClusterPolicy(policy)}: ${field}: ${text}`,
    fix,
    subject: { kind: policy.kind, namespace: '', name: policy.name },
    field,
    source: policy.source,
  };
}

/** `spec.ingress[2]`. */
export function clusterRuleField(direction: Direction, index: number): string {
  return `spec.${direction === 'Ingress' ? 'ingress' : 'egress'}[${index}]`;
}

/** The rules of one direction. */
export function clusterRules(policy: ClusterPolicy, direction: Direction): readonly ClusterRuleSpec[] {
  return direction === 'Ingress' ? policy.ingress : policy.egress;
}

export const DIRECTIONS: readonly Direction[] = ['Ingress', 'Egress'];
