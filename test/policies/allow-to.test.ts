import { errorOf, makeChart, onlyPolicy, synth, TestCluster } from './helpers';
import { AllowFrom, AllowTo, DefaultDeny, Peer, PodSelector, Port } from '../../src';
import '../../src/testing';

describe('AllowTo', () => {
  test('seed example 3: backend-egress-db, reproduced exactly (policyTypes [Egress] explicitly)', () => {
    const chart = makeChart();
    new AllowTo(chart, 'x', {
      name: 'backend-egress-db',
      pods: PodSelector.labels({ app: 'backend' }),
      to: [Peer.pods(PodSelector.labels({ app: 'database' }))],
      ports: [Port.tcp(5432)],
    });
    expect(synth(chart)).toMatchSnapshot();
    expect(onlyPolicy(chart)).toEqual({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'backend-egress-db', namespace: 'shop' },
      spec: {
        podSelector: { matchLabels: { app: 'backend' } },
        policyTypes: ['Egress'],
        egress: [{ to: [{ podSelector: { matchLabels: { app: 'database' } } }], ports: [{ protocol: 'TCP', port: 5432 }] }],
      },
    });
  });

  test('the docs\' multi-port-egress: a port range to an ipBlock', () => {
    const chart = makeChart('default');
    new AllowTo(chart, 'x', { pods: PodSelector.labels({ role: 'db' }), to: [Peer.ipBlock('10.0.0.0/24')], ports: [Port.tcpRange(32000, 32768)] });
    expect(onlyPolicy(chart).spec.egress).toEqual([{ to: [{ ipBlock: { cidr: '10.0.0.0/24' } }], ports: [{ protocol: 'TCP', port: 32000, endPort: 32768 }] }]);
  });

  test('recipe 14\'s intent: every pod of every namespace, nothing outside the cluster', () => {
    const chart = makeChart();
    new AllowTo(chart, 'x', { pods: PodSelector.labels({ app: 'foo' }), to: [Peer.allNamespaces()] });
    expect(onlyPolicy(chart).spec).toEqual({
      podSelector: { matchLabels: { app: 'foo' } },
      policyTypes: ['Egress'],
      egress: [{ to: [{ namespaceSelector: {} }] }],
    });
  });

  test('a named port to pods is fine (resolved on the destination pods)', () => {
    const chart = makeChart();
    new AllowTo(chart, 'x', { pods: PodSelector.all(), to: [Peer.podsInNamespace('web', PodSelector.labels({ app: 'web' }))], ports: [Port.named('http')] });
    expect(onlyPolicy(chart).spec.egress[0].ports).toEqual([{ protocol: 'TCP', port: 'http' }]);
  });

  test('refuses an empty to: Kubernetes reads it as everyone', () => {
    expect(errorOf(() => new AllowTo(makeChart(), 'api', { pods: PodSelector.all(), to: [] }))).toBe(
      'AllowTo test/api: \'to\' is empty, which Kubernetes reads as "allow to everyone"; pass Peer.anywhere() if that is what you mean');
  });

  test('refuses empty ports', () => {
    expect(errorOf(() => new AllowTo(makeChart(), 'api', { pods: PodSelector.all(), to: [Peer.anyIpv4()], ports: [] })))
      .toContain('AllowTo test/api: \'ports\' is empty, which Kubernetes reads as "every port of every protocol"');
  });

  test('refuses a named port with an ipBlock destination', () => {
    expect(errorOf(() => new AllowTo(makeChart(), 'api', { pods: PodSelector.all(), to: [Peer.anyIpv6()], ports: [Port.named('https')] }))).toBe(
      'AllowTo test/api: spec.egress[0].ports[0].port: https is a named port in a rule with an ipBlock peer; named ports are resolved on pods, and what they mean for external addresses is left to each network plugin; use the port number');
  });

  describe('what it allows and denies', () => {
    /** frontend → backend → database in shop, other in shop, CoreDNS, a client in another namespace. */
    function shop(): TestCluster {
      return new TestCluster()
        .kubeDns()
        .pod('shop/frontend', { app: 'frontend' }, [{ port: 8080 }])
        .pod('shop/backend', { app: 'backend' }, [{ port: 9000 }])
        .pod('shop/database', { app: 'database' }, [{ port: 5432 }, { port: 5433 }])
        .pod('shop/other', { app: 'other' }, [{ port: 5432 }])
        .pod('elsewhere/client', { app: 'client' }, [{ port: 80 }]);
    }
    const backendToDatabase = (c: TestCluster) => new AllowTo(c.chart, 'backend-to-database', {
      pods: PodSelector.labels({ app: 'backend' }),
      to: [Peer.pods(PodSelector.labels({ app: 'database' }))],
      ports: [Port.tcp(5432)],
    });

    test('alone: backend → database on TCP 5432 only; every other destination denied, DNS included', () => {
      const c = shop();
      backendToDatabase(c);
      const m = c.manifests();
      expect(m).toAllowTraffic({ from: 'shop/backend', to: 'shop/database', port: 5432 });
      expect(m).toDenyTraffic({ from: 'shop/backend', to: 'shop/database', port: 5433 });
      expect(m).toDenyTraffic({ from: 'shop/backend', to: 'shop/database', port: '5432/UDP' });
      expect(m).toDenyTraffic({ from: 'shop/backend', to: 'shop/other', port: 5432 });
      expect(m).toDenyTraffic({ from: 'shop/backend', to: 'elsewhere/client', port: 80 });
      expect(m).toDenyTraffic({ from: 'shop/backend', to: '8.8.8.8' });
      expect(m).toDenyTraffic({ from: 'shop/backend', to: 'kube-system/coredns', port: '53/UDP' });
      // Other pods' egress is not isolated.
      expect(m).toAllowTraffic({ from: 'shop/frontend', to: 'shop/database', port: 5433 });
    });

    test('policyTypes [Egress] only: the selected pods\' ingress stays open', () => {
      const c = shop();
      backendToDatabase(c);
      const m = c.manifests();
      expect(m).toAllowTraffic({ from: 'shop/frontend', to: 'shop/backend', port: 9000 });
      expect(m).toAllowTraffic({ from: '8.8.8.8', to: 'shop/backend', port: 9000 });
      // The reverse direction is not isolated on either end.
      expect(m).toAllowTraffic({ from: 'shop/database', to: 'shop/backend', port: 9000 });
    });

    test('with the destination\'s ingress isolated: denied until AllowFrom opens the other end too', () => {
      const build = (withAllowFrom: boolean) => {
        const c = shop();
        new DefaultDeny(c.chart, 'deny-ingress', { egress: false });
        backendToDatabase(c);
        if (withAllowFrom) {
          new AllowFrom(c.chart, 'database-from-backend', {
            pods: PodSelector.labels({ app: 'database' }),
            from: [Peer.pods(PodSelector.labels({ app: 'backend' }))],
            ports: [Port.tcp(5432)],
          });
        }
        return c.manifests();
      };
      expect(build(false)).toDenyTraffic({ from: 'shop/backend', to: 'shop/database', port: 5432 });
      const bothEnds = build(true);
      expect(bothEnds).toAllowTraffic({ from: 'shop/backend', to: 'shop/database', port: 5432 });
      expect(bothEnds).toDenyTraffic({ from: 'shop/frontend', to: 'shop/database', port: 5432 });
      expect(bothEnds).toDenyTraffic({ from: 'shop/database', to: 'shop/backend', port: 9000 });
    });

    test('the docs\' multi-port-egress: a TCP range to an ipBlock, both ends included', () => {
      const c = new TestCluster('default').pod('default/db', { role: 'db' });
      new AllowTo(c.chart, 'x', { pods: PodSelector.labels({ role: 'db' }), to: [Peer.ipBlock('10.0.0.0/24')], ports: [Port.tcpRange(32000, 32768)] });
      const m = c.manifests();
      expect(m).toAllowTraffic({ from: 'default/db', to: '10.0.0.7', port: 32000 });
      expect(m).toAllowTraffic({ from: 'default/db', to: '10.0.0.255', port: 32768 });
      expect(m).toDenyTraffic({ from: 'default/db', to: '10.0.0.7', port: 31999 });
      expect(m).toDenyTraffic({ from: 'default/db', to: '10.0.0.7', port: 32769 });
      expect(m).toDenyTraffic({ from: 'default/db', to: '10.0.0.7', port: '32000/UDP' });
      expect(m).toDenyTraffic({ from: 'default/db', to: '10.0.1.7', port: 32000 });
    });

    test('recipe 14\'s intent: every pod of every namespace, nothing outside the cluster', () => {
      const c = shop().pod('shop/foo', { app: 'foo' });
      new AllowTo(c.chart, 'x', { pods: PodSelector.labels({ app: 'foo' }), to: [Peer.allNamespaces()] });
      const m = c.manifests();
      expect(m).toAllowTraffic({ from: 'shop/foo', to: 'elsewhere/client', port: 80 });
      expect(m).toAllowTraffic({ from: 'shop/foo', to: 'shop/database', port: 5433 });
      expect(m).toAllowTraffic({ from: 'shop/foo', to: 'kube-system/coredns', port: '53/UDP' });
      expect(m).toDenyTraffic({ from: 'shop/foo', to: '8.8.8.8' });
      expect(m).toDenyTraffic({ from: 'shop/foo', to: '10.0.0.1', port: 443 });
    });

    test('a named port is resolved on each destination pod', () => {
      const c = shop()
        .pod('web/web-a', { app: 'web' }, [{ port: 8080, name: 'http' }])
        .pod('web/web-b', { app: 'web' }, [{ port: 9090, name: 'http' }, { port: 8080, name: 'admin' }]);
      new AllowTo(c.chart, 'x', {
        pods: PodSelector.labels({ app: 'frontend' }),
        to: [Peer.podsInNamespace('web', PodSelector.labels({ app: 'web' }))],
        ports: [Port.named('http')],
      });
      const m = c.manifests();
      expect(m).toAllowTraffic({ from: 'shop/frontend', to: 'web/web-a', port: 8080 });
      expect(m).toAllowTraffic({ from: 'shop/frontend', to: 'web/web-b', port: 9090 });
      expect(m).toDenyTraffic({ from: 'shop/frontend', to: 'web/web-a', port: 9090 });
      expect(m).toDenyTraffic({ from: 'shop/frontend', to: 'web/web-b', port: 8080 });
    });
  });
});
