/**
 * The API versions the API server serves for the kinds the model reads. An object of another
 * version of the same group (`extensions/v1beta1` NetworkPolicy, `apps/v1beta2` Deployment,
 * `batch/v1beta1` CronJob) is refused by `kubectl apply` on any cluster since the version was
 * removed, so it is not in the cluster the analysis describes.
 */
import type { ObjectMeta } from './manifest-objects';

const SERVED: ReadonlyMap<string, string> = new Map([
  ['Namespace', 'v1'],
  ['Pod', 'v1'],
  ['ReplicationController', 'v1'],
  ['Deployment', 'apps/v1'],
  ['ReplicaSet', 'apps/v1'],
  ['StatefulSet', 'apps/v1'],
  ['DaemonSet', 'apps/v1'],
  ['Job', 'batch/v1'],
  ['CronJob', 'batch/v1'],
  ['NetworkPolicy', 'networking.k8s.io/v1'],
]);

/** The Kubernetes release that stopped serving each removed version, for the message. */
const REMOVED_IN: ReadonlyMap<string, string> = new Map([
  ['extensions/v1beta1', '1.16'],
  ['apps/v1beta1', '1.16'],
  ['apps/v1beta2', '1.16'],
  ['batch/v1beta1', '1.25'],
]);

/**
 * Why an object (already known to be of a kind and group the model reads) is not applied because
 * of its apiVersion, or undefined when its version is served (or not written).
 */
export function unservedVersionProblem(meta: ObjectMeta): string | undefined {
  const served = meta.kind === undefined ? undefined : SERVED.get(meta.kind);
  if (served === undefined || meta.apiVersion === undefined || meta.apiVersion === served) return undefined;
  const removed = REMOVED_IN.get(meta.apiVersion);
  const since = removed === undefined ? '' : ` (removed in Kubernetes ${removed})`;
  return `${meta.apiVersion} ${meta.kind} ${meta.kind === 'Namespace' ? '' : `${meta.namespace}/`}${meta.name} is not applied: `
    + `the API server no longer serves ${meta.apiVersion}${since}; left out of the analysis; use apiVersion: ${served}`;
}
