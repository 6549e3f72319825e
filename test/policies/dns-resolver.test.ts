import { errorOf, makeChart, onlyPolicy, TestCluster } from './helpers';
import { DnsEgress, DnsResolver, Peer, PodSelector } from '../../src';
import '../../src/testing';

const dnsPorts = (port: number) => [{ protocol: 'UDP', port }, { protocol: 'TCP', port }];

function egressOf(resolver: DnsResolver): any[] {
  const chart = makeChart();
  new DnsEgress(chart, 'dns', { resolver });
  return onlyPolicy(chart).spec.egress;
}

describe('DnsResolver', () => {
  test('kubeDns: kube-system AND k8s-app=kube-dns in one peer, UDP and TCP 53 as numbers', () => {
    expect(egressOf(DnsResolver.kubeDns())).toEqual([{
      to: [{
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
        podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
      }],
      ports: dnsPorts(53),
    }]);
  });

  test('nodeLocal: the link-local address by ipBlock, 169.254.20.10 by default', () => {
    expect(egressOf(DnsResolver.nodeLocal())).toEqual([{ to: [{ ipBlock: { cidr: '169.254.20.10/32' } }], ports: dnsPorts(53) }]);
  });

  test('nodeLocal with the kube-dns ClusterIP (iptables mode) and an IPv6 address', () => {
    expect(egressOf(DnsResolver.nodeLocal({ ip: 'fd00::a', clusterIp: '10.96.0.10' }))).toEqual([{
      to: [{ ipBlock: { cidr: 'fd00::a/128' } }, { ipBlock: { cidr: '10.96.0.10/32' } }],
      ports: dnsPorts(53),
    }]);
  });

  test('openShift: openshift-dns AND the dns-default daemonset pods, UDP and TCP 5353', () => {
    expect(egressOf(DnsResolver.openShift())).toEqual([{
      to: [{
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'openshift-dns' } },
        podSelector: { matchLabels: { 'dns.operator.openshift.io/daemonset-dns': 'default' } },
      }],
      ports: dnsPorts(5353),
    }]);
  });

  test('custom: given peers, each port on UDP and TCP, 53 by default', () => {
    expect(egressOf(DnsResolver.custom([Peer.ipBlock('10.0.0.53/32')]))).toEqual([{ to: [{ ipBlock: { cidr: '10.0.0.53/32' } }], ports: dnsPorts(53) }]);
    expect(egressOf(DnsResolver.custom([Peer.namespace('dns')], [53, 5353]))[0].ports).toEqual([...dnsPorts(53), ...dnsPorts(5353)]);
  });

  test('anyDestination: port 53 to anywhere (no to)', () => {
    expect(egressOf(DnsResolver.anyDestination())).toEqual([{ ports: dnsPorts(53) }]);
  });

  test('combine: one rule per resolver, in order', () => {
    const egress = egressOf(DnsResolver.combine(DnsResolver.kubeDns(), DnsResolver.openShift(), DnsResolver.nodeLocal()));
    expect(egress.map(rule => rule.ports[0].port)).toEqual([53, 5353, 53]);
    expect(egress[2].to).toEqual([{ ipBlock: { cidr: '169.254.20.10/32' } }]);
  });

  test('kubeDns is one shared value, which combining or using it never changes', () => {
    const shared = DnsResolver.kubeDns();
    expect(DnsResolver.kubeDns()).toBe(shared);
    expect(egressOf(DnsResolver.combine(shared, DnsResolver.openShift()))).toHaveLength(2);
    expect(egressOf(shared)).toHaveLength(1);
    expect(egressOf(DnsResolver.kubeDns())).toEqual(egressOf(shared));
  });

  test('never uses the named port dns', () => {
    const all = DnsResolver.combine(DnsResolver.kubeDns(), DnsResolver.openShift(), DnsResolver.nodeLocal(), DnsResolver.anyDestination());
    const egress = egressOf(all);
    for (const rule of egress) {
      expect(rule.ports.every((p: any) => typeof p.port === 'number')).toBe(true);
      expect(rule.ports.map((p: any) => p.protocol).sort()).toEqual(expect.arrayContaining(['TCP', 'UDP']));
    }
  });

  test.each([
    [() => DnsResolver.nodeLocal({ ip: 'node-local-dns' }), "DnsResolver.nodeLocal: 'node-local-dns' is not an IP address; pass the address itself, e.g. 169.254.20.10"],
    [() => DnsResolver.nodeLocal({ clusterIp: '10.96.0.10/32' }), "DnsResolver.nodeLocal: '10.96.0.10/32' is not an IP address"],
    [() => DnsResolver.custom([]), 'DnsResolver.custom: \'peers\' is empty, which Kubernetes reads as "to everyone"; pass the DNS servers\' peers, or use DnsResolver.anyDestination() if that is what you mean'],
    [() => DnsResolver.custom([Peer.namespace('dns')], []), 'DnsResolver.custom: \'ports\' is empty'],
    [() => DnsResolver.combine(), 'DnsResolver.combine: no resolvers given; pass at least one, e.g. DnsResolver.kubeDns()'],
  ])('refuses %#', (make, message) => {
    expect(errorOf(make)).toContain(message);
  });

  test('custom DNS port 0 is refused at construction', () => {
    expect(errorOf(() => new DnsEgress(makeChart(), 'dns', { resolver: DnsResolver.custom([Peer.namespace('dns')], [0]) })))
      .toContain('DnsEgress test/dns: spec.egress[0].ports[0].port: 0 must be between 1 and 65535');
  });

  test('the pods can be narrowed', () => {
    const chart = makeChart();
    new DnsEgress(chart, 'dns', { pods: PodSelector.labels({ app: 'web' }) });
    expect(onlyPolicy(chart).spec.podSelector).toEqual({ matchLabels: { app: 'web' } });
  });

  describe('what each preset allows and denies (a shop pod, egress isolated by the DnsEgress itself)', () => {
    /** shop/web plus every kind of resolver: CoreDNS, OpenShift's dns-default, an unbound in namespace dns. */
    function withResolver(resolver: DnsResolver): any[] {
      const c = new TestCluster()
        .kubeDns()
        .pod('openshift-dns/dns-default', { 'dns.operator.openshift.io/daemonset-dns': 'default' }, [
          { port: 5353, protocol: 'UDP', name: 'dns' }, { port: 5353, name: 'dns-tcp' }, { port: 53, protocol: 'UDP' },
        ])
        .pod('dns/unbound', { app: 'unbound' }, [{ port: 53, protocol: 'UDP' }, { port: 53 }, { port: 5353, protocol: 'UDP' }, { port: 5353 }])
        .pod('dns/other', { app: 'other' }, [{ port: 53, protocol: 'UDP' }])
        .pod('shop/web', { app: 'web' });
      new DnsEgress(c.chart, 'dns', { resolver });
      return c.manifests();
    }
    const web = 'shop/web';

    test('kubeDns: CoreDNS only, 53 UDP and TCP', () => {
      const m = withResolver(DnsResolver.kubeDns());
      expect(m).toAllowTraffic({ from: web, to: 'kube-system/coredns', port: '53/UDP' });
      expect(m).toAllowTraffic({ from: web, to: 'kube-system/coredns', port: '53/TCP' });
      expect(m).toDenyTraffic({ from: web, to: 'kube-system/coredns', port: 9153 });
      expect(m).toDenyTraffic({ from: web, to: 'openshift-dns/dns-default', port: '5353/UDP' });
      expect(m).toDenyTraffic({ from: web, to: '169.254.20.10', port: '53/UDP' });
    });

    test('nodeLocal: the link-local address on 53 UDP and TCP, not CoreDNS\'s pods', () => {
      const m = withResolver(DnsResolver.nodeLocal());
      expect(m).toAllowTraffic({ from: web, to: '169.254.20.10', port: '53/UDP' });
      expect(m).toAllowTraffic({ from: web, to: '169.254.20.10', port: '53/TCP' });
      expect(m).toDenyTraffic({ from: web, to: '169.254.20.10', port: 80 });
      expect(m).toDenyTraffic({ from: web, to: '169.254.20.11', port: '53/UDP' });
      expect(m).toDenyTraffic({ from: web, to: '10.96.0.10', port: '53/UDP' });
      expect(m).toDenyTraffic({ from: web, to: 'kube-system/coredns', port: '53/UDP' });
    });

    test('nodeLocal with the ClusterIP (iptables mode): both addresses', () => {
      const m = withResolver(DnsResolver.nodeLocal({ ip: '169.254.20.25', clusterIp: '10.96.0.10' }));
      expect(m).toAllowTraffic({ from: web, to: '169.254.20.25', port: '53/UDP' });
      expect(m).toAllowTraffic({ from: web, to: '10.96.0.10', port: '53/TCP' });
      expect(m).toDenyTraffic({ from: web, to: '169.254.20.10', port: '53/UDP' });
      expect(m).toDenyTraffic({ from: web, to: '10.96.0.11', port: '53/UDP' });
    });

    test('openShift: dns-default on 5353 UDP and TCP (the pods\' port), not 53', () => {
      const m = withResolver(DnsResolver.openShift());
      expect(m).toAllowTraffic({ from: web, to: 'openshift-dns/dns-default', port: '5353/UDP' });
      expect(m).toAllowTraffic({ from: web, to: 'openshift-dns/dns-default', port: '5353/TCP' });
      expect(m).toDenyTraffic({ from: web, to: 'openshift-dns/dns-default', port: '53/UDP' });
      expect(m).toDenyTraffic({ from: web, to: 'kube-system/coredns', port: '53/UDP' });
    });

    test('custom: the given peers, each port on UDP and TCP', () => {
      const m = withResolver(DnsResolver.custom([Peer.podsInNamespace('dns', PodSelector.labels({ app: 'unbound' }))], [53, 5353]));
      for (const port of ['53/UDP', '53/TCP', '5353/UDP', '5353/TCP']) {
        expect(m).toAllowTraffic({ from: web, to: 'dns/unbound', port });
      }
      expect(m).toDenyTraffic({ from: web, to: 'dns/unbound', port: '54/UDP' });
      expect(m).toDenyTraffic({ from: web, to: 'dns/other', port: '53/UDP' });
      expect(m).toDenyTraffic({ from: web, to: 'kube-system/coredns', port: '53/UDP' });
    });

    test('anyDestination: port 53 anywhere, in or out of the cluster, and nothing else', () => {
      const m = withResolver(DnsResolver.anyDestination());
      expect(m).toAllowTraffic({ from: web, to: '8.8.8.8', port: '53/UDP' });
      expect(m).toAllowTraffic({ from: web, to: '8.8.8.8', port: '53/TCP' });
      expect(m).toAllowTraffic({ from: web, to: 'dns/other', port: '53/UDP' });
      expect(m).toDenyTraffic({ from: web, to: '8.8.8.8', port: 443 });
      expect(m).toDenyTraffic({ from: web, to: 'kube-system/coredns', port: 9153 });
      expect(m).toDenyTraffic({ from: web, to: 'openshift-dns/dns-default', port: '5353/UDP' });
    });

    test('combine: every resolver, each on its own ports', () => {
      const m = withResolver(DnsResolver.combine(DnsResolver.kubeDns(), DnsResolver.openShift()));
      expect(m).toAllowTraffic({ from: web, to: 'kube-system/coredns', port: '53/UDP' });
      expect(m).toAllowTraffic({ from: web, to: 'openshift-dns/dns-default', port: '5353/UDP' });
      expect(m).toDenyTraffic({ from: web, to: 'openshift-dns/dns-default', port: '53/UDP' });
      expect(m).toDenyTraffic({ from: web, to: 'kube-system/coredns', port: '5353/UDP' });
      expect(m).toDenyTraffic({ from: web, to: '169.254.20.10', port: '53/UDP' });
    });
  });
});
