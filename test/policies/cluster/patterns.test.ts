import { Chart } from 'cdk8s';
import {
  ClusterAllowMonitoring, ClusterDefaultDeny, ClusterDenyCloudMetadata, ClusterDnsEgress, ClusterSubject, ClusterTenantIsolation,
  NamespaceSelector, PodSelector, Port,
} from '../../../src';
import { validateClusterNetworkPolicy } from '../../../src/analysis/validation/validate-cluster-network-policy';
import { errorOf, makeChart, synth } from '../helpers';

function only(chart: Chart): any {
  const objects = synth(chart);
  expect(objects).toHaveLength(1);
  expect(validateClusterNetworkPolicy(objects[0])).toEqual([]);
  return objects[0];
}

const EVERY_POD = { namespaces: {} };

describe('ClusterDenyCloudMetadata', () => {
  test('Admin, priority 0: every pod is denied egress to the IPv4 and IPv6 metadata addresses, and nothing else', () => {
    const chart = makeChart();
    new ClusterDenyCloudMetadata(chart, 'metadata');
    const policy = only(chart);
    expect(policy).toMatchSnapshot();
    expect(policy.metadata.namespace).toBeUndefined();
    expect(policy.spec).toEqual({
      tier: 'Admin',
      priority: 0,
      subject: EVERY_POD,
      egress: [{ name: 'deny-cloud-metadata', action: 'Deny', to: [{ networks: ['169.254.169.254/32', 'fd00:ec2::254/128'] }] }],
    });
  });

  test('another priority and subject', () => {
    const chart = makeChart();
    new ClusterDenyCloudMetadata(chart, 'metadata', { name: 'no-imds', priority: 3, subject: ClusterSubject.namespaces(NamespaceSelector.labels({ tenant: 'a' })) });
    const policy = only(chart);
    expect([policy.metadata.name, policy.spec.priority, policy.spec.subject]).toEqual(['no-imds', 3, { namespaces: { matchLabels: { tenant: 'a' } } }]);
  });
});

describe('ClusterDnsEgress', () => {
  test('Admin, priority 10: Accept egress to kube-dns pods in kube-system on UDP and TCP 53, nothing else', () => {
    const chart = makeChart();
    new ClusterDnsEgress(chart, 'dns');
    const policy = only(chart);
    expect(policy).toMatchSnapshot();
    expect(policy.spec).toEqual({
      tier: 'Admin',
      priority: 10,
      subject: EVERY_POD,
      egress: [{
        name: 'accept-dns',
        action: 'Accept',
        to: [{ pods: { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } } }],
        protocols: [{ udp: { destinationPort: { number: 53 } } }, { tcp: { destinationPort: { number: 53 } } }],
      }],
    });
  });

  test('another DNS namespace and pods', () => {
    const chart = makeChart();
    new ClusterDnsEgress(chart, 'dns', { dnsNamespace: 'dns', dnsPods: PodSelector.labels({ app: 'coredns' }) });
    expect(only(chart).spec.egress[0].to).toEqual([{
      pods: {
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'dns' } }, podSelector: { matchLabels: { app: 'coredns' } },
      },
    }]);
  });

  test('refuses a DNS namespace no namespace can be named', () => {
    expect(errorOf(() => new ClusterDnsEgress(makeChart(), 'dns', { dnsNamespace: 'Kube System' }))).toMatch(
      /^ClusterDnsEgress test\/dns: NamespaceSelector.named: namespace name 'Kube System' is not a DNS-1123 label/);
  });
});

describe('ClusterAllowMonitoring', () => {
  test('Admin, priority 20: Accept ingress from every pod of the monitoring namespace, on every port by default', () => {
    const chart = makeChart();
    new ClusterAllowMonitoring(chart, 'monitoring');
    const policy = only(chart);
    expect(policy).toMatchSnapshot();
    expect(policy.spec).toEqual({
      tier: 'Admin',
      priority: 20,
      subject: EVERY_POD,
      ingress: [{ name: 'accept-monitoring', action: 'Accept', from: [{ namespaces: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }] }],
    });
  });

  test('only the scrapers, only the metrics ports', () => {
    const chart = makeChart();
    new ClusterAllowMonitoring(chart, 'monitoring', {
      monitoringNamespace: 'observability', scrapers: PodSelector.labels({ 'app.kubernetes.io/name': 'prometheus' }), ports: [Port.tcp(9090), Port.named('metrics')],
    });
    expect(only(chart).spec.ingress).toEqual([{
      name: 'accept-monitoring',
      action: 'Accept',
      from: [{ pods: { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'observability' } }, podSelector: { matchLabels: { 'app.kubernetes.io/name': 'prometheus' } } } }],
      protocols: [{ tcp: { destinationPort: { number: 9090 } } }, { destinationNamedPort: 'metrics' }],
    }]);
  });
});

