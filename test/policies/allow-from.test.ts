import { errorOf, makeChart, onlyPolicy, synth } from './helpers';
import { AllowFrom, Peer, PodSelector, Port } from '../../src';

describe('AllowFrom', () => {
  test('seed example 2: backend-allow-frontend, reproduced exactly', () => {
    const chart = makeChart();
    new AllowFrom(chart, 'x', {
      name: 'backend-allow-frontend',
      pods: PodSelector.labels({ app: 'backend' }),
      from: [Peer.pods(PodSelector.labels({ app: 'frontend' }))],
      ports: [Port.tcp(8080)],
    });
    expect(synth(chart)).toMatchSnapshot();
    expect(onlyPolicy(chart)).toEqual({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'backend-allow-frontend', namespace: 'shop' },
      spec: {
        podSelector: { matchLabels: { app: 'backend' } },
        policyTypes: ['Ingress'],
        ingress: [{ from: [{ podSelector: { matchLabels: { app: 'frontend' } } }], ports: [{ protocol: 'TCP', port: 8080 }] }],
      },
    });
  });

  test('the docs\' test-network-policy ingress: three peers ORed, one port', () => {
    const chart = makeChart('default');
    new AllowFrom(chart, 'x', {
      pods: PodSelector.labels({ role: 'db' }),
      from: [
        Peer.ipBlock('172.17.0.0/16', ['172.17.1.0/24']),
        Peer.namespaces({ project: 'myproject' }),
        Peer.pods(PodSelector.labels({ role: 'frontend' })),
      ],
      ports: [Port.tcp(6379)],
    });
    expect(onlyPolicy(chart).spec.ingress).toEqual([{
      from: [
        { ipBlock: { cidr: '172.17.0.0/16', except: ['172.17.1.0/24'] } },
        { namespaceSelector: { matchLabels: { project: 'myproject' } } },
        { podSelector: { matchLabels: { role: 'frontend' } } },
      ],
      ports: [{ protocol: 'TCP', port: 6379 }],
    }]);
  });

  test('without ports: every port', () => {
    const chart = makeChart();
    new AllowFrom(chart, 'x', { pods: PodSelector.all(), from: [Peer.pods(PodSelector.all())] });
    expect(onlyPolicy(chart).spec.ingress).toEqual([{ from: [{ podSelector: {} }] }]);
  });

  test('from anywhere: the rule has no from', () => {
    const chart = makeChart();
    new AllowFrom(chart, 'x', { pods: PodSelector.labels({ app: 'web' }), from: [Peer.anywhere()], ports: [Port.tcp(443)] });
    expect(onlyPolicy(chart).spec).toEqual({
      podSelector: { matchLabels: { app: 'web' } },
      policyTypes: ['Ingress'],
      ingress: [{ ports: [{ protocol: 'TCP', port: 443 }] }],
    });
  });

  test('refuses an empty from: Kubernetes reads it as everyone', () => {
    expect(errorOf(() => new AllowFrom(makeChart(), 'api', { pods: PodSelector.all(), from: [] }))).toBe(
      'AllowFrom test/api: \'from\' is empty, which Kubernetes reads as "allow from everyone"; pass Peer.anywhere() if that is what you mean');
  });

  test('refuses empty ports: Kubernetes reads them as every port', () => {
    expect(errorOf(() => new AllowFrom(makeChart(), 'api', { pods: PodSelector.all(), from: [Peer.allNamespaces()], ports: [] }))).toBe(
      'AllowFrom test/api: \'ports\' is empty, which Kubernetes reads as "every port of every protocol"; leave \'ports\' out if that is what you mean');
  });

  test('names the full construct path in errors', () => {
    const chart = makeChart();
    const error = errorOf(() => new AllowFrom(chart, 'api', { pods: PodSelector.all(), from: [Peer.ipBlock('10.0.0.1/8')] }));
    expect(error.startsWith('AllowFrom test/api: spec.ingress[0].from[0].ipBlock.cidr: 10.0.0.1/8 ')).toBe(true);
  });
});
