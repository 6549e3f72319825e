/**
 * Workloads and pods of any cdk8s-plus version: cdk8s-plus-28 (what the library is built with)
 * and cdk8s-plus-34 (the newest) in the same suite, by their shape. Each workload's own manifest,
 * written by its own cdk8s-plus, is the oracle for the selector the library renders.
 */
import '../../src/testing';
import { Chart, Testing } from 'cdk8s';
import * as kplus28 from 'cdk8s-plus-28';
import * as kplus34 from 'cdk8s-plus-34';
import { AllowFrom, AllowTo, DefaultDeny, DnsEgress, IWorkload, Peer, PodSelector, Port } from '../../src';
import { errorOf, makeChart, onlyPolicy, synth } from '../policies/helpers';

const image = 'registry.k8s.io/pause:3.10';

/** Options every cdk8s-plus version's workloads take alike. */
interface WorkloadOptions {
  readonly name: string;
  readonly namespace?: string;
  readonly port?: number;
  readonly hostNetwork?: boolean;
}

/** Makes one kind of workload with one cdk8s-plus version. */
type Make = (chart: Chart, options: WorkloadOptions) => IWorkload;

/** The five kinds the library selects, each written with `kplus`. */
function kinds(kplus: typeof kplus28 | typeof kplus34): { [kind: string]: Make } {
  const props = (o: WorkloadOptions) => ({
    metadata: { name: o.name, namespace: o.namespace },
    hostNetwork: o.hostNetwork,
    containers: [{ image, portNumber: o.port ?? 80 }],
  });
  return {
    Deployment: (chart, o) => new kplus.Deployment(chart, o.name, props(o)),
    StatefulSet: (chart, o) => new kplus.StatefulSet(chart, o.name, props(o)),
    DaemonSet: (chart, o) => new kplus.DaemonSet(chart, o.name, props(o)),
    Job: (chart, o) => new kplus.Job(chart, o.name, props(o)),
    Pod: (chart, o) => new kplus.Pod(chart, o.name, props(o)),
  };
}

const VERSIONS = { 'cdk8s-plus-28': kinds(kplus28), 'cdk8s-plus-34': kinds(kplus34) };
const CASES = Object.entries(VERSIONS).flatMap(([version, make]) =>
  Object.keys(make).map(kind => ({ version, kind, make: make[kind] })));

/**
 * The selector of `kind`'s pods as its own manifest says: a controller's `spec.selector`; a Job
 * writes none (Kubernetes generates one), so the labels of its pod template; a Pod's own labels.
 */
function ownSelector(chart: Chart, kind: string, name: string): any {
  const manifest = synth(chart).find(o => o.kind === kind && o.metadata.name === name);
  switch (kind) {
    case 'Pod': return { matchLabels: manifest.metadata.labels };
    case 'Job': return { matchLabels: manifest.spec.template.metadata.labels };
    default: return manifest.spec.selector;
  }
}

describe.each(CASES)('$version $kind', ({ kind, make }) => {
  test('PodSelector.workload and Peer.workload render the selector its own manifest writes', () => {
    const chart = makeChart();
    const workload = make(chart, { name: 'web', port: 8080 });
    new AllowFrom(chart, 'allow', { pods: PodSelector.workload(workload), from: [Peer.workload(workload)], ports: [Port.tcp(8080)] });
    const spec = onlyPolicy(chart).spec;
    const selector = ownSelector(chart, kind, 'web');
    expect(Object.keys(selector.matchLabels)).toContain('cdk8s.io/metadata.addr');
    expect(spec.podSelector).toEqual(selector);
    expect(spec.ingress[0].from).toEqual([{ podSelector: selector }]);
  });

  test('a policy using it synthesizes, the workload beside it', () => {
    const chart = makeChart();
    const workload = make(chart, { name: 'web', port: 8080 });
    new DefaultDeny(chart, 'deny', { name: 'deny-web', pods: PodSelector.workload(workload) });
    new DnsEgress(chart, 'dns', { name: 'dns' });
    const written = Testing.synth(chart).map(o => `${o.kind}/${o.metadata.name}`);
    // A StatefulSet also writes its headless Service.
    expect(written.filter(o => !o.startsWith('Service/')).sort()).toEqual([`${kind}/web`, 'NetworkPolicy/deny-web', 'NetworkPolicy/dns'].sort());
  });

  test('from another namespace: one peer naming its namespace AND its pods', () => {
    const chart = makeChart('shop');
    const workload = make(chart, { name: 'db', namespace: 'data', port: 5432 });
    new AllowFrom(chart, 'allow', { pods: PodSelector.all(), from: [Peer.workload(workload)] });
    expect(onlyPolicy(chart).spec.ingress[0].from).toEqual([{
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'data' } },
      podSelector: ownSelector(chart, kind, 'db'),
    }]);
  });

  test('refused when it uses hostNetwork, as the policy\'s pods and as a peer', () => {
    const chart = makeChart();
    const agent = make(chart, { name: 'agent', hostNetwork: true });
    const refusal = 'PodSelector.workload: test/agent uses hostNetwork, so its pods have the node\'s address and most network plugins '
      + 'match no pod selector against them; select by address instead (Peer.ipBlock with the nodes\' range), or run it without hostNetwork';
    expect(errorOf(() => new AllowFrom(chart, 'pods', { pods: PodSelector.workload(agent), from: [Peer.anywhere()] })))
      .toBe(`AllowFrom test/pods: ${refusal}`);
    expect(errorOf(() => new AllowFrom(chart, 'peer', { pods: PodSelector.all(), from: [Peer.workload(agent)] })))
      .toBe(`AllowFrom test/peer: ${refusal}`);
  });
});

