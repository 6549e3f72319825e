/**
 * Namespaces where no NetworkPolicy isolates any workload, in either direction: each of their
 * workloads may send anywhere and accept from anywhere (docs/semantics.md §2), so only the
 * other end's policies decide. `reach --collapse` draws each as one node.
 */
import { PolicyContext } from './evaluation';
import type { ClusterModel } from './model';
import { compare } from './model-builder';

export function unisolatedNamespaces(model: ClusterModel): string[] {
  const context = new PolicyContext(model);
  const isolated = new Set<string>();
  const all = new Set<string>();
  for (const workload of model.workloads) {
    all.add(workload.namespace);
    const subject = context.workloadSubject(workload);
    if (context.selectingPolicies('Egress', subject).length || context.selectingPolicies('Ingress', subject).length) isolated.add(workload.namespace);
  }
  return [...all].filter(ns => !isolated.has(ns)).sort(compare);
}
