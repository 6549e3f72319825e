/**
 * Questions several rules ask of the model (which workloads a policy selects, which policies
 * isolate a workload, which workloads a peer names), answered once per lint run through the
 * group index over workload classes (group-index.ts): the lint grows with distinct label sets
 * and policies, not with workloads squared.
 */
import type { ApiRejection } from './api-invalid';
import { ClusterContext } from '../cluster-evaluation';
import { End, PodSubject, PolicyContext } from '../evaluation';
import { GroupIndex } from '../group-index';
import type { IngressController } from '../ingress-controller';
import { NONE } from '../lists';
import { memo } from '../memo';
import type { ClusterModel, Direction, LabelSelectorSpec, Labels, PeerSpec, Policy, Workload } from '../model';
import { namespaceLabels } from '../model-builder';
import { matchesSelector } from '../selector';
import { SideIndex } from '../side-index';
import type { ValidationProblem } from '../validation/problem';
import { validateNetworkPolicy } from '../validation/validate-network-policy';
import { WorkloadClass, workloadClasses } from '../workload-classes';

export class LintContext {
  /** The analyzer's own evaluation context: rules about traffic ask it rather than re-deriving semantics. */
  public readonly policies: PolicyContext;
  /** Workloads that no rule can tell apart; a rule is judged once per class, not once per workload. */
  public readonly classes: readonly WorkloadClass[];
  private readonly classIndex = new Map<Workload, number>();
  private readonly modelOrder = new Map<Workload, number>();
  private readonly ends: readonly End[];
  private readonly index: GroupIndex;
  private readonly selectedWorkloadsMemo = new Map<Policy, readonly Workload[]>();
  private readonly problems = new Map<Policy, readonly ValidationProblem[]>();
  private readonly policyNamespaces: ReadonlySet<string>;
  /** The classes each policy's `spec.podSelector` selects, found with the isolating policies. */
  private readonly selectedClassesOf = new Map<Policy, readonly number[]>();
  private anySelected?: ReadonlySet<number>;
  private sideIndex?: SideIndex;
  private tiers?: ClusterContext;

  /**
   * @param validSpecs policy objects whose `spec` passes the validator with no problem (see LintOptions)
   * @param rejections fields of policies the loader left out of the model (see LintOptions)
   * @param ingressControllers the controllers ingress rules judge (see LintOptions)
   */
  constructor(
    public readonly model: ClusterModel,
    private readonly validSpecs?: WeakSet<object>,
    public readonly rejections: readonly ApiRejection[] = NONE,
    public readonly ingressControllers?: readonly IngressController[],
  ) {
    this.policies = new PolicyContext(model);
    this.classes = workloadClasses(model, this.policies);
    this.classes.forEach((c, i) => c.workloads.forEach(w => this.classIndex.set(w, i)));
    model.workloads.forEach((w, i) => this.modelOrder.set(w, i));
    this.index = new GroupIndex(this.classes.map(c => c.subject));
    const isolating = this.index.isolatingPolicies(model.policies);
    this.ends = this.classes.map((c, i) => ({ subject: c.subject, egressPolicies: isolating.egress[i], ingressPolicies: isolating.ingress[i] }));
    model.policies.forEach((p, i) => this.selectedClassesOf.set(p, isolating.selected[i]));
    this.policyNamespaces = new Set(model.policies.map(p => p.namespace));
  }

  /** The class of a workload of the model (an index into `classes`). */
  public classOf(workload: Workload): number {
    return this.classIndex.get(workload)!;
  }

  public subject(workload: Workload): PodSubject {
    return this.classes[this.classOf(workload)].subject;
  }

  /** The workload with the policies isolating it, as the analyzer's evaluation takes it. */
  public end(workload: Workload): End {
    return this.classEnd(this.classOf(workload));
  }

  public classEnd(workloadClass: number): End {
    return this.ends[workloadClass];
  }

