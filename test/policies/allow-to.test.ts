import { errorOf, makeChart, onlyPolicy, synth } from './helpers';
import { AllowTo, Peer, PodSelector, Port } from '../../src';

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
});
