/**
 * The namespaces and workloads an example needs so its reach table has something to show: plain
 * manifests, each in the namespace it names, added to the example's chart.
 */
import { Chart, JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';

/** A container port the analysis can resolve a named port against. */
export interface DemoPort {
  readonly name: string;
  readonly port: number;
  readonly protocol?: 'TCP' | 'UDP';
}

/** A Namespace with labels (namespaces that only need their name exist without one). */
export function namespace(chart: Chart, name: string, labels: { [key: string]: string }): void {
  const object = new kplus.k8s.KubeNamespace(chart, `namespace-${name}`, { metadata: { name, labels } });
  // A Namespace is cluster-scoped: drop the chart's namespace, which cdk8s adds to every object.
  object.addJsonPatch(JsonPatch.remove('/metadata/namespace'));
}

/**
 * A one-container Deployment `namespace/name` whose pods carry `labels` (its selector too).
 *
 * @param ref `namespace/name`
 */
export function app(chart: Chart, ref: string, labels: { [key: string]: string }, ports: DemoPort[] = []): void {
  const [ns, name] = ref.split('/');
  new kplus.k8s.KubeDeployment(chart, `deployment-${ns}-${name}`, {
    metadata: { name, namespace: ns },
    spec: {
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          containers: [{
            name,
            image: 'registry.k8s.io/pause:3.10',
            ports: ports.map(p => ({ name: p.name, containerPort: p.port, protocol: p.protocol ?? 'TCP' })),
          }],
        },
      },
    },
  });
}

/** CoreDNS as kubeadm installs it: `kube-system/coredns`, pods `k8s-app: kube-dns`. */
export function coreDns(chart: Chart): void {
  app(chart, 'kube-system/coredns', { 'k8s-app': 'kube-dns' }, [
    { name: 'dns', port: 53, protocol: 'UDP' },
    { name: 'dns-tcp', port: 53 },
  ]);
}
