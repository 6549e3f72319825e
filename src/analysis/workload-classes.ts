/**
 * Workloads that no policy can tell apart: same namespace (hence namespace labels), same pod
 * labels, same named ports, same hostNetwork. Reachability is computed once per pair of
 * classes, so its cost grows with distinct label sets, not with workloads squared.
 */
import { PodSubject, PolicyContext } from './evaluation';
import { keyPart } from './memo';
import type { ClusterModel, Workload } from './model';

export interface WorkloadClass {
  readonly subject: PodSubject;
  readonly workloads: readonly Workload[];
}

/** What tells classes apart, as one string (no two different workloads share it). */
function classKey(w: Workload): string {
  let key = `${w.hostNetwork}${keyPart(w.namespace)}`;
  for (const k of sorted(Object.keys(w.podLabels))) key += keyPart(k) + keyPart(w.podLabels[k]);
  key += '|';
  for (const port of sorted(w.namedPorts.map(p => keyPart(p.name) + keyPart(p.protocol) + p.port))) key += keyPart(port);
  return key;
}

/** The list in order: label keys and ports mostly come in order already, and V8's sort allocates even then. */
function sorted(keys: string[]): string[] {
  return keys.every((k, i) => i === 0 || keys[i - 1] < k) ? keys : keys.sort();
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
