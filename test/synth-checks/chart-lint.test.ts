/** The synth-time network lint: `app.synth()` fails on chart-level mistakes, naming the construct path. */
import { ApiObject, App, Chart, JsonPatch, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { AllowFrom, AllowTo, DefaultDeny, DnsEgress, Peer, PodSelector, Port } from '../../src';
import { NetworkLint } from '../../src/synth-checks';
import { registerChartLint } from '../../src/synth-checks/chart-lint';
import { errorOf } from '../policies/helpers';

function chartWithLint(): { app: App; chart: Chart } {
  const app = Testing.app();
  const chart = new Chart(app, 'shop', { namespace: 'shop' });
  registerChartLint(chart);
  return { app, chart };
}

const deployment = (chart: Chart, name: string) => new kplus.Deployment(chart, name, {
  containers: [{ image: `example/${name}`, securityContext: { ensureNonRoot: false } }],
  podMetadata: { labels: { app: name } },
});

describe('synth-time network lint', () => {
  test('DefaultDeny egress without DnsEgress fails synth, naming the construct path and the fix', () => {
    const { app, chart } = chartWithLint();
    new DefaultDeny(chart, 'deny', { ingress: true, egress: true });
    expect(() => app.synthYaml()).toThrow(/\[shop\] shop\/deny: dns-egress-missing: shop\/[^:]+: spec\.policyTypes: isolates egress of every pod in namespace shop/);
    expect(() => app.synthYaml()).toThrow(/fix: allow UDP and TCP 53 .*NetworkLint\.acknowledge/);
  });

  test('the same chart with DnsEgress synthesizes', () => {
    const { app, chart } = chartWithLint();
    new DefaultDeny(chart, 'deny', { ingress: true, egress: true });
    new DnsEgress(chart, 'dns');
    expect(() => app.synthYaml()).not.toThrow();
  });

  test('a one-sided hop between two workloads of the chart fails synth', () => {
    const { app, chart } = chartWithLint();
    deployment(chart, 'api');
    deployment(chart, 'db');
    new DefaultDeny(chart, 'deny', { ingress: true, egress: true });
    new DnsEgress(chart, 'dns');
    new AllowTo(chart, 'api-to-db', { pods: PodSelector.labels({ app: 'api' }), to: [Peer.pods(PodSelector.labels({ app: 'db' }))], ports: [Port.tcp(5432)] });
    expect(() => app.synthYaml()).toThrow(/shop\/api-to-db: one-sided-connection: .*spec\.egress\[0\]\.to: allows shop\/shop-api-[^ ]+\[Deployment\] -> shop\/shop-db-[^ ]+\[Deployment\] \(TCP 5432\)/);

    new AllowFrom(chart, 'db-from-api', { pods: PodSelector.labels({ app: 'db' }), from: [Peer.pods(PodSelector.labels({ app: 'api' }))], ports: [Port.tcp(5432)] });
    expect(() => app.synthYaml()).not.toThrow();
  });

  test('NetworkLint.acknowledge on the construct (or the chart) accepts the finding on purpose', () => {
    const { app, chart } = chartWithLint();
    const deny = new DefaultDeny(chart, 'deny', { ingress: true, egress: true });
    NetworkLint.acknowledge(deny, 'dns-egress-missing', 'batch jobs here resolve nothing; they use IPs');
    expect(() => app.synthYaml()).not.toThrow();

    const other = chartWithLint();
    new DefaultDeny(other.chart, 'deny', { ingress: true, egress: true });
    NetworkLint.acknowledge(other.chart, 'dns-egress-missing', 'air-gapped namespace');
    expect(() => other.app.synthYaml()).not.toThrow();
  });

  test('acknowledging another rule does not hide the finding, and a reason is required', () => {
    const { app, chart } = chartWithLint();
    const deny = new DefaultDeny(chart, 'deny', { ingress: true, egress: true });
    NetworkLint.acknowledge(deny, 'one-sided-connection', 'not this one');
    expect(() => app.synthYaml()).toThrow(/dns-egress-missing/);
    expect(() => NetworkLint.acknowledge(deny, 'dns-egress-missing', ' ')).toThrow(/give a reason/);
  });

  test('hand-written L1 policies are checked too: the AND/OR split and an allow-all that cancels a deny', () => {
    const { app, chart } = chartWithLint();
    new kplus.k8s.KubeNetworkPolicy(chart, 'raw-split', {
      metadata: { name: 'from-monitoring' },
      spec: {
        podSelector: {},
        policyTypes: ['Ingress'],
        ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'ops' } } }, { podSelector: { matchLabels: { app: 'prometheus' } } }] }],
      },
    });
    new DefaultDeny(chart, 'deny', { ingress: true });
    new kplus.k8s.KubeNetworkPolicy(chart, 'raw-open', { metadata: { name: 'open' }, spec: { podSelector: {}, ingress: [{}] } });
    expect(() => app.synthYaml()).toThrow(/\[shop\] shop\/raw-split: namespace-pod-selector-split: shop\/from-monitoring: spec\.ingress\[0\]\.from:/);
    expect(() => app.synthYaml()).toThrow(/\[shop\] shop\/raw-open: allow-all-cancels-deny: shop\/open: spec\.ingress\[0\]:/);
  });

  test('a policy changed after construction is judged as synth writes it, naming only that construct', () => {
    const { app, chart } = chartWithLint();
    new DefaultDeny(chart, 'deny', { ingress: true, egress: true });
    new DnsEgress(chart, 'dns');
    const allowFromApi = (id: string, namespace?: string) =>
      new AllowFrom(chart, id, { namespace, pods: PodSelector.labels({ app: 'db' }), from: [Peer.pods(PodSelector.labels({ app: 'api' }))] });
    const allow = allowFromApi('from-api');
    allowFromApi('from-api-elsewhere', 'elsewhere');
    expect(() => app.synthYaml()).not.toThrow();

    // A JSON patch leaves ingress rules that policyTypes no longer covers.
    allow.addJsonPatch(JsonPatch.replace('/spec/policyTypes', ['Egress']));
    const message = errorOf(() => app.synthYaml());
    expect(message).toMatch(/\[shop\] AllowFrom shop\/from-api: spec\.ingress: .* has rules, but spec\.policyTypes does not include Ingress/);
    expect(message).not.toContain('from-api-elsewhere');
  });

  test('two constructs writing the same NetworkPolicy fail synth, naming both: kubectl apply would keep one', () => {
    const { app, chart } = chartWithLint();
    new DefaultDeny(chart, 'deny', { name: 'lockdown' });
    new DnsEgress(chart, 'dns', { name: 'lockdown' });
    expect(() => app.synthYaml()).toThrow(/\[shop\] shop\/dns: writes NetworkPolicy shop\/lockdown, which shop\/deny writes too; kubectl apply keeps only the last/);
    new DnsEgress(chart, 'dns-elsewhere', { name: 'lockdown', namespace: 'other' });
    expect(errorOf(() => app.synthYaml())).not.toContain('dns-elsewhere');
  });

  test('objects of kinds the analysis does not read are not rendered for the lint, and change nothing', () => {
    const { chart } = chartWithLint();
    const config = new ApiObject(chart, 'config', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'config' }, data: { a: 'b' } });
    new DefaultDeny(chart, 'deny', { egress: true });
    const toJson = jest.spyOn(config, 'toJson');
    expect(chart.node.validate()).toEqual([expect.stringMatching(/^shop\/deny: dns-egress-missing: /)]);
    expect(toJson).not.toHaveBeenCalled();
  });

  test('registering twice adds one validation', () => {
    const { chart } = chartWithLint();
    registerChartLint(chart);
    expect(chart.node.validate()).toEqual([]);
    new DefaultDeny(chart, 'deny', { egress: true });
    expect(chart.node.validate()).toHaveLength(1);
  });
});