describe('ClusterTenantIsolation', () => {
  test('one Admin policy per tenant: Pass within the tenant, then Deny every other tenant, both ways', () => {
    const chart = makeChart();
    const isolation = new ClusterTenantIsolation(chart, 'tenants', { tenantLabel: 'tenant', tenants: ['a', 'b'] });
    const policies = synth(chart);
    expect(policies).toMatchSnapshot();
    expect(isolation.policies.map(p => p.node.path)).toEqual(['test/tenants/a', 'test/tenants/b']);
    expect(policies.map(p => validateClusterNetworkPolicy(p))).toEqual([[], []]);
    const [a, b] = policies;
    for (const [policy, tenant] of [[a, 'a'], [b, 'b']] as const) {
      const same = [{ namespaces: { matchLabels: { tenant } } }];
      const anyTenant = [{ namespaces: { matchExpressions: [{ key: 'tenant', operator: 'Exists' }] } }];
      expect(policy.spec).toEqual({
        tier: 'Admin',
        priority: 50,
        subject: { namespaces: { matchLabels: { tenant } } },
        ingress: [{ name: 'pass-same-tenant', action: 'Pass', from: same }, { name: 'deny-other-tenants', action: 'Deny', from: anyTenant }],
        egress: [{ name: 'pass-same-tenant', action: 'Pass', to: same }, { name: 'deny-other-tenants', action: 'Deny', to: anyTenant }],
      });
    }
  });

  test.each<[string, string[], string]>([
    ['no tenants', [], 'ClusterTenantIsolation test/tenants: \'tenants\' is empty, so no tenant would be isolated; list the values of the \'tenant\' label, one per tenant'],
    ['a tenant twice', ['a', 'b', 'a'], 'ClusterTenantIsolation test/tenants: \'tenants\' lists \'a\' twice; list each tenant once'],
  ])('refuses %s', (_, tenants, message) => {
    expect(errorOf(() => new ClusterTenantIsolation(makeChart(), 'tenants', { tenantLabel: 'tenant', tenants }))).toBe(message);
  });

  test('refuses a tenant that is no label value, naming the tenant and the field', () => {
    expect(errorOf(() => new ClusterTenantIsolation(makeChart(), 'tenants', { tenantLabel: 'tenant', tenants: ['team a'] }))).toContain(
      'ClusterTenantIsolation test/tenants (tenant \'team a\'): spec.subject.namespaces.matchLabels: team a (the value of tenant) ');
  });
});

describe('ClusterDefaultDeny', () => {
  test('Baseline, priority 1000: every pod outside kube-system, kube-public and kube-node-lease denied ingress from pods and egress everywhere', () => {
    const chart = makeChart();
    new ClusterDefaultDeny(chart, 'deny');
    const policy = only(chart);
    expect(policy).toMatchSnapshot();
    expect(policy.spec).toEqual({
      tier: 'Baseline',
      priority: 1000,
      subject: { namespaces: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['kube-system', 'kube-public', 'kube-node-lease'] }] } },
      ingress: [{ name: 'default-deny', action: 'Deny', from: [{ namespaces: {} }] }],
      egress: [{ name: 'default-deny', action: 'Deny', to: [{ networks: ['0.0.0.0/0', '::/0'] }] }],
    });
  });

  test('one direction, other exemptions, or none', () => {
    const chart = makeChart();
    new ClusterDefaultDeny(chart, 'ingress', { egress: false, exemptNamespaces: ['kube-system', 'istio-system'] });
    new ClusterDefaultDeny(chart, 'egress', { ingress: false, exemptNamespaces: [] });
    const [ingress, egress] = synth(chart);
    expect([Object.keys(ingress.spec).sort(), ingress.spec.subject.namespaces.matchExpressions[0].values]).toEqual([
      ['ingress', 'priority', 'subject', 'tier'], ['kube-system', 'istio-system'],
    ]);
    expect([Object.keys(egress.spec).sort(), egress.spec.subject]).toEqual([['egress', 'priority', 'subject', 'tier'], EVERY_POD]);
  });

  test('refuses a default deny that denies nothing', () => {
    expect(errorOf(() => new ClusterDefaultDeny(makeChart(), 'deny', { ingress: false, egress: false }))).toBe(
      'ClusterDefaultDeny test/deny: \'ingress\' and \'egress\' are both false, so this policy denies nothing; leave one of them true (both are true by default)');
  });

  test('refuses a priority outside the tier\'s range, naming path, field, value and fix', () => {
    expect(errorOf(() => new ClusterDefaultDeny(makeChart(), 'deny', { priority: -1 }))).toBe(
      'ClusterDefaultDeny test/deny: spec.priority: -1 must be between 0 and 1000, inclusive; use a priority from 0 (first) to 1000 (last)');
  });
});

test('the default priorities of the Admin patterns are distinct, so no two of them tie', () => {
  const chart = makeChart();
  new ClusterDenyCloudMetadata(chart, 'metadata');
  new ClusterDnsEgress(chart, 'dns');
  new ClusterAllowMonitoring(chart, 'monitoring');
  new ClusterTenantIsolation(chart, 'tenants', { tenantLabel: 'tenant', tenants: ['a'] });
  const priorities = synth(chart).map(p => p.spec.priority);
  expect(priorities).toEqual([0, 10, 20, 50]);
});
