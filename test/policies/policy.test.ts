import { Testing } from 'cdk8s';
import { errorOf, makeChart, onlyPolicy, synth, TestCluster } from './helpers';
import { LabelExpression, Peer, PodSelector, Policy, Port, Protocol } from '../../src';
import '../../src/testing';

/** The api of shop, which receives from the web and the monitoring namespace and sends to the database and one external range. */
function apiPolicy(chart: TestCluster['chart']): Policy {
  return new Policy(chart, 'api', {
    name: 'api',
    pods: PodSelector.labels({ app: 'api' }),
    ingress: [
      { peers: [Peer.pods(PodSelector.labels({ app: 'web' }))], ports: [Port.tcp(9000)] },
      { peers: [Peer.podsInNamespace('monitoring', PodSelector.labels({ app: 'prometheus' }))], ports: [Port.named('metrics')] },
    ],
    egress: [
      { peers: [Peer.pods(PodSelector.labels({ app: 'db' }))], ports: [Port.tcp(5432)] },
      { peers: [Peer.ipBlock('203.0.113.0/24')], ports: [Port.tcp(443)] },
    ],
  });
}

describe('Policy', () => {
  test('several rules each way, rendered in order with explicit policyTypes', () => {
    const chart = makeChart();
    apiPolicy(chart);
    expect(synth(chart)).toMatchSnapshot();
    expect(onlyPolicy(chart)).toEqual({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'api', namespace: 'shop' },
      spec: {
        podSelector: { matchLabels: { app: 'api' } },
        policyTypes: ['Ingress', 'Egress'],
        ingress: [
          { from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ protocol: 'TCP', port: 9000 }] },
          {
            from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } }, podSelector: { matchLabels: { app: 'prometheus' } } }],
            ports: [{ protocol: 'TCP', port: 'metrics' }],
          },
        ],
        egress: [
          { to: [{ podSelector: { matchLabels: { app: 'db' } } }], ports: [{ protocol: 'TCP', port: 5432 }] },
          { to: [{ ipBlock: { cidr: '203.0.113.0/24' } }], ports: [{ protocol: 'TCP', port: 443 }] },
        ],
      },
    });
  });

  test('rules isolate their direction only: ingress rules alone write policyTypes [Ingress]', () => {
    const chart = makeChart();
    new Policy(chart, 'p', { pods: PodSelector.all(), ingress: [{ peers: [Peer.allNamespaces()] }] });
    expect(onlyPolicy(chart).spec).toEqual({ podSelector: {}, policyTypes: ['Ingress'], ingress: [{ from: [{ namespaceSelector: {} }] }] });
  });

  test('isolateEgress without egress rules denies all egress, next to ingress rules', () => {
    const chart = makeChart();
    new Policy(chart, 'p', {
      pods: PodSelector.of({ expressions: [LabelExpression.exists('app')] }),
      ingress: [{ peers: [Peer.anywhere()], ports: [Port.udpRange(5000, 5010)] }],
      isolateEgress: true,
    });
    expect(onlyPolicy(chart).spec).toEqual({
      podSelector: { matchExpressions: [{ key: 'app', operator: 'Exists' }] },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ ports: [{ protocol: 'UDP', port: 5000, endPort: 5010 }] }],
    });
  });

  test('isolate switches alone: a default deny; an explicit true beside rules changes nothing', () => {
    const chart = makeChart();
    new Policy(chart, 'deny', { pods: PodSelector.all(), isolateIngress: true, isolateEgress: true });
    new Policy(chart, 'same', { pods: PodSelector.all(), ingress: [{ peers: [Peer.anywhere()] }], isolateIngress: true, isolateEgress: false });
    const [deny, same] = synth(chart);
    expect(deny.spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    expect(same.spec).toEqual({ podSelector: {}, policyTypes: ['Ingress'], ingress: [{}] });
  });

  describe('what it allows and denies', () => {
    function shop(): TestCluster {
      return new TestCluster()
        .namespace('monitoring')
        .pod('shop/web', { app: 'web' }, [{ port: 8080 }])
        .pod('shop/api', { app: 'api' }, [{ port: 9000 }, { port: 9090, name: 'metrics' }])
        .pod('shop/db', { app: 'db' }, [{ port: 5432 }])
        .pod('shop/other', { app: 'other' }, [{ port: 5432 }])
        .pod('monitoring/prometheus', { app: 'prometheus' })
        .pod('elsewhere/prometheus', { app: 'prometheus' });
    }

    test('each rule allows its peers on its ports; everything else into or out of the api is denied', () => {
      const c = shop();
      apiPolicy(c.chart);
      const m = c.manifests();
      expect(m).toAllowTraffic({ from: 'shop/web', to: 'shop/api', port: 9000 });
      expect(m).toDenyTraffic({ from: 'shop/web', to: 'shop/api', port: 9090 });
      expect(m).toDenyTraffic({ from: 'shop/other', to: 'shop/api', port: 9000 });
      // The named port resolves on the api's pods: 9090, for the prometheus of monitoring only.
      expect(m).toAllowTraffic({ from: 'monitoring/prometheus', to: 'shop/api', port: 9090 });
      expect(m).toDenyTraffic({ from: 'monitoring/prometheus', to: 'shop/api', port: 9000 });
      expect(m).toDenyTraffic({ from: 'elsewhere/prometheus', to: 'shop/api', port: 9090 });
      expect(m).toDenyTraffic({ from: '8.8.8.8', to: 'shop/api', port: 9000 });
      expect(m).toAllowTraffic({ from: 'shop/api', to: 'shop/db', port: 5432 });
      expect(m).toDenyTraffic({ from: 'shop/api', to: 'shop/db', port: 5433 });
      expect(m).toDenyTraffic({ from: 'shop/api', to: 'shop/other', port: 5432 });
      expect(m).toAllowTraffic({ from: 'shop/api', to: '203.0.113.7', port: 443 });
      expect(m).toDenyTraffic({ from: 'shop/api', to: '203.0.113.7', port: 80 });
      expect(m).toDenyTraffic({ from: 'shop/api', to: '8.8.8.8', port: 443 });
      // The other pods are not selected: they stay open both ways.
      expect(m).toAllowTraffic({ from: 'shop/other', to: 'shop/web', port: 8080 });
      expect(m).toAllowTraffic({ from: 'shop/web', to: '8.8.8.8', port: 443 });
    });

    test('isolateEgress with no egress rules: nothing leaves the selected pods, they still receive what is allowed', () => {
      const c = shop();
      new Policy(c.chart, 'db', {
        pods: PodSelector.labels({ app: 'db' }),
        ingress: [{ peers: [Peer.pods(PodSelector.labels({ app: 'api' }))], ports: [Port.tcp(5432)] }],
        isolateEgress: true,
      });
      const m = c.manifests();
      expect(m).toAllowTraffic({ from: 'shop/api', to: 'shop/db', port: 5432 });
      expect(m).toDenyTraffic({ from: 'shop/web', to: 'shop/db', port: 5432 });
      expect(m).toDenyTraffic({ from: 'shop/db', to: 'shop/api', port: 9000 });
      expect(m).toDenyTraffic({ from: 'shop/db', to: '8.8.8.8', port: 53 });
    });

    test('namespaces chosen by an expression, and pods of one label in every namespace', () => {
      const c = shop()
        .namespace('prod', { env: 'prod' })
        .namespace('dev', { env: 'dev' })
        .pod('prod/client', { app: 'client' })
        .pod('dev/client', { app: 'client' });
      new Policy(c.chart, 'web', {
        pods: PodSelector.labels({ app: 'web' }),
        ingress: [
          { peers: [Peer.namespaces({}, [LabelExpression.in('env', ['prod'])])], ports: [Port.tcp(8080)] },
          { peers: [Peer.podsInAllNamespaces(PodSelector.labels({ app: 'prometheus' }))] },
        ],
      });
      const m = c.manifests();
      expect(m).toAllowTraffic({ from: 'prod/client', to: 'shop/web', port: 8080 });
      expect(m).toDenyTraffic({ from: 'prod/client', to: 'shop/web', port: 8081 });
      expect(m).toDenyTraffic({ from: 'dev/client', to: 'shop/web', port: 8080 });
      expect(m).toAllowTraffic({ from: 'monitoring/prometheus', to: 'shop/web', port: 8081 });
      expect(m).toAllowTraffic({ from: 'elsewhere/prometheus', to: 'shop/web', port: 8080 });
      expect(m).toDenyTraffic({ from: 'shop/api', to: 'shop/web', port: 8080 });
      expect(m).toDenyTraffic({ from: '8.8.8.8', to: 'shop/web', port: 8080 });
    });

    test('only isolateIngress: nothing comes in, egress untouched', () => {
      const c = shop();
      new Policy(c.chart, 'web', { pods: PodSelector.labels({ app: 'web' }), isolateIngress: true });
      const m = c.manifests();
      expect(m).toDenyTraffic({ from: 'shop/api', to: 'shop/web', port: 8080 });
      expect(m).toAllowTraffic({ from: 'shop/web', to: 'shop/api', port: 9000 });
    });
  });

  describe('refuses', () => {
    const pods = PodSelector.labels({ app: 'api' });
    const web = Peer.pods(PodSelector.labels({ app: 'web' }));

    test('a policy that isolates nothing', () => {
      expect(errorOf(() => new Policy(makeChart(), 'p', { pods }))).toBe(
        'Policy test/p: neither \'ingress\' nor \'egress\' is isolated, so this policy changes nothing; give rules for a direction, or set isolateIngress / isolateEgress to true to deny it');
      expect(errorOf(() => new Policy(makeChart(), 'p', { pods, isolateIngress: false, isolateEgress: false }))).toContain('changes nothing');
    });

    test('an empty rule list, which would deny the direction without saying so', () => {
      expect(errorOf(() => new Policy(makeChart(), 'p', { pods, ingress: [] }))).toBe(
        'Policy test/p: \'ingress\' is empty, which would deny all ingress traffic without saying so; set isolateIngress: true and leave \'ingress\' out to deny it all, or give at least one rule');
      expect(errorOf(() => new Policy(makeChart(), 'p', { pods, egress: [], isolateIngress: true }))).toContain('\'egress\' is empty');
    });

    test('rules for a direction switched off: Kubernetes would ignore them', () => {
      expect(errorOf(() => new Policy(makeChart(), 'p', { pods, egress: [{ peers: [web] }], isolateEgress: false }))).toBe(
        'Policy test/p: \'egress\' has 1 rule(s) but isolateEgress is false, so Kubernetes would ignore them; leave isolateEgress out (rules isolate the direction), or remove \'egress\'');
    });

    test('an empty peer list: Kubernetes reads it as everyone', () => {
      expect(errorOf(() => new Policy(makeChart(), 'p', { pods, ingress: [{ peers: [web] }, { peers: [] }] }))).toBe(
        'Policy test/p: \'ingress[1].peers\' is empty, which Kubernetes reads as "allow from everyone"; pass [Peer.anywhere()] if that is what you mean');
      expect(errorOf(() => new Policy(makeChart(), 'p', { pods, egress: [{ peers: [] }] }))).toContain('"allow to everyone"');
    });

    test('an empty port list: Kubernetes reads it as every port', () => {
      expect(errorOf(() => new Policy(makeChart(), 'p', { pods, egress: [{ peers: [web], ports: [] }] }))).toBe(
        'Policy test/p: \'egress[0].ports\' is empty, which Kubernetes reads as "every port of every protocol"; leave \'egress[0].ports\' out if that is what you mean');
    });

    test('what the API server or the fail-closed rules refuse, with the field', () => {
      expect(errorOf(() => new Policy(makeChart(), 'p', { pods, egress: [{ peers: [web], ports: [Port.tcp(70000)] }] }))).toMatch(
        /^Policy test\/p: spec\.egress\[0\]\.ports\[0\]\.port: 70000 must be between 1 and 65535/);
      expect(errorOf(() => new Policy(makeChart(), 'p', { pods, ingress: [{ peers: [Peer.ipBlock('10.0.0.0/8')], ports: [Port.named('http', Protocol.TCP)] }] }))).toMatch(
        /^Policy test\/p: spec\.ingress\[0\]\.ports\[0\]\.port: http is a named port in a rule with an ipBlock peer/);
      expect(errorOf(() => new Policy(makeChart(), 'p', { pods, egress: [{ peers: [Peer.anywhere()], ports: [Port.named('http')] }] }))).toMatch(
        /^Policy test\/p: 'ports' has the named port 'http' in an egress rule to Peer.anywhere\(\)/);
    });

    test('a refused policy leaves the chart: catching the error and synthesizing writes nothing', () => {
      const chart = makeChart();
      errorOf(() => new Policy(chart, 'p', { pods, ingress: [] }));
      expect(Testing.synth(chart)).toEqual([]);
    });
  });
});
