import { ApiObject, Chart, Testing } from 'cdk8s';
import { AllowFrom, AllowTo, Peer, PodSelector, Port } from '../../src';
import { appManifests, chartManifests } from '../../src/chart-manifests';

/** A chart in a fresh app, in namespace `shop` unless told otherwise (`null`: no namespace). */
export function makeChart(namespace: string | null = 'shop'): Chart {
  return new Chart(Testing.app(), 'test', { namespace: namespace ?? undefined });
}

/**
 * The manifests a chart writes, as plain objects: what `Testing.synth` returns, without the
 * app-wide validation it runs first. The constructs register the synth-time network lint, which
 * fails on a chart that is only a part of the picture (a DefaultDeny without its DnsEgress); these
 * tests are about what each construct writes, and the lint has tests of its own.
 */
export function synth(chart: Chart): any[] {
  return chartManifests(chart);
}

/** The NetworkPolicies a chart holds, as written. */
export function policies(chart: Chart): any[] {
  return synth(chart).filter(o => o.kind === 'NetworkPolicy');
}

/** The single NetworkPolicy a chart holds; fails the test when there is not exactly one. */
export function onlyPolicy(chart: Chart): any {
  const all = policies(chart);
  expect(all).toHaveLength(1);
  return all[0];
}

/** The ingress rule an `AllowFrom` with these peers and ports writes (in chart `test`, namespace `shop`). */
export function ingressRule(from: Peer[], ports?: Port[]): any {
  const chart = makeChart();
  new AllowFrom(chart, 'allow', { pods: PodSelector.labels({ app: 'web' }), from, ports });
  return onlyPolicy(chart).spec.ingress[0];
}

/** The egress rule an `AllowTo` with these peers and ports writes (in chart `test`, namespace `shop`). */
export function egressRule(to: Peer[], ports?: Port[]): any {
  const chart = makeChart();
  new AllowTo(chart, 'allow', { pods: PodSelector.labels({ app: 'web' }), to, ports });
  return onlyPolicy(chart).spec.egress[0];
}

/** The error message a function throws (fails the test when it does not throw). */
export function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error, got none');
}

/** A container port of a test workload: the number, and optionally its name and protocol (TCP when not given). */
export interface TestPort {
  readonly port: number;
  readonly name?: string;
  readonly protocol?: 'TCP' | 'UDP' | 'SCTP';
}

/**
 * A small cluster for reachability assertions: the chart the policies go in (`chart`, chart id
 * `test`, namespace `shop` unless told otherwise) plus the workloads and namespaces they concern
 * (`objects`, a chart of its own without namespace), in one app.
 *
 *   const cluster = new TestCluster().pod('shop/web', { app: 'web' }, [{ port: 8080 }]);
 *   new DefaultDeny(cluster.chart, 'deny');
 *   expect(cluster.manifests()).toDenyTraffic({ from: 'shop/web', to: '8.8.8.8' });
 *
 * `manifests()` renders every ApiObject of the app without the app-wide validation that
 * `chart.toJson()` runs, so a chart the synth-time lint flags (a DefaultDeny without DNS, a hop
 * allowed on one side only: exactly the denials these tests are about) can still be analysed.
 */
export class TestCluster {
  public readonly app = Testing.app();
  public readonly chart: Chart;
  public readonly objects: Chart;

  constructor(namespace: string = 'shop') {
    this.chart = new Chart(this.app, 'test', { namespace });
    this.objects = new Chart(this.app, 'cluster');
  }

  /** A Pod `ns/name` with these labels and container ports. */
  public pod(ref: string, labels: { [key: string]: string }, ports: TestPort[] = [], spec: { [key: string]: unknown } = {}): this {
    const [namespace, name] = ref.split('/');
    new ApiObject(this.objects, `pod-${namespace}-${name}`, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace, labels },
      spec: {
        ...spec,
        containers: [{
          name: 'main',
          image: 'registry.example/app:1',
          ports: ports.map(p => ({ containerPort: p.port, protocol: p.protocol ?? 'TCP', ...p.name !== undefined ? { name: p.name } : {} })),
        }],
      },
    });
    return this;
  }

  /** A Namespace with these labels (besides `kubernetes.io/metadata.name`, which every namespace has). */
  public namespace(name: string, labels: { [key: string]: string } = {}): this {
    new ApiObject(this.objects, `ns-${name}`, { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } });
    return this;
  }

  /** CoreDNS as the upstream addon manifest and kubeadm deploy it: `kube-system/coredns`, pods `k8s-app: kube-dns`, 53 UDP and TCP, metrics 9153. */
  public kubeDns(): this {
    new ApiObject(this.objects, 'coredns', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'coredns', namespace: 'kube-system' },
      spec: {
        selector: { matchLabels: { 'k8s-app': 'kube-dns' } },
        template: {
          metadata: { labels: { 'k8s-app': 'kube-dns' } },
          spec: {
            containers: [{
              name: 'coredns',
              image: 'registry.k8s.io/coredns/coredns:v1.11.3',
              ports: [
                { name: 'dns', containerPort: 53, protocol: 'UDP' },
                { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
                { name: 'metrics', containerPort: 9153, protocol: 'TCP' },
              ],
            }],
          },
        },
      },
    });
    return this;
  }

  /** Every object of the app as plain manifests (policies, workloads, namespaces), unvalidated. */
  public manifests(): any[] {
    return appManifests(this.app);
  }
}

/** The egress rule to kube-dns the library writes (DnsEgress, TierIsolation, ConnectionGraph), as JSON. */
export const KUBE_DNS_RULE = {
  to: [{
    namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
    podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
  }],
  ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }],
};

/** A peer of pods labelled `app: name`, as JSON. */
export const appPeer = (name: string) => ({ podSelector: { matchLabels: { app: name } } });
