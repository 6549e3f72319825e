/**
 * Workloads that no policy can tell apart: same namespace (hence namespace labels), same pod
 * labels, same named ports, same hostNetwork. Reachability is computed once per pair of
 * classes, so its cost grows with distinct label sets, not with workloads squared.
 */
import { PodSubject, PolicyContext } from './evaluation';
import type { ClusterModel, Workload } from './model';

export interface WorkloadClass {
  readonly subject: PodSubject;
  readonly workloads: readonly Workload[];
}

function classKey(w: Workload): string {
  const labels = Object.keys(w.podLabels).sort().map(k => [k, w.podLabels[k]]);
  const ports = w.namedPorts.map(p => `${p.name}/${p.protocol}/${p.port}`).sort();
  return JSON.stringify([w.namespace, labels, ports, w.hostNetwork]);
}

export function workloadClasses(model: ClusterModel, context: PolicyContext): WorkloadClass[] {
  const classes = new Map<string, { subject: PodSubject; workloads: Workload[] }>();
  for (const w of model.workloads) {
    const key = classKey(w);
    const existing = classes.get(key);
    if (existing) existing.workloads.push(w);
    else classes.set(key, { subject: context.workloadSubject(w), workloads: [w] });
  }
  return [...classes.values()];
}
