import '../../src/testing';
import { Testing } from 'cdk8s';
import * as example from '../../examples/patterns/43-allow-same-namespace';
import { exampleChart } from '../../examples/patterns/example-chart';
import { AllowSameNamespace, PodSelector, Port } from '../../src';
import { errorOf, makeChart, onlyPolicy } from '../policies/helpers';

describe('AllowSameNamespace', () => {
  test('every pod of the namespace accepts every pod of the namespace, and only them', () => {
    const chart = makeChart();
    new AllowSameNamespace(chart, 'same');
    expect(onlyPolicy(chart).spec).toEqual({
      podSelector: {},
      ingress: [{ from: [{ podSelector: {} }] }],
      policyTypes: ['Ingress'],
    });
  });

  test('egress: true writes the sending end too, on the same ports', () => {
    const chart = makeChart();
    new AllowSameNamespace(chart, 'same', { pods: PodSelector.labels({ app: 'web' }), ports: [Port.tcp(8080)], egress: true });
    const rule = { from: [{ podSelector: {} }], ports: [{ protocol: 'TCP', port: 8080 }] };
    expect(onlyPolicy(chart).spec).toEqual({
      podSelector: { matchLabels: { app: 'web' } },
      ingress: [rule],
      egress: [{ to: rule.from, ports: rule.ports }],
      policyTypes: ['Ingress', 'Egress'],
    });
  });

  test('refuses an empty ports list, which would mean every port', () => {
    expect(errorOf(() => new AllowSameNamespace(makeChart(), 'same', { ports: [] })))
      .toBe('AllowSameNamespace test/same: \'ports\' is empty, which Kubernetes reads as "every port of every protocol"; leave \'ports\' out if that is what you mean');
  });

  describe('example: a team namespace, both directions', () => {
    const chart = exampleChart(example);

    test('pods of the namespace talk to each other and resolve names', () => {
      expect(chart).toAllowTraffic({ from: 'default/web', to: 'default/db', port: 5432 });
      expect(chart).toAllowTraffic({ from: 'default/db', to: 'default/web', port: 80 });
      expect(chart).toAllowTraffic({ from: 'default/web', to: 'kube-system/coredns', port: '53/UDP' });
    });

    test('nothing crosses the namespace boundary', () => {
      expect(chart).toDenyTraffic({ from: 'default/web', to: 'other/client' });
      expect(chart).toDenyTraffic({ from: 'other/client', to: 'default/web' });
      expect(chart).toDenyTraffic({ from: 'default/web', to: '203.0.113.10' });
    });

    test('snapshot', () => expect(Testing.synth(chart)).toMatchSnapshot());
  });
});
