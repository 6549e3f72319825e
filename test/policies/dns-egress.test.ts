import { makeChart, onlyPolicy, policies, synth } from './helpers';
import { DefaultDeny, DnsEgress, DnsResolver } from '../../src';

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
    expect(dns.apiObject.kind).toBe('NetworkPolicy');
  });
});
