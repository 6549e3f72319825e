/**
 * Builders for the objects a preset is made of: a Namespace as the API server stores it, and a
 * workload reduced to what the analysis reads (pod labels, container ports, hostNetwork).
 */

/** A container port as the workload declares it. */
export interface PresetPort {
  readonly name: string;
  readonly port: number;
  readonly protocol: 'TCP' | 'UDP';
}

/** A Namespace with its labels, plus `kubernetes.io/metadata.name`, which the API server sets on every namespace. */
export function namespace(name: string, labels: Readonly<Record<string, string>> = {}): object {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { ...labels, 'kubernetes.io/metadata.name': name } } };
}

/** What a preset's workload looks like to the analysis. */
export interface PresetWorkloadProps {
  readonly kind: 'Deployment' | 'DaemonSet' | 'StatefulSet';
  readonly namespace: string;
  readonly name: string;
  readonly podLabels: Readonly<Record<string, string>>;
  /** One container's ports, by name. */
  readonly ports: readonly PresetPort[];
  /**
   * Whether the pods run in the node's network namespace.
   * @default false
   */
  readonly hostNetwork?: boolean;
}

export function workload(props: PresetWorkloadProps): object {
  return {
    apiVersion: 'apps/v1',
    kind: props.kind,
    metadata: { name: props.name, namespace: props.namespace },
    spec: {
      selector: { matchLabels: props.podLabels },
      template: {
        metadata: { labels: props.podLabels },
        spec: {
          ...(props.hostNetwork ? { hostNetwork: true } : {}),
          containers: [{ name: props.name, ports: props.ports.map(p => ({ name: p.name, containerPort: p.port, protocol: p.protocol })) }],
        },
      },
    },
  };
}

/** The ports of a DNS server listening on `port` (53, or 5353 on OpenShift), plus its metrics port. */
export function dnsPorts(port: number, metrics: number): PresetPort[] {
  return [{ name: 'dns', port, protocol: 'UDP' }, { name: 'dns-tcp', port, protocol: 'TCP' }, { name: 'metrics', port: metrics, protocol: 'TCP' }];
}
