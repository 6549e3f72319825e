import { makeChart, onlyPolicy, policies, synth, TestCluster } from './helpers';
import { DefaultDeny, DnsEgress, DnsResolver, PodSelector } from '../../src';
import '../../src/testing';

describe('DnsEgress', () => {
  test('defaults: every pod of the namespace to kube-dns, egress only', () => {
    const chart = makeChart();
    new DnsEgress(chart, 'dns', { name: 'allow-dns' });
    expect(synth(chart)).toMatchSnapshot();
    expect(onlyPolicy(chart)).toEqual({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'allow-dns', namespace: 'shop' },
      spec: {
        podSelector: {},
        policyTypes: ['Egress'],
        egress: [{
          to: [{
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
            podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
          }],
          ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }],
        }],
      },
    });
  });

  test('recipe 11 variant: deny egress, then allow DNS', () => {
    const chart = makeChart();
    new DefaultDeny(chart, 'deny', { ingress: false });
    new DnsEgress(chart, 'dns', { resolver: DnsResolver.combine(DnsResolver.kubeDns(), DnsResolver.nodeLocal()) });
    expect(policies(chart).map(p => p.spec.policyTypes)).toEqual([['Egress'], ['Egress']]);
    expect(policies(chart)[1].spec.egress).toHaveLength(2);
  });

  test('exposes the NetworkPolicy object', () => {
    const dns = new DnsEgress(makeChart(), 'dns');
    expect(dns.kind).toBe('NetworkPolicy');
  });

  describe('what it allows and denies', () => {
    /**
     * CoreDNS in kube-system, a pod of kube-system without the kube-dns label, a fake resolver with
     * the kube-dns label in another namespace, and the shop's web and api.
     */
    function cluster(): TestCluster {
      return new TestCluster()
        .kubeDns()
        .pod('kube-system/metrics-server', { 'k8s-app': 'metrics-server' }, [{ port: 53, protocol: 'UDP' }, { port: 53 }])
        .pod('evil/fake-dns', { 'k8s-app': 'kube-dns' }, [{ port: 53, protocol: 'UDP' }, { port: 53 }])
        .pod('shop/web', { app: 'web' }, [{ port: 8080 }])
        .pod('shop/api', { app: 'api' }, [{ port: 9000 }])
        .pod('elsewhere/client', { app: 'client' });
    }

    test('after a DefaultDeny: kube-system/coredns on UDP and TCP 53, nothing else', () => {
      const c = cluster();
      new DefaultDeny(c.chart, 'deny');
      new DnsEgress(c.chart, 'dns');
      const m = c.manifests();
      for (const pod of ['shop/web', 'shop/api']) {
        expect(m).toAllowTraffic({ from: pod, to: 'kube-system/coredns', port: '53/UDP' });
        expect(m).toAllowTraffic({ from: pod, to: 'kube-system/coredns', port: '53/TCP' });
      }
      expect(m).toDenyTraffic({ from: 'shop/web', to: 'kube-system/coredns', port: 80 });
      expect(m).toDenyTraffic({ from: 'shop/web', to: 'kube-system/coredns', port: 9153 });
      expect(m).toDenyTraffic({ from: 'shop/web', to: 'kube-system/coredns', port: '5353/UDP' });
      // One peer, namespace AND pods: neither the label elsewhere nor the namespace alone will do.
      expect(m).toDenyTraffic({ from: 'shop/web', to: 'evil/fake-dns', port: '53/UDP' });
      expect(m).toDenyTraffic({ from: 'shop/web', to: 'kube-system/metrics-server', port: '53/UDP' });
      expect(m).toDenyTraffic({ from: 'shop/web', to: '8.8.8.8', port: '53/UDP' });
      expect(m).toDenyTraffic({ from: 'shop/web', to: '8.8.8.8', port: 443 });
      expect(m).toDenyTraffic({ from: 'shop/web', to: 'shop/api', port: 9000 });
    });

    test('without it, the DefaultDeny blocks DNS', () => {
      const c = cluster();
      new DefaultDeny(c.chart, 'deny');
      expect(c.manifests()).toDenyTraffic({ from: 'shop/web', to: 'kube-system/coredns', port: '53/UDP' });
    });

    test('alone: isolates egress of the selected pods (DNS only), not their ingress', () => {
      const c = cluster();
      new DnsEgress(c.chart, 'dns');
      const m = c.manifests();
      expect(m).toAllowTraffic({ from: 'shop/web', to: 'kube-system/coredns', port: '53/UDP' });
      expect(m).toDenyTraffic({ from: 'shop/web', to: '8.8.8.8', port: 443 });
      expect(m).toDenyTraffic({ from: 'shop/web', to: 'elsewhere/client' });
      expect(m).toAllowTraffic({ from: 'elsewhere/client', to: 'shop/web', port: 8080 });
      expect(m).toAllowTraffic({ from: '8.8.8.8', to: 'shop/api', port: 9000 });
    });

    test('narrowed pods: the others keep their own egress (denied here by the DefaultDeny)', () => {
      const c = cluster();
      new DefaultDeny(c.chart, 'deny');
      new DnsEgress(c.chart, 'dns', { pods: PodSelector.labels({ app: 'web' }) });
      const m = c.manifests();
      expect(m).toAllowTraffic({ from: 'shop/web', to: 'kube-system/coredns', port: '53/UDP' });
      expect(m).toDenyTraffic({ from: 'shop/api', to: 'kube-system/coredns', port: '53/UDP' });
    });

    test('recipe 11 variant: deny egress, then allow kube-dns and NodeLocal DNSCache', () => {
      const c = cluster();
      new DefaultDeny(c.chart, 'deny', { ingress: false });
      new DnsEgress(c.chart, 'dns', { resolver: DnsResolver.combine(DnsResolver.kubeDns(), DnsResolver.nodeLocal()) });
      const m = c.manifests();
      expect(m).toAllowTraffic({ from: 'shop/web', to: 'kube-system/coredns', port: '53/UDP' });
      expect(m).toAllowTraffic({ from: 'shop/web', to: '169.254.20.10', port: '53/UDP' });
      expect(m).toAllowTraffic({ from: 'shop/web', to: '169.254.20.10', port: '53/TCP' });
      expect(m).toDenyTraffic({ from: 'shop/web', to: '169.254.20.11', port: '53/UDP' });
      expect(m).toDenyTraffic({ from: 'shop/web', to: 'elsewhere/client' });
      // Ingress was not denied.
      expect(m).toAllowTraffic({ from: 'elsewhere/client', to: 'shop/web', port: 8080 });
    });
  });
});
