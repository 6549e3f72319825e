/**
 * The kinds of object the analysis reads (the model and the lint rules). An object of any other
 * kind (a ConfigMap, a Secret, a Role) changes no answer, so a reader that has to render objects
 * to analyse them (the synth-time lint) may pass such objects over.
 */
import { CLUSTER_POLICY_GROUPS } from './cluster-policy-reader';
import { NAMESPACE_GROUPS } from './model-builder';
import { POLICY_GROUPS } from './policy-reader';
import { SERVICE_GROUPS } from './service-reader';
import { WORKLOAD_GROUPS } from './workload-reader';

const READ_KINDS: ReadonlySet<string> = new Set(
  [WORKLOAD_GROUPS, NAMESPACE_GROUPS, POLICY_GROUPS, SERVICE_GROUPS, CLUSTER_POLICY_GROUPS].flatMap(groups => [...groups.keys()]));

/** Whether objects of `kind` may change what the analysis answers (lists of any kind are read item by item). */
export function isReadKind(kind: string): boolean {
  return READ_KINDS.has(kind) || kind.endsWith('List');
}
