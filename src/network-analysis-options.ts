/** How `NetworkAnalysis` reads the manifests it is given (the CLI's `--host-network` and `--context`). */

/** How pods with `hostNetwork: true` are read; Kubernetes leaves it to the network plugin. */
export enum HostNetwork {
  /** As node traffic: no policy selects them and pod or namespace selectors never match them (most plugins). */
  NODE = 'node',
  /** As ordinary pods, selected and matched by their labels, as np-guard's netpol-analyzer reads them. */
  POD = 'pod',
}

/** Options of every `NetworkAnalysis.from…` factory. */
export interface NetworkAnalysisOptions {
  /**
   * How pods with `hostNetwork: true` are read.
   * @default HostNetwork.NODE
   */
  readonly hostNetwork?: HostNetwork;

  /**
   * Cluster context presets added to the manifests: what the cluster runs beside them (CoreDNS,
   * an ingress controller, Prometheus), e.g. `['coredns', 'ingress-nginx']`. Objects the manifests
   * already have are not added again. Names and what each models: docs/cluster-context.md.
   * @default - none
   */
  readonly context?: string[];
}