  /** Whether some policy isolates the class in `direction`. */
  public isIsolated(workloadClass: number, direction: Direction): boolean {
    const end = this.ends[workloadClass];
    return (direction === 'Ingress' ? end.ingressPolicies : end.egressPolicies).length > 0;
  }

  /** What each class's own policies allow, per other class: reachability's sides (side-index.ts), each computed once. */
  public get sides(): SideIndex {
    return this.sideIndex ??= new SideIndex(this.ends, this.index);
  }

  /** The model's cluster policies by tier (cluster-tiers.ts asks them); undefined when the input has none. */
  public get clusterTiers(): ClusterContext | undefined {
    if (!this.model.clusterPolicies?.length) return undefined;
    return this.tiers ??= new ClusterContext(this.model.clusterPolicies);
  }

  /** Workloads the policy's `spec.podSelector` selects, in model order: same namespace, not hostNetwork (policies do not apply to node traffic). */
  public selectedWorkloads(policy: Policy): readonly Workload[] {
    return memo(this.selectedWorkloadsMemo, policy, () => this.workloadsOf(this.selectedClasses(policy)));
  }

  /** The classes a policy of the model selects with its `spec.podSelector` (see `selectedWorkloads`). */
  public selectedClasses(policy: Policy): readonly number[] {
    return this.selectedClassesOf.get(policy)!;
  }

  /** The classes any of `peers` (entries of one of `policy`'s rules) matches, in class order. */
  public peerClasses(policy: Policy, peers: readonly PeerSpec[]): readonly number[] {
    // The usual rule has one peer, whose groups the index keeps in class order: no copy to sort.
    const only = peers.length === 1 ? this.index.peerGroups(policy, peers[0]) : undefined;
    if (only && only.every((g, i) => i === 0 || only[i - 1] < g)) return only;
    const matched = new Set(peers.flatMap(peer => this.index.peerGroups(policy, peer)));
    return [...matched].sort((a, b) => a - b);
  }

  /** The workloads of the given classes, in model order. */
  public workloadsOf(classes: readonly number[]): Workload[] {
    return classes.flatMap(c => this.classes[c].workloads).sort((a, b) => this.modelOrder.get(a)! - this.modelOrder.get(b)!);
  }

  /** Policies that select the workload and have `direction` in their effective policyTypes. */
  public isolatingPolicies(workload: Workload, direction: Direction): readonly Policy[] {
    const end = this.end(workload);
    return direction === 'Ingress' ? end.ingressPolicies : end.egressPolicies;
  }

  /**
   * What the shared validator says about the policy's `spec` as written (rules that overlap it
   * report its words; none reads the validator's other findings). A spec known to be valid is not
   * validated again.
   */
  public specProblems(policy: Policy): readonly ValidationProblem[] {
    if (this.validSpecs?.has(policy.raw as object)) return NONE;
    return memo(this.problems, policy, () => validateNetworkPolicy(policy.raw).filter(problem => problem.field === 'spec' || problem.field.startsWith('spec.')));
  }

  /** True when the input declares at least one workload in the namespace. */
  public hasWorkloadsIn(namespace: string): boolean {
    return this.index.hasPodsIn(namespace);
  }

  /** Whether some policy's `spec.podSelector` selects the workload (whatever its policyTypes). */
  public isSelected(workload: Workload): boolean {
    this.anySelected ??= new Set(this.model.policies.flatMap(p => this.selectedClasses(p)));
    return this.anySelected.has(this.classOf(workload));
  }

  /** True when the input has at least one policy in the namespace. */
  public hasPoliciesIn(namespace: string): boolean {
    return this.policyNamespaces.has(namespace);
  }
}

/** The plainest pod `selector` selects in `namespace` (see `representativeLabels`), as the evaluation takes it. */
export function representativePod(model: ClusterModel, namespace: string, selector: LabelSelectorSpec): PodSubject {
  const labels = model.namespaces.find(ns => ns.name === namespace)?.labels ?? namespaceLabels(namespace);
  return { kind: 'pod', namespace, namespaceLabels: labels, podLabels: representativeLabels(selector), namedPorts: [], hostNetwork: false };
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
