import { errorOf, makeChart, onlyPolicy, synth, TestCluster } from './helpers';
import { DefaultDeny, PodSelector } from '../../src';
import '../../src/testing';

describe('DefaultDeny', () => {
  test('denies both directions for every pod by default', () => {
    const chart = makeChart();
    new DefaultDeny(chart, 'deny');
    expect(synth(chart)).toMatchSnapshot();
    expect(onlyPolicy(chart).spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
  });

  test('seed example 1: default-deny-ingress, reproduced exactly', () => {
    const chart = makeChart();
    new DefaultDeny(chart, 'x', { name: 'default-deny-ingress', egress: false });
    expect(onlyPolicy(chart)).toEqual({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'default-deny-ingress', namespace: 'shop' },
      spec: { podSelector: {}, policyTypes: ['Ingress'] },
    });
  });

  test('egress only', () => {
    const chart = makeChart();
    new DefaultDeny(chart, 'deny', { ingress: false });
    expect(onlyPolicy(chart).spec).toEqual({ podSelector: {}, policyTypes: ['Egress'] });
  });

  test('selected pods, own namespace', () => {
    const chart = makeChart();
    new DefaultDeny(chart, 'deny', { pods: PodSelector.labels({ app: 'web' }), namespace: 'web' });
    const policy = onlyPolicy(chart);
    expect(policy.metadata.namespace).toBe('web');
    expect(policy.spec).toEqual({ podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Ingress', 'Egress'] });
  });

  test('refuses a DefaultDeny that denies nothing', () => {
    expect(errorOf(() => new DefaultDeny(makeChart(), 'deny', { ingress: false, egress: false }))).toBe(
      'DefaultDeny test/deny: \'ingress\' and \'egress\' are both false, so this policy denies nothing; leave one of them true (both are true by default)');
  });

  test('exposes the NetworkPolicy object', () => {
    const chart = makeChart();
    const deny = new DefaultDeny(chart, 'deny', { name: 'deny-all' });
    expect(deny.name).toBe('deny-all');
    expect(deny.kind).toBe('NetworkPolicy');
  });

  describe('what it allows and denies', () => {
    /** shop/web and shop/api (the namespace the policy is in), other/client elsewhere. */
    function cluster(): TestCluster {
      return new TestCluster()
        .pod('shop/web', { app: 'web' }, [{ port: 8080 }])
        .pod('shop/api', { app: 'api' }, [{ port: 9000 }])
        .pod('other/client', { app: 'client' }, [{ port: 8080 }]);
    }

    test('both ways: nothing in or out of any pod of the namespace; other namespaces stay open', () => {
      const c = cluster();
      new DefaultDeny(c.chart, 'deny');
      const m = c.manifests();
      expect(m).toDenyTraffic({ from: 'other/client', to: 'shop/web' });
      expect(m).toDenyTraffic({ from: '8.8.8.8', to: 'shop/web' });
      expect(m).toDenyTraffic({ from: 'shop/web', to: 'shop/api' });
      expect(m).toDenyTraffic({ from: 'shop/api', to: 'shop/web' });
      expect(m).toDenyTraffic({ from: 'shop/web', to: 'other/client' });
      expect(m).toDenyTraffic({ from: 'shop/web', to: '8.8.8.8' });
      expect(m).toDenyTraffic({ from: 'shop/api', to: '1.1.1.1', port: '53/UDP' });
      // Unselected pods (another namespace) allow everything.
      expect(m).toAllowTraffic({ from: 'other/client', to: '8.8.8.8', port: 443 });
      expect(m).toAllowTraffic({ from: '8.8.8.8', to: 'other/client', port: 8080 });
    });

    test('selected pods only: the rest of the namespace stays open both ways', () => {
      const c = cluster();
      new DefaultDeny(c.chart, 'deny', { pods: PodSelector.labels({ app: 'web' }) });
      const m = c.manifests();
      expect(m).toDenyTraffic({ from: 'shop/api', to: 'shop/web' });
      expect(m).toDenyTraffic({ from: 'shop/web', to: 'shop/api' });
      expect(m).toDenyTraffic({ from: 'shop/web', to: '8.8.8.8' });
      expect(m).toAllowTraffic({ from: 'other/client', to: 'shop/api', port: 9000 });
      expect(m).toAllowTraffic({ from: 'shop/api', to: 'other/client', port: 8080 });
      expect(m).toAllowTraffic({ from: 'shop/api', to: '8.8.8.8', port: 443 });
    });

    test('egress: false: ingress denied, egress to anywhere allowed (unless the destination isolates its ingress)', () => {
      const c = cluster();
      new DefaultDeny(c.chart, 'deny', { egress: false });
      const m = c.manifests();
      expect(m).toDenyTraffic({ from: 'other/client', to: 'shop/web' });
      expect(m).toDenyTraffic({ from: '8.8.8.8', to: 'shop/web', port: 8080 });
      expect(m).toAllowTraffic({ from: 'shop/web', to: '8.8.8.8', port: 443 });
      expect(m).toAllowTraffic({ from: 'shop/web', to: '1.1.1.1', port: '53/UDP' });
      expect(m).toAllowTraffic({ from: 'shop/web', to: 'other/client', port: 8080 });
      // Both ends must allow: shop/api's ingress is isolated by the same policy.
      expect(m).toDenyTraffic({ from: 'shop/web', to: 'shop/api', port: 9000 });
    });

    test('ingress: false: egress denied, ingress from anywhere allowed', () => {
      const c = cluster();
      new DefaultDeny(c.chart, 'deny', { ingress: false });
      const m = c.manifests();
      expect(m).toDenyTraffic({ from: 'shop/web', to: '8.8.8.8' });
      expect(m).toDenyTraffic({ from: 'shop/web', to: 'other/client' });
      expect(m).toAllowTraffic({ from: 'other/client', to: 'shop/web', port: 8080 });
      expect(m).toAllowTraffic({ from: '8.8.8.8', to: 'shop/api', port: 9000 });
      // Both ends must allow: shop/web's egress is isolated.
      expect(m).toDenyTraffic({ from: 'shop/web', to: 'shop/api', port: 9000 });
    });

    test('in another namespace than the chart\'s: isolates that namespace, not the chart\'s', () => {
      const c = cluster();
      new DefaultDeny(c.chart, 'deny', { namespace: 'other' });
      const m = c.manifests();
      expect(m).toDenyTraffic({ from: 'shop/web', to: 'other/client' });
      expect(m).toDenyTraffic({ from: 'other/client', to: '8.8.8.8' });
      expect(m).toAllowTraffic({ from: 'shop/web', to: 'shop/api', port: 9000 });
    });
  });
});
