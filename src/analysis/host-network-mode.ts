/**
 * How the analysis reads pods with `hostNetwork: true`, which Kubernetes leaves undefined
 * (docs/semantics.md §2, "hostNetwork pods are undefined"):
 *
 * - `node` (the default): as most CNIs do, their traffic is the node's. No policy isolates them,
 *   pod and namespace selectors never match them, named ports never resolve on them; only rules
 *   without peers match them.
 * - `pod`: as ordinary pods, selected and matched by their labels. This is how np-guard's
 *   netpol-analyzer reads them, so `--host-network pod` makes the two comparable.
 */
import type { ClusterModel } from './model';

export const HOST_NETWORK_MODES = ['node', 'pod'] as const;

export type HostNetworkMode = typeof HOST_NETWORK_MODES[number];

export function isHostNetworkMode(text: string): text is HostNetworkMode {
  return (HOST_NETWORK_MODES as readonly string[]).includes(text);
}

/** `model` as `mode` reads it: unchanged for `node`; for `pod`, every workload is an ordinary pod. */
export function withHostNetworkMode(model: ClusterModel, mode: HostNetworkMode): ClusterModel {
  if (mode === 'node' || !model.workloads.some(w => w.hostNetwork)) return model;
  return { ...model, workloads: model.workloads.map(w => (w.hostNetwork ? { ...w, hostNetwork: false } : w)) };
}
