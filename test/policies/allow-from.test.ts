import * as kplus from 'cdk8s-plus-28';
import { errorOf, makeChart, onlyPolicy, synth, TestCluster } from './helpers';
import { AllowFrom, AllowTo, DefaultDeny, Peer, PodSelector, Port } from '../../src';
import '../../src/testing';

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

  describe('what it allows and denies', () => {
    /** frontend, backend and other in shop; a pod labelled app=frontend in another namespace. */
    function shop(): TestCluster {
      return new TestCluster()
        .pod('shop/frontend', { app: 'frontend' }, [{ port: 8080 }])
        .pod('shop/backend', { app: 'backend' }, [{ port: 8080 }, { port: 8081 }, { port: 8080, protocol: 'UDP' }])
        .pod('shop/other', { app: 'other' })
        .pod('elsewhere/frontend', { app: 'frontend' });
    }
    const backendFromFrontend = (c: TestCluster) => new AllowFrom(c.chart, 'backend-from-frontend', {
      pods: PodSelector.labels({ app: 'backend' }),
      from: [Peer.pods(PodSelector.labels({ app: 'frontend' }))],
      ports: [Port.tcp(8080)],
    });

    test('alone: frontend → backend on TCP 8080 only; every other source denied', () => {
      const c = shop();
      backendFromFrontend(c);
      const m = c.manifests();
      expect(m).toAllowTraffic({ from: 'shop/frontend', to: 'shop/backend', port: 8080 });
      expect(m).toAllowTraffic({ from: 'shop/frontend', to: 'shop/backend', port: '8080/TCP' });
      expect(m).toDenyTraffic({ from: 'shop/frontend', to: 'shop/backend', port: 8081 });
      expect(m).toDenyTraffic({ from: 'shop/frontend', to: 'shop/backend', port: '8080/UDP' });
      expect(m).toDenyTraffic({ from: 'shop/other', to: 'shop/backend', port: 8080 });
      // A pod selector peer means the policy's namespace only.
      expect(m).toDenyTraffic({ from: 'elsewhere/frontend', to: 'shop/backend', port: 8080 });
      expect(m).toDenyTraffic({ from: '8.8.8.8', to: 'shop/backend', port: 8080 });
      // Only the backend's ingress is isolated: it still sends anywhere, and the frontend still receives.
      expect(m).toAllowTraffic({ from: 'shop/backend', to: 'shop/frontend', port: 8080 });
      expect(m).toAllowTraffic({ from: 'shop/backend', to: '8.8.8.8', port: 443 });
      expect(m).toAllowTraffic({ from: 'shop/other', to: 'shop/frontend', port: 8080 });
    });

    test('with the source\'s egress isolated: denied until AllowTo opens the other end too', () => {
      const build = (withAllowTo: boolean) => {
        const c = shop();
        new DefaultDeny(c.chart, 'deny-egress', { ingress: false });
        backendFromFrontend(c);
        if (withAllowTo) {
          new AllowTo(c.chart, 'frontend-to-backend', {
            pods: PodSelector.labels({ app: 'frontend' }),
            to: [Peer.pods(PodSelector.labels({ app: 'backend' }))],
            ports: [Port.tcp(8080)],
          });
        }
        return c.manifests();
      };
      const oneSided = build(false);
      expect(oneSided).toDenyTraffic({ from: 'shop/frontend', to: 'shop/backend', port: 8080 });
      const bothEnds = build(true);
      expect(bothEnds).toAllowTraffic({ from: 'shop/frontend', to: 'shop/backend', port: 8080 });
      expect(bothEnds).toDenyTraffic({ from: 'shop/frontend', to: 'shop/backend', port: 8081 });
      expect(bothEnds).toDenyTraffic({ from: 'shop/frontend', to: 'shop/other', port: 8080 });
      expect(bothEnds).toDenyTraffic({ from: 'shop/frontend', to: '8.8.8.8' });
      // Only one direction was opened: the backend cannot connect back.
      expect(bothEnds).toDenyTraffic({ from: 'shop/backend', to: 'shop/frontend', port: 8080 });
    });

    test('the docs\' test-network-policy ingress: an ipBlock with except, labelled namespaces, same-namespace pods, ORed; TCP 6379', () => {
      const c = new TestCluster('default')
        .namespace('myproject', { project: 'myproject' })
        .namespace('unlabelled')
        .pod('default/db', { role: 'db' }, [{ port: 6379 }, { port: 6380 }])
        .pod('default/frontend', { role: 'frontend' })
        .pod('default/backend', { role: 'backend' })
        .pod('myproject/anything', { app: 'x' })
        .pod('unlabelled/frontend', { role: 'frontend' });
      new AllowFrom(c.chart, 'x', {
        pods: PodSelector.labels({ role: 'db' }),
        from: [
          Peer.ipBlock('172.17.0.0/16', ['172.17.1.0/24']),
          Peer.namespaces({ project: 'myproject' }),
          Peer.pods(PodSelector.labels({ role: 'frontend' })),
        ],
        ports: [Port.tcp(6379)],
      });
      const m = c.manifests();
      expect(m).toAllowTraffic({ from: '172.17.0.5', to: 'default/db', port: 6379 });
      expect(m).toAllowTraffic({ from: '172.17.255.1', to: 'default/db', port: 6379 });
      expect(m).toDenyTraffic({ from: '172.17.1.5', to: 'default/db', port: 6379 });
      expect(m).toDenyTraffic({ from: '172.18.0.1', to: 'default/db', port: 6379 });
      expect(m).toAllowTraffic({ from: 'myproject/anything', to: 'default/db', port: 6379 });
      expect(m).toAllowTraffic({ from: 'default/frontend', to: 'default/db', port: 6379 });
      expect(m).toDenyTraffic({ from: 'default/frontend', to: 'default/db', port: 6380 });
      expect(m).toDenyTraffic({ from: 'default/backend', to: 'default/db', port: 6379 });
      expect(m).toDenyTraffic({ from: 'unlabelled/frontend', to: 'default/db', port: 6379 });
    });

    test('from anywhere on 443: external and in-cluster sources, that port only', () => {
      const c = shop().pod('shop/web', { app: 'web' }, [{ port: 443 }, { port: 80 }]);
      new AllowFrom(c.chart, 'x', { pods: PodSelector.labels({ app: 'web' }), from: [Peer.anywhere()], ports: [Port.tcp(443)] });
      const m = c.manifests();
      expect(m).toAllowTraffic({ from: '8.8.8.8', to: 'shop/web', port: 443 });
      expect(m).toAllowTraffic({ from: 'elsewhere/frontend', to: 'shop/web', port: 443 });
      expect(m).toDenyTraffic({ from: '8.8.8.8', to: 'shop/web', port: 80 });
      expect(m).toDenyTraffic({ from: 'shop/frontend', to: 'shop/web', port: '443/UDP' });
    });

    test('pods in labelled namespaces: namespace AND pods in one peer', () => {
      const c = shop()
        .namespace('ops', { team: 'operations' })
        .namespace('dev', { team: 'dev' })
        .pod('ops/prometheus', { type: 'monitoring' })
        .pod('ops/shell', { type: 'debug' })
        .pod('dev/prometheus', { type: 'monitoring' })
        .pod('shop/prometheus', { type: 'monitoring' });
      new AllowFrom(c.chart, 'x', {
        pods: PodSelector.labels({ app: 'backend' }),
        from: [Peer.podsInNamespaces({ team: 'operations' }, PodSelector.labels({ type: 'monitoring' }))],
      });
      const m = c.manifests();
      expect(m).toAllowTraffic({ from: 'ops/prometheus', to: 'shop/backend', port: 8081 });
      expect(m).toDenyTraffic({ from: 'ops/shell', to: 'shop/backend' });
      expect(m).toDenyTraffic({ from: 'dev/prometheus', to: 'shop/backend' });
      expect(m).toDenyTraffic({ from: 'shop/prometheus', to: 'shop/backend' });
    });

    test('cdk8s-plus workloads: Peer.workload from another namespace selects that namespace AND its pods', () => {
      const c = new TestCluster();
      const deployment = (namespace: string, name: string, port: number) => {
        const workload = new kplus.Deployment(c.objects, `${namespace}-${name}`, {
          metadata: { name, namespace },
          containers: [{ image: `registry.example/${name}:1`, portNumber: port, securityContext: { ensureNonRoot: false } }],
        });
        return workload;
      };
      const api = deployment('shop', 'api', 9000);
      const pg = deployment('data', 'pg', 5432);
      c.pod('shop/other', { app: 'other' });
      // The api's pod labels, but in the database's namespace.
      c.pod('data/impostor', { ...api.matchLabels });
      new AllowFrom(c.chart, 'pg-from-api', { namespace: 'data', pods: PodSelector.workload(pg), from: [Peer.workload(api)], ports: [Port.tcp(5432)] });
      const m = c.manifests();
      expect(m).toAllowTraffic({ from: 'shop/api', to: 'data/pg', port: 5432 });
      expect(m).toDenyTraffic({ from: 'shop/api', to: 'data/pg', port: 5433 });
      expect(m).toDenyTraffic({ from: 'shop/other', to: 'data/pg', port: 5432 });
      expect(m).toDenyTraffic({ from: 'data/impostor', to: 'data/pg', port: 5432 });
    });
  });
});
