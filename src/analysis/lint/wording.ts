/**
 * The one way findings are worded: `<ns>/<name>: <field>: <what is wrong>`, so every rule
 * names the object and the field the same way.
 */
import type { Direction, LabelSelectorSpec, Policy, Workload } from '../model';
import { workloadId } from '../model';
import { describeSelector } from '../selector';
import type { Finding, LintRule, Severity } from './finding';
import type { ValidationProblem } from '../validation/problem';

export function policyRef(policy: Pick<Policy, 'namespace' | 'name'>): string {
  return `${policy.namespace}/${policy.name}`;
}

/** `spec.ingress` / `spec.egress`. */
export function rulesField(direction: Direction): string {
  return `spec.${direction === 'Ingress' ? 'ingress' : 'egress'}`;
}

/** `from` for ingress, `to` for egress. */
export function peersKey(direction: Direction): 'from' | 'to' {
  return direction === 'Ingress' ? 'from' : 'to';
}

/** `severity` defaults to the rule's; a rule may report a milder case of itself (e.g. a harmless duplicate). */
export function policyFinding(rule: LintRule, policy: Policy, field: string, text: string, fix: string, severity: Severity = rule.severity): Finding {
  return {
    ruleId: rule.id,
    severity,
    message: `${policyRef(policy)}: ${field}: ${text}`,
    fix,
    subject: { kind: 'NetworkPolicy', namespace: policy.namespace, name: policy.name },
    field,
    source: policy.source,
  };
}

/** A finding worded exactly as the shared validator words the problem (one wording for constructs, loader and lint). */
export function problemFinding(rule: LintRule, policy: Policy, problem: ValidationProblem, severity: Severity = rule.severity): Finding {
  return policyFinding(rule, policy, problem.field, `${problem.value} ${problem.message}`, problem.fix, severity);
}

export function workloadFinding(rule: LintRule, workload: Workload, text: string, fix: string): Finding {
  return {
    ruleId: rule.id,
    severity: rule.severity,
    message: `${workloadId(workload)}: ${text}`,
    fix,
    subject: { kind: workload.kind, namespace: workload.namespace, name: workload.name },
    source: workload.source,
  };
}

/**
 * `a, b and 2 more`: keeps a message on one line however many objects it is about. `total` is
 * how many there are when `items` lists only the first ones.
 */
export function listSome(items: readonly string[], max = 3, total = items.length): string {
  if (total <= max) return items.slice(0, max).join(', ');
  return `${items.slice(0, max).join(', ')} and ${total - max} more`;
}

/** `every pod in namespace shop` / `pods app=web in namespace shop`: the pods a selector stands for when no workload is known. */
export function podsIn(selector: LabelSelectorSpec, namespace: string): string {
  const text = describeSelector(selector);
  return text === '(all)' ? `every pod in namespace ${namespace}` : `pods ${text} in namespace ${namespace}`;
}
