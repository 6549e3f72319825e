/**
 * Questions several rules ask of the model (which workloads a policy selects, which policies
 * isolate a workload), answered once per lint run and cached.
 */
import type { ValidationProblem } from '../../validation/problem';
import { validateNetworkPolicy } from '../../validation/validate-network-policy';
import { End, PodSubject, PolicyContext } from '../evaluation';
import type { ClusterModel, Direction, LabelSelectorSpec, Labels, Policy, Workload } from '../model';
import { matchesSelector } from '../selector';

export class LintContext {
  private readonly selected = new Map<Policy, readonly Workload[]>();
  private readonly problems = new Map<Policy, readonly ValidationProblem[]>();

  /** The analyzer's own evaluation context: rules about traffic ask it rather than re-deriving semantics. */
  public readonly policies: PolicyContext;

  constructor(public readonly model: ClusterModel) {
    this.policies = new PolicyContext(model);
  }

  public subject(workload: Workload): PodSubject {
    return this.policies.workloadSubject(workload);
  }

  /** The workload with the policies isolating it, as the analyzer's evaluation takes it. */
  public end(workload: Workload): End {
    return this.policies.end(this.subject(workload));
  }

  /** Workloads the policy's `spec.podSelector` selects: same namespace, not hostNetwork (policies do not apply to node traffic). */
  public selectedWorkloads(policy: Policy): readonly Workload[] {
    let workloads = this.selected.get(policy);
    if (workloads === undefined) {
      workloads = this.model.workloads.filter(w => policySelects(policy, w.namespace, w.podLabels) && !w.hostNetwork);
      this.selected.set(policy, workloads);
    }
    return workloads;
  }

  /** Policies that select the workload and have `direction` in their effective policyTypes. */
  public isolatingPolicies(workload: Workload, direction: Direction): readonly Policy[] {
    const end = this.end(workload);
    return direction === 'Ingress' ? end.ingressPolicies : end.egressPolicies;
  }

  /** What the shared validator says about the policy as written (rules that overlap it report its words). */
  public validationProblems(policy: Policy): readonly ValidationProblem[] {
    let problems = this.problems.get(policy);
    if (problems === undefined) {
      problems = validateNetworkPolicy(policy.raw);
      this.problems.set(policy, problems);
    }
    return problems;
  }

  /** True when the input declares at least one workload in the namespace. */
  public hasWorkloadsIn(namespace: string): boolean {
    return this.model.workloads.some(w => w.namespace === namespace);
  }
}

export function policySelects(policy: Policy, namespace: string, labels: Labels): boolean {
  return policy.namespace === namespace && matchesSelector(policy.podSelector, labels);
}

/**
 * The labels of the plainest pod a selector selects: its `matchLabels`, the first value of each
 * `In`, and a placeholder for each `Exists`. Stands in for "the pods this policy is about" when
 * the input has no workloads (a chart of policies only): if another selector does not match
 * this pod, it does not cover everything the first selector selects.
 */
export function representativeLabels(selector: LabelSelectorSpec): Labels {
  const labels: Record<string, string> = { ...selector.matchLabels };
  for (const req of selector.matchExpressions ?? []) {
    if (req.operator === 'In' && req.values?.length) labels[req.key] ??= req.values[0];
    if (req.operator === 'Exists') labels[req.key] ??= 'any';
  }
  return labels;
}