/** A StatefulSet that selects nothing until `select()` picks `app: db` and `tier In (data)`, in each version's own words. */
const SELECTED_LATER: { [version: string]: (chart: Chart) => { db: IWorkload; select: () => void } } = {
  'cdk8s-plus-28': chart => {
    const db = new kplus28.StatefulSet(chart, 'db', { metadata: { name: 'db' }, select: false, podMetadata: { labels: { app: 'db', tier: 'data' } }, containers: [{ image, portNumber: 5432 }] });
    return { db, select: () => db.select(kplus28.LabelSelector.of({ labels: { app: 'db' }, expressions: [kplus28.LabelExpression.in('tier', ['data'])] })) };
  },
  'cdk8s-plus-34': chart => {
    const db = new kplus34.StatefulSet(chart, 'db', { metadata: { name: 'db' }, select: false, podMetadata: { labels: { app: 'db', tier: 'data' } }, containers: [{ image, portNumber: 5432 }] });
    return { db, select: () => db.select(kplus34.LabelSelector.of({ labels: { app: 'db' }, expressions: [kplus34.LabelExpression.in('tier', ['data'])] })) };
  },
};

test.each(Object.keys(SELECTED_LATER))('%s: select() calls made after the selector count, expressions included', version => {
  const chart = makeChart();
  const { db, select } = SELECTED_LATER[version](chart);
  const pods = PodSelector.workload(db);
  select();
  new DefaultDeny(chart, 'deny', { pods });
  expect(onlyPolicy(chart).spec.podSelector).toEqual({ matchLabels: { app: 'db' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['data'] }] });
  expect(onlyPolicy(chart).spec.podSelector).toEqual(ownSelector(chart, 'StatefulSet', 'db'));
});

/**
 * A client and a server of different cdk8s-plus versions, the server in another namespace: both
 * namespaces denied by default, then one hop allowed on both ends, on the server's port.
 */
describe.each([
  { client: 'cdk8s-plus-34', server: 'cdk8s-plus-28' },
  { client: 'cdk8s-plus-28', server: 'cdk8s-plus-34' },
] as const)('the analyzer: a $client client, a $server server', ({ client, server }) => {
  const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
  const web = VERSIONS[client].Deployment(chart, { name: 'web', port: 8080 });
  VERSIONS[client].Pod(chart, { name: 'debug' });
  const db = VERSIONS[server].StatefulSet(chart, { name: 'db', namespace: 'data', port: 5432 });
  new DefaultDeny(chart, 'deny-shop', { name: 'deny-shop' });
  new DefaultDeny(chart, 'deny-data', { name: 'deny-data', namespace: 'data' });
  new AllowTo(chart, 'web-to-db', { name: 'web-to-db', pods: PodSelector.workload(web), to: [Peer.workload(db)], ports: [Port.tcp(5432)] });
  new AllowFrom(chart, 'db-from-web', {
    name: 'db-from-web', namespace: 'data', pods: PodSelector.workload(db), from: [Peer.workload(web)], ports: [Port.tcp(5432)],
  });

  test('the allowed hop is allowed, on its port only', () => {
    expect(chart).toAllowTraffic({ from: 'shop/web', to: 'data/db', port: 5432 });
    expect(chart).toDenyTraffic({ from: 'shop/web', to: 'data/db', port: 5433 });
  });

  test('the way back and another pod of the client\'s namespace are denied', () => {
    expect(chart).toDenyTraffic({ from: 'data/db', to: 'shop/web', port: 8080 });
    expect(chart).toDenyTraffic({ from: 'shop/debug', to: 'data/db', port: 5432 });
  });
});
