/**
 * Random clusters for the property tests: a few namespaces and workloads whose labels and named
 * ports come from small pools, so that random selectors and named ports often match something.
 */
import fc from 'fast-check';

export type Protocol = 'TCP' | 'UDP' | 'SCTP';
export const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];

export type Labels = Readonly<Record<string, string>>;

export interface NamedPort {
  readonly name: string;
  readonly protocol: Protocol;
  readonly port: number;
}

export interface ClusterNamespace {
  readonly name: string;
  /** As written in the Namespace manifest; Kubernetes adds `kubernetes.io/metadata.name` itself. */
  readonly labels: Labels;
}

export interface ClusterWorkload {
  readonly namespace: string;
  readonly name: string;
  readonly labels: Labels;
  readonly namedPorts: readonly NamedPort[];
  readonly hostNetwork: boolean;
}

export interface Cluster {
  readonly namespaces: readonly ClusterNamespace[];
  readonly workloads: readonly ClusterWorkload[];
}

export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** `kube-system` and `openshift-dns` hold the DNS servers the DnsResolver presets select. */
export const NAMESPACE_NAMES = ['shop', 'data', 'kube-system', 'openshift-dns'] as const;

/** Label keys and the values they take; `k8s-app: kube-dns` and the OpenShift label make DNS servers. */
export const POD_LABELS: Readonly<Record<string, readonly string[]>> = {
  'app': ['web', 'api', 'db'],
  'tier': ['front', 'back'],
  'k8s-app': ['kube-dns'],
  'dns.operator.openshift.io/daemonset-dns': ['default'],
};
export const NAMESPACE_LABELS: Readonly<Record<string, readonly string[]>> = {
  team: ['a', 'b'],
  env: ['prod', 'dev'],
};

/** Names and protocols of container ports; each workload maps a name to its own number. */
const PORT_NAMES: ReadonlyArray<{ name: string; protocol: Protocol; numbers: number[] }> = [
  { name: 'http', protocol: 'TCP', numbers: [80, 8080] },
  { name: 'metrics', protocol: 'TCP', numbers: [9090, 9153] },
  { name: 'dns', protocol: 'UDP', numbers: [53, 5353] },
  { name: 'dns-tcp', protocol: 'TCP', numbers: [53, 5353] },
  { name: 'diameter', protocol: 'SCTP', numbers: [3868] },
];
export const PORT_NAME_POOL = PORT_NAMES.map(p => p.name);

/** A label map with some of `pool`'s keys, each with one of its values. */
export function labelsArbitrary(pool: Readonly<Record<string, readonly string[]>>): fc.Arbitrary<Labels> {
  const entries = Object.entries(pool).map(([key, values]) => [key, fc.constantFrom(...values)] as const);
  return fc.record(Object.fromEntries(entries), { requiredKeys: [] }) as fc.Arbitrary<Labels>;
}

const namedPortsArbitrary: fc.Arbitrary<NamedPort[]> = fc.subarray([...PORT_NAMES]).chain(chosen =>
  fc.tuple(...chosen.map(p => fc.constantFrom(...p.numbers).map(port => ({ name: p.name, protocol: p.protocol, port })))));

export function clusterArbitrary(options: { hostNetwork: boolean }): fc.Arbitrary<Cluster> {
  const namespaces = fc.tuple(...NAMESPACE_NAMES.map(name => labelsArbitrary(NAMESPACE_LABELS).map(labels => ({ name, labels }))));
  // hostNetwork pods are the exception in real clusters; one in five keeps most flows pod-to-pod.
  const hostNetwork = options.hostNetwork ? fc.integer({ min: 0, max: 4 }).map(n => n === 0) : fc.constant(false);
  const workload = fc.record({
    namespace: fc.constantFrom(...NAMESPACE_NAMES),
    labels: labelsArbitrary(POD_LABELS),
    namedPorts: namedPortsArbitrary,
    hostNetwork,
  });
  return fc.record({
    namespaces,
    workloads: fc.array(workload, { minLength: 1, maxLength: 6 }).map(list => list.map((w, i) => ({ ...w, name: `w${i}` }))),
  });
}

/** The cluster as manifests: a Namespace per namespace, a Deployment per workload. */
export function clusterManifests(cluster: Cluster): object[] {
  return [
    ...cluster.namespaces.map(ns => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns.name, labels: ns.labels } })),
    ...cluster.workloads.map(w => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: w.name, namespace: w.namespace },
      spec: {
        selector: { matchLabels: w.labels },
        template: {
          metadata: { labels: w.labels },
          spec: {
            hostNetwork: w.hostNetwork,
            containers: [{ name: 'main', image: 'example', ports: w.namedPorts.map(p => ({ name: p.name, containerPort: p.port, protocol: p.protocol })) }],
          },
        },
      },
    })),
  ];
}

/** A namespace's labels as selectors see them: its own plus its name. */
export function namespaceLabelsOf(cluster: Cluster, namespace: string): Labels {
  const labels = cluster.namespaces.find(ns => ns.name === namespace)?.labels ?? {};
  return { ...labels, [NAMESPACE_NAME_LABEL]: namespace };
}
