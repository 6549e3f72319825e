/** examples/patterns/47-cluster-guardrails.ts: what the guardrails allow and deny, as docs/patterns.md shows it. */
import '../../src/testing';
import { Testing } from 'cdk8s';
import * as example from '../../examples/patterns/47-cluster-guardrails';
import { exampleChart } from '../../examples/patterns/example-chart';

describe('cluster guardrails example', () => {
  const chart = exampleChart(example);

  test('tenants a and b cannot reach each other, either way', () => {
    expect(chart).toDenyTraffic({ from: 'shop/web', to: 'blog/web', port: 8080 });
    expect(chart).toDenyTraffic({ from: 'blog/web', to: 'shop/web' });
    expect(chart).toDenyTraffic({ from: 'blog/web', to: 'shop-data/db', port: 5432 });
  });

  test('within tenant a, the two namespaces reach each other (passed to NetworkPolicy, of which there is none)', () => {
    expect(chart).toAllowTraffic({ from: 'shop/web', to: 'shop-data/db', port: 5432 });
  });

  test('DNS works for every tenant; the cloud metadata service is closed to every pod', () => {
    expect(chart).toAllowTraffic({ from: 'blog/web', to: 'kube-system/coredns', port: '53/UDP' });
    expect(chart).toAllowTraffic({ from: 'shop/web', to: 'kube-system/coredns', port: '53/TCP' });
    expect(chart).toDenyTraffic({ from: 'shop/web', to: '169.254.169.254', port: 80 });
    expect(chart).toDenyTraffic({ from: 'kube-system/coredns', to: 'fd00:ec2::254', port: 80 });
  });

  test('four cluster-scoped policies, none with a namespace', () => {
    const policies = Testing.synth(chart).filter(o => o.kind === 'ClusterNetworkPolicy');
    expect(policies.map(p => [p.spec.tier, p.spec.priority, p.metadata.namespace])).toEqual([
      ['Admin', 0, undefined], ['Admin', 10, undefined], ['Admin', 50, undefined], ['Admin', 50, undefined],
    ]);
  });
});
