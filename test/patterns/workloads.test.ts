/**
 * cdk8s-plus-28 interop: PodSelector.workload and Peer.workload for each workload kind, across
 * namespaces, and the refusal of a workload whose pods nothing can select (any other cdk8s-plus
 * version: test/vocabulary/any-cdk8s-plus.test.ts).
 */
import '../../src/testing';
import { ApiObject, ApiObjectMetadataDefinition, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import * as example from '../../examples/patterns/51-cdk8s-plus-workloads';
import { exampleChart } from '../../examples/patterns/example-chart';
import { AllowFrom, IWorkload, Peer, PodSelector } from '../../src';
import { errorOf, makeChart, onlyPolicy } from '../policies/helpers';

const image = 'registry.k8s.io/pause:3.10';
const ADDRESS_LABEL = 'cdk8s.io/metadata.addr';

/** The spec.podSelector and the peer an AllowFrom writes for `workload` as both ends. */
function rendered(chart: Chart, workload: IWorkload): { pods: unknown; peer: unknown } {
  new AllowFrom(chart, 'allow', { pods: PodSelector.workload(workload), from: [Peer.workload(workload)] });
  const spec = onlyPolicy(chart).spec;
  return { pods: spec.podSelector, peer: spec.ingress[0].from[0] };
}

/** What cdk8s-plus labels the pods of `workload` with, to select them. */
function addressOf(workload: kplus.AbstractPod): string {
  return workload.podMetadata.getLabel(ADDRESS_LABEL)!;
}

/** Pods with no labels at all: what a hand-written AbstractPod subclass can produce. */
class UnlabelledPod extends kplus.AbstractPod {
  public readonly resourceType = 'pods';
  public readonly podMetadata: ApiObjectMetadataDefinition;
  protected readonly apiObject: ApiObject;

  constructor(scope: Construct, id: string) {
    super(scope, id, { containers: [{ image }] });
    this.apiObject = new kplus.k8s.KubePod(this, 'Resource', {});
    this.podMetadata = new ApiObjectMetadataDefinition({ apiObject: this.apiObject });
  }
}

describe('PodSelector.workload and Peer.workload', () => {
  test('Deployment: its own selector (cdk8s-plus\' address label by default)', () => {
    const chart = makeChart();
    const api = new kplus.Deployment(chart, 'api', { containers: [{ image }] });
    const selector = { matchLabels: { [ADDRESS_LABEL]: addressOf(api) } };
    expect(rendered(chart, api)).toEqual({ pods: selector, peer: { podSelector: selector } });
  });

  test('StatefulSet: the labels it was told to select, including ones added after the policy', () => {
    const chart = makeChart();
    const db = new kplus.StatefulSet(chart, 'db', {
      select: false,
      podMetadata: { labels: { app: 'db', tier: 'data' } },
      containers: [{ image, portNumber: 5432 }],
    });
    const pods = PodSelector.workload(db);
    db.select(kplus.LabelSelector.of({ labels: { app: 'db' }, expressions: [kplus.LabelExpression.in('tier', ['data'])] }));
    new AllowFrom(chart, 'allow', { pods, from: [Peer.anywhere()] });
    expect(onlyPolicy(chart).spec.podSelector).toEqual({
      matchLabels: { app: 'db' },
      matchExpressions: [{ key: 'tier', operator: 'In', values: ['data'] }],
    });
  });

  test('DaemonSet: its own selector', () => {
    const chart = makeChart();
    const agent = new kplus.DaemonSet(chart, 'agent', { containers: [{ image }] });
    expect(rendered(chart, agent).pods).toEqual({ matchLabels: { [ADDRESS_LABEL]: addressOf(agent) } });
  });

  test('Job: no selector of its own (Kubernetes generates one), so its pods\' labels', () => {
    const chart = makeChart();
    const job = new kplus.Job(chart, 'migrate', { podMetadata: { labels: { app: 'migrate' } }, containers: [{ image }] });
    expect(rendered(chart, job).pods).toEqual({ matchLabels: { app: 'migrate', [ADDRESS_LABEL]: addressOf(job) } });
  });

  test('Pod: its labels', () => {
    const chart = makeChart();
    const pod = new kplus.Pod(chart, 'debug', { metadata: { labels: { app: 'debug' } }, containers: [{ image }] });
    expect(rendered(chart, pod).pods).toEqual({ matchLabels: { app: 'debug', [ADDRESS_LABEL]: addressOf(pod) } });
  });

  test('a workload in another namespace than the policy: one peer naming the namespace AND the pods', () => {
    const chart = makeChart('shop');
    const db = new kplus.StatefulSet(chart, 'db', { metadata: { namespace: 'data' }, containers: [{ image, portNumber: 5432 }] });
    new AllowFrom(chart, 'allow', { pods: PodSelector.all(), from: [Peer.workload(db)] });
    expect(onlyPolicy(chart).spec.ingress[0].from).toEqual([{
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'data' } },
      podSelector: { matchLabels: { [ADDRESS_LABEL]: addressOf(db) } },
    }]);
  });

  test('a workload in another chart takes that chart\'s namespace', () => {
    const app = Testing.app();
    const web = new kplus.Deployment(new Chart(app, 'web', { namespace: 'web' }), 'web', { containers: [{ image }] });
    const chart = new Chart(app, 'policies', { namespace: 'shop' });
    new AllowFrom(chart, 'allow', { pods: PodSelector.all(), from: [Peer.workload(web)] });
    expect(onlyPolicy(chart).spec.ingress[0].from[0].namespaceSelector).toEqual({ matchLabels: { 'kubernetes.io/metadata.name': 'web' } });
  });

  test('refuses a workload whose namespace is unknown while the policy has one', () => {
    const app = Testing.app();
    const web = new kplus.Deployment(new Chart(app, 'web'), 'web', { containers: [{ image }] });
    const chart = new Chart(app, 'policies', { namespace: 'shop' });
    expect(errorOf(() => new AllowFrom(chart, 'allow', { pods: PodSelector.all(), from: [Peer.workload(web)] })))
      .toBe('AllowFrom policies/allow: Peer.workload(web/web) has no namespace while the policy is in \'shop\', so its namespace is unknown; '
        + 'set the workload\'s metadata.namespace (or its chart\'s namespace)');
  });

  test('refuses a policy selecting the pods of a workload in another namespace (it would select none)', () => {
    const chart = makeChart('shop');
    const db = new kplus.StatefulSet(chart, 'db', { metadata: { namespace: 'data' }, containers: [{ image, portNumber: 5432 }] });
    expect(errorOf(() => new AllowFrom(chart, 'allow', { pods: PodSelector.workload(db), from: [Peer.anywhere()] })))
      .toBe('AllowFrom test/allow: \'pods\' is PodSelector.workload(test/db), whose pods are in namespace \'data\', '
        + 'but the policy is in namespace \'shop\', so it would select none of them; set the policy\'s namespace to \'data\'');
    expect(errorOf(() => new AllowFrom(chart, 'peer', { pods: PodSelector.all(), from: [Peer.pods(PodSelector.workload(db))] })))
      .toMatch(/^AllowFrom test\/peer: Peer\.pods\(PodSelector\.workload\(test\/db\)\): .*use Peer\.workload\(\.\.\.\) to reach them there$/);
  });

  test('refuses a workload whose pods carry no labels, saying how to label them', () => {
    const chart = makeChart();
    const bare = new UnlabelledPod(chart, 'bare');
    expect(errorOf(() => new AllowFrom(chart, 'allow', { pods: PodSelector.workload(bare), from: [Peer.anywhere()] })))
      .toBe('AllowFrom test/allow: PodSelector.workload: test/bare has no selector and its pods carry no labels, so nothing can select exactly its pods; '
        + 'add a label to its pod metadata (podMetadata.addLabel(\'app\', \'...\'))');
  });
});

describe('example: cdk8s-plus workloads in three namespaces', () => {
  const chart = exampleChart(example);

  test('the Deployment and the Job reach the StatefulSet in another namespace, on its port only', () => {
    expect(chart).toAllowTraffic({ from: 'default/api', to: 'db/postgres', port: 5432 });
    expect(chart).toAllowTraffic({ from: 'default/migrate', to: 'db/postgres', port: 5432 });
    expect(chart).toDenyTraffic({ from: 'default/api', to: 'db/postgres', port: 5433 });
  });

  test('the Pod reaches the Deployment, and neither the StatefulSet nor the DaemonSet', () => {
    expect(chart).toAllowTraffic({ from: 'default/debug', to: 'default/api', port: 8080 });
    expect(chart).toDenyTraffic({ from: 'default/debug', to: 'db/postgres', port: 5432 });
    expect(chart).toDenyTraffic({ from: 'default/debug', to: 'observability/otel-agent', port: 4317 });
  });

  test('the Deployment reaches the DaemonSet', () => {
    expect(chart).toAllowTraffic({ from: 'default/api', to: 'observability/otel-agent', port: 4317 });
  });

  test('snapshot', () => expect(Testing.synth(chart)).toMatchSnapshot());
});
