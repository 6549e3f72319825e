import * as kplus from 'cdk8s-plus-28';
import { appPeer, errorOf, KUBE_DNS_RULE, makeChart, policies, synth, TestCluster } from './helpers';
import { DnsResolver, Peer, PodSelector, Port, Tier, TierIsolation } from '../../src';
import '../../src/testing';

const KUBE_DNS = KUBE_DNS_RULE;
const app = appPeer;
const tcp = (port: number | string) => ({ protocol: 'TCP', port });

const web: Tier = { name: 'web', pods: PodSelector.labels({ app: 'web' }), ports: [Port.tcp(80)], from: [Peer.namespace('ingress-nginx')] };
const api: Tier = { name: 'api', pods: PodSelector.labels({ app: 'api' }), ports: [Port.named('http')] };
const db: Tier = { name: 'db', pods: PodSelector.labels({ app: 'db' }), ports: [Port.tcp(5432)] };

describe('TierIsolation', () => {
  test('web → api → db in one namespace: one policy per tier, both ends of every hop', () => {
    const chart = makeChart();
    new TierIsolation(chart, 'shop', { name: 'shop', tiers: [web, api, db] });
    expect(synth(chart)).toMatchSnapshot();
    const [webPolicy, apiPolicy, dbPolicy] = policies(chart);
    expect(webPolicy.metadata).toEqual({ name: 'shop-web', namespace: 'shop' });
    expect(webPolicy.spec).toEqual({
      podSelector: { matchLabels: { app: 'web' } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }], ports: [tcp(80)] }],
      egress: [{ to: [app('api')], ports: [tcp('http')] }, KUBE_DNS],
    });
    expect(apiPolicy.spec).toEqual({
      podSelector: { matchLabels: { app: 'api' } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [app('web')], ports: [tcp('http')] }],
      egress: [{ to: [app('db')], ports: [tcp(5432)] }, KUBE_DNS],
    });
    // The last tier sends nothing but DNS; nothing skips a tier.
    expect(dbPolicy.spec).toEqual({
      podSelector: { matchLabels: { app: 'db' } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [app('api')], ports: [tcp(5432)] }],
      egress: [KUBE_DNS],
    });
  });

  test('the first tier without from receives from nobody (ingress isolated, no rules)', () => {
    const chart = makeChart();
    new TierIsolation(chart, 'pipeline', { tiers: [{ ...web, from: undefined }, api] });
    const [first] = policies(chart);
    expect(first.spec.ingress).toBeUndefined();
    expect(first.spec.policyTypes).toEqual(['Ingress', 'Egress']);
  });

  test('tiers as whole namespaces, and across namespaces: namespace AND pods in one peer', () => {
    const chart = makeChart();
    new TierIsolation(chart, 'layers', {
      tiers: [
        { name: 'web', namespace: 'web', ports: [Port.tcp(8080)], from: [Peer.anywhere()] },
        { name: 'api', pods: PodSelector.labels({ app: 'api' }), ports: [Port.tcp(9000)] },
        { name: 'db', namespace: 'data', ports: [Port.tcp(5432)] },
      ],
    });
    const [webPolicy, apiPolicy, dbPolicy] = policies(chart);
    expect(webPolicy.metadata.namespace).toBe('web');
    expect(webPolicy.spec.podSelector).toEqual({});
    expect(webPolicy.spec.ingress).toEqual([{ ports: [tcp(8080)] }]);
    expect(webPolicy.spec.egress[0].to).toEqual([{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } }, podSelector: { matchLabels: { app: 'api' } } }]);
    expect(apiPolicy.metadata.namespace).toBe('shop');
    expect(apiPolicy.spec.ingress[0].from).toEqual([{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'web' } } }]);
    expect(apiPolicy.spec.egress[0].to).toEqual([{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'data' } } }]);
    expect(dbPolicy.metadata.namespace).toBe('data');
    expect(dbPolicy.spec.ingress[0].from).toEqual([{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } }, podSelector: { matchLabels: { app: 'api' } } }]);
  });

  test('extra egress and another DNS resolver', () => {
    const chart = makeChart();
    new TierIsolation(chart, 'shop', {
      dns: DnsResolver.nodeLocal(),
      tiers: [web, { ...api, egress: [{ to: [Peer.ipBlock('203.0.113.0/24')], ports: [Port.tcp(443)] }] }, db],
    });
    const apiPolicy = policies(chart)[1];
    expect(apiPolicy.spec.egress).toEqual([
      { to: [app('db')], ports: [tcp(5432)] },
      { to: [{ ipBlock: { cidr: '169.254.20.10/32' } }], ports: [{ protocol: 'UDP', port: 53 }, tcp(53)] },
      { to: [{ ipBlock: { cidr: '203.0.113.0/24' } }], ports: [tcp(443)] },
    ]);
  });

  test('default names come from the construct path; the TierIsolation namespace applies to tiers without one', () => {
    const chart = makeChart();
    const tiers = new TierIsolation(chart, 'shop', { namespace: 'apps', tiers: [web, api] });
    expect(policies(chart).map(p => [p.metadata.name, p.metadata.namespace])).toEqual([
      [expect.stringMatching(/^test-shop-web-c8/), 'apps'],
      [expect.stringMatching(/^test-shop-api-c8/), 'apps'],
    ]);
    expect(tiers.apiObjects).toHaveLength(2);
  });

  describe('refuses misuse, naming path, field, value and fix', () => {
    function error(tiers: Tier[], chartNamespace: string | null = 'shop'): string {
      return errorOf(() => new TierIsolation(makeChart(chartNamespace), 'app', { tiers }));
    }

    test('fewer than two tiers', () => {
      expect(error([web])).toBe(
        "TierIsolation test/app: 'tiers' has only one tier ('web'), and isolating layers needs at least two; list every layer in the order traffic flows, or use DefaultDeny with AllowFrom/AllowTo for a single workload");
      expect(error([])).toContain("TierIsolation test/app: 'tiers' has no tiers");
    });

    test('duplicate names', () => {
      expect(error([web, { ...api, name: 'web' }])).toBe(
        "TierIsolation test/app: 'tiers[1].name' web is already the name of tiers[0]; give every tier its own name");
    });

    test('a name that cannot be part of a policy name', () => {
      expect(error([web, { ...api, name: 'API' }])).toContain("TierIsolation test/app: 'tiers[1].name' API is not a DNS-1123 label");
    });

    test('from on a later tier', () => {
      expect(error([web, { ...api, from: [Peer.allNamespaces()] }])).toBe(
        "TierIsolation test/app: 'tiers[1].from' is set on tier 'api', but only the first tier receives from outside; tier 'api' receives only from tier 'web'. Move these peers to tier 'web', or allow them with a separate AllowFrom");
    });

    test('empty from, ports, egress to and egress ports', () => {
      expect(error([{ ...web, from: [] }, api])).toBe(
        "TierIsolation test/app: 'tiers[0].from' is empty, which Kubernetes reads as \"allow from everyone\"; pass [Peer.anywhere()] if that is what you mean, or leave 'from' out to receive from nobody");
      expect(error([web, { ...api, ports: [] }])).toBe(
        "TierIsolation test/app: 'tiers[1].ports' is empty, which Kubernetes reads as \"every port of every protocol\"; list the ports tier 'api' receives on, e.g. Port.tcp(8080)");
      expect(error([web, { ...api, egress: [{ to: [] }] }])).toContain("TierIsolation test/app: 'tiers[1].egress[0].to' is empty, which Kubernetes reads as \"allow to everyone\"");
      expect(error([web, { ...api, egress: [{ to: [Peer.anyIpv4()], ports: [] }] }])).toContain("'tiers[1].egress[0].ports' is empty");
    });

    test('a whole-namespace tier sharing its namespace', () => {
      expect(error([web, { name: 'api', ports: [Port.tcp(9000)] }])).toBe(
        "TierIsolation test/app: 'tiers[1].pods' is not set, so tier 'api' is every pod of namespace 'shop', which tier 'web' shares; give both tiers 'pods', or put them in different namespaces");
    });

    test('a whole-namespace tier sharing a chart without namespace', () => {
      expect(error([{ name: 'web', ports: [Port.tcp(80)] }, api], null)).toContain(
        "'tiers[0].pods' is not set, so tier 'web' is every pod of the chart's namespace, which tier 'api' shares");
    });

    test('a workload tier whose workload lives in another namespace', () => {
      const chart = makeChart();
      const pg = new kplus.StatefulSet(chart, 'pg', { metadata: { namespace: 'data' }, containers: [{ image: 'pg', portNumber: 5432 }] });
      expect(errorOf(() => new TierIsolation(chart, 'app', { tiers: [web, { name: 'db', pods: PodSelector.workload(pg), ports: [Port.tcp(5432)] }] }))).toBe(
        "TierIsolation test/app: 'tiers[1].pods' is PodSelector.workload(test/pg), whose pods are in namespace 'data', but tier 'db' is in namespace 'shop'; set the tier's namespace to 'data'");
      new TierIsolation(chart, 'ok', { tiers: [web, { name: 'db', namespace: 'data', pods: PodSelector.workload(pg), ports: [Port.tcp(5432)] }] });
      expect(policies(chart).map(p => p.metadata.namespace)).toEqual(['shop', 'data']);
    });

    test('two tiers selecting the same pods', () => {
      expect(error([web, { ...api, pods: PodSelector.labels({ app: 'web' }) }])).toBe(
        "TierIsolation test/app: 'tiers[1].pods' selects the same pods as tier 'web' in namespace 'shop'; give each tier its own selector");
    });

    test('a tier of unknown namespace next to tiers with one', () => {
      expect(error([web, { ...api, namespace: 'api' }], null)).toBe(
        "TierIsolation test/app: 'tiers[0].namespace' is not set for tier 'web' (nor on the TierIsolation or its chart) while other tiers have one, so its namespace is unknown; set 'namespace' on the tier or the TierIsolation");
    });

    test('extra peers that skip a tier or run the chain backwards', () => {
      expect(error([web, api, { ...db, egress: [{ to: [Peer.pods(PodSelector.labels({ app: 'web' }))] }] }])).toBe(
        "TierIsolation test/app: 'tiers[2].egress[0].to[0]' is tier 'web', which tier 'db' may not reach directly: tiers talk only to their neighbours, in order; remove this peer, or reorder the tiers");
      expect(error([{ ...web, egress: [{ to: [Peer.namespace('x'), Peer.pods(PodSelector.labels({ app: 'db' }))] }] }, api, db]))
        .toContain("'tiers[0].egress[0].to[1]' is tier 'db', which tier 'web' may not reach directly");
      expect(error([{ ...web, from: [Peer.pods(PodSelector.labels({ app: 'api' }))] }, api]))
        .toContain("'tiers[0].from[0]' is tier 'api', which tier 'web' may not reach directly");
      const wholeNamespaces: Tier[] = [
        { name: 'web', namespace: 'web', ports: [Port.tcp(80)] },
        { name: 'api', namespace: 'api', ports: [Port.tcp(80)] },
        { name: 'db', namespace: 'db', ports: [Port.tcp(5432)], egress: [{ to: [Peer.namespace('web')] }] },
      ];
      expect(error(wholeNamespaces)).toContain("'tiers[2].egress[0].to[0]' is tier 'web'");
    });

    test('extra egress to the next tier is redundant but allowed', () => {
      const chart = makeChart();
      new TierIsolation(chart, 'app', { tiers: [{ ...web, egress: [{ to: [Peer.pods(PodSelector.labels({ app: 'api' }))], ports: [Port.tcp(9090)] }] }, api] });
      expect(policies(chart)[0].spec.egress).toHaveLength(3);
    });

    test('problems the validator finds in a tier\'s policy name the tier, e.g. a bad CIDR in extra egress', () => {
      expect(error([web, { ...api, egress: [{ to: [Peer.ipBlock('10.0.0.1/8')] }] }])).toBe(
        "TierIsolation test/app, tier 'api': spec.egress[1].to[0].ipBlock.cidr: 10.0.0.1/8 has bits set beyond the /8 prefix, so it is ambiguous; use 10.0.0.0/8 (the whole network) or 10.0.0.1/32 (this one address)");
    });
  });

  describe('what it allows and denies', () => {
    /** web (80), api (http = 9000), db (5432) and an untiered batch pod in shop; ingress-nginx, CoreDNS, a client elsewhere. */
    function shop(): TestCluster {
      return new TestCluster()
        .kubeDns()
        .pod('ingress-nginx/controller', { 'app.kubernetes.io/name': 'ingress-nginx' }, [{ port: 80 }])
        .pod('shop/web', { app: 'web' }, [{ port: 80 }, { port: 443 }])
        .pod('shop/api', { app: 'api' }, [{ port: 9000, name: 'http' }, { port: 9001 }])
        .pod('shop/db', { app: 'db' }, [{ port: 5432 }, { port: 5433 }])
        .pod('shop/batch', { app: 'batch' })
        .pod('elsewhere/client', { app: 'client' });
    }
    const tiers = ['shop/web', 'shop/api', 'shop/db'];

    test('web → api → db: each hop on the next tier\'s ports, no skipping, no way back, DNS for all, nothing out', () => {
      const c = shop();
      new TierIsolation(c.chart, 'shop', { tiers: [web, api, db] });
      const m = c.manifests();
      // The first tier's from.
      expect(m).toAllowTraffic({ from: 'ingress-nginx/controller', to: 'shop/web', port: 80 });
      expect(m).toDenyTraffic({ from: 'ingress-nginx/controller', to: 'shop/web', port: 443 });
      expect(m).toDenyTraffic({ from: 'ingress-nginx/controller', to: 'shop/api', port: 9000 });
      expect(m).toDenyTraffic({ from: 'elsewhere/client', to: 'shop/web', port: 80 });
      expect(m).toDenyTraffic({ from: '8.8.8.8', to: 'shop/web', port: 80 });
      // Each hop, on the next tier's ports (a named port resolved on the api pod).
      expect(m).toAllowTraffic({ from: 'shop/web', to: 'shop/api', port: 9000 });
      expect(m).toDenyTraffic({ from: 'shop/web', to: 'shop/api', port: 9001 });
      expect(m).toDenyTraffic({ from: 'shop/web', to: 'shop/api', port: 80 });
      expect(m).toAllowTraffic({ from: 'shop/api', to: 'shop/db', port: 5432 });
      expect(m).toDenyTraffic({ from: 'shop/api', to: 'shop/db', port: 5433 });
      expect(m).toDenyTraffic({ from: 'shop/api', to: 'shop/db', port: '5432/UDP' });
      // No skipping, no way back.
      expect(m).toDenyTraffic({ from: 'shop/web', to: 'shop/db' });
      expect(m).toDenyTraffic({ from: 'shop/api', to: 'shop/web' });
      expect(m).toDenyTraffic({ from: 'shop/db', to: 'shop/api' });
      expect(m).toDenyTraffic({ from: 'shop/db', to: 'shop/web' });
      // Nothing to the internet, from the last tier or any other.
      expect(m).toDenyTraffic({ from: 'shop/db', to: '8.8.8.8' });
      expect(m).toDenyTraffic({ from: 'shop/db', to: '1.1.1.1', port: 443 });
      expect(m).toDenyTraffic({ from: 'shop/web', to: '8.8.8.8', port: 443 });
      expect(m).toDenyTraffic({ from: 'shop/api', to: 'elsewhere/client' });
      for (const tier of tiers) {
        expect(m).toAllowTraffic({ from: tier, to: 'kube-system/coredns', port: '53/UDP' });
        expect(m).toAllowTraffic({ from: tier, to: 'kube-system/coredns', port: '53/TCP' });
        expect(m).toDenyTraffic({ from: tier, to: 'kube-system/coredns', port: 9153 });
        expect(m).toDenyTraffic({ from: tier, to: '8.8.8.8', port: '53/UDP' });
        // An untiered pod in the namespace reaches no tier.
        expect(m).toDenyTraffic({ from: 'shop/batch', to: tier });
      }
    });

    test('the first tier without from receives from nobody', () => {
      const c = shop();
      new TierIsolation(c.chart, 'pipeline', { tiers: [{ ...web, from: undefined }, api] });
      const m = c.manifests();
      expect(m).toDenyTraffic({ from: 'ingress-nginx/controller', to: 'shop/web' });
      expect(m).toDenyTraffic({ from: '8.8.8.8', to: 'shop/web' });
      expect(m).toAllowTraffic({ from: 'shop/web', to: 'shop/api', port: 9000 });
    });

    test('across namespaces: whole-namespace tiers, and namespace AND pods for a tier sharing its namespace', () => {
      const c = new TestCluster()
        .kubeDns()
        .pod('web/site', { app: 'site' }, [{ port: 8080 }])
        .pod('shop/api', { app: 'api' }, [{ port: 9000 }])
        .pod('shop/other', { app: 'other' })
        .pod('evil/api', { app: 'api' }, [{ port: 9000 }])
        .pod('data/pg', { app: 'pg' }, [{ port: 5432 }])
        .pod('data/replica', { app: 'replica' }, [{ port: 5432 }]);
      new TierIsolation(c.chart, 'layers', {
        tiers: [
          { name: 'web', namespace: 'web', ports: [Port.tcp(8080)], from: [Peer.anywhere()] },
          { name: 'api', pods: PodSelector.labels({ app: 'api' }), ports: [Port.tcp(9000)] },
          { name: 'db', namespace: 'data', ports: [Port.tcp(5432)] },
        ],
      });
      const m = c.manifests();
      expect(m).toAllowTraffic({ from: '8.8.8.8', to: 'web/site', port: 8080 });
      expect(m).toAllowTraffic({ from: 'evil/api', to: 'web/site', port: 8080 });
      expect(m).toAllowTraffic({ from: 'web/site', to: 'shop/api', port: 9000 });
      expect(m).toDenyTraffic({ from: 'web/site', to: 'evil/api', port: 9000 });
      expect(m).toDenyTraffic({ from: 'web/site', to: 'shop/other', port: 9000 });
      expect(m).toAllowTraffic({ from: 'shop/api', to: 'data/pg', port: 5432 });
      expect(m).toAllowTraffic({ from: 'shop/api', to: 'data/replica', port: 5432 });
      expect(m).toDenyTraffic({ from: 'evil/api', to: 'data/pg', port: 5432 });
      expect(m).toDenyTraffic({ from: 'shop/other', to: 'data/pg', port: 5432 });
      expect(m).toDenyTraffic({ from: 'web/site', to: 'data/pg', port: 5432 });
      expect(m).toDenyTraffic({ from: 'data/pg', to: 'shop/api' });
      expect(m).toDenyTraffic({ from: 'shop/api', to: 'web/site' });
      expect(m).toDenyTraffic({ from: 'data/pg', to: '8.8.8.8' });
      for (const tier of ['web/site', 'shop/api', 'data/pg']) {
        expect(m).toAllowTraffic({ from: tier, to: 'kube-system/coredns', port: '53/UDP' });
      }
    });

    test('cdk8s-plus workload tiers in two namespaces: each hop is namespace AND the workload\'s pods', () => {
      const c = new TestCluster().kubeDns();
      const workload = (namespace: string, name: string, port: number) => new kplus.Deployment(c.objects, `${namespace}-${name}`, {
        metadata: { name, namespace },
        containers: [{ image: `registry.example/${name}:1`, portNumber: port, securityContext: { ensureNonRoot: false } }],
      });
      const site = workload('shop', 'site', 8080);
      const pg = workload('data', 'pg', 5432);
      c.pod('shop/other', { app: 'other' });
      c.pod('data/impostor', { ...site.matchLabels });
      new TierIsolation(c.chart, 'layers', {
        tiers: [
          { name: 'site', pods: PodSelector.workload(site), ports: [Port.tcp(8080)], from: [Peer.namespace('ingress-nginx')] },
          { name: 'pg', namespace: 'data', pods: PodSelector.workload(pg), ports: [Port.tcp(5432)] },
        ],
      });
      const m = c.manifests();
      expect(m).toAllowTraffic({ from: 'shop/site', to: 'data/pg', port: 5432 });
      expect(m).toDenyTraffic({ from: 'shop/site', to: 'data/pg', port: 5433 });
      expect(m).toDenyTraffic({ from: 'data/impostor', to: 'data/pg', port: 5432 });
      expect(m).toDenyTraffic({ from: 'shop/other', to: 'data/pg', port: 5432 });
      expect(m).toDenyTraffic({ from: 'data/pg', to: 'shop/site' });
      expect(m).toDenyTraffic({ from: 'shop/site', to: 'data/impostor' });
    });

    test('extra egress and another DNS resolver: only that tier, only there, and DNS where the resolver is', () => {
      const c = shop();
      new TierIsolation(c.chart, 'shop', {
        dns: DnsResolver.nodeLocal(),
        tiers: [web, { ...api, egress: [{ to: [Peer.ipBlock('203.0.113.0/24')], ports: [Port.tcp(443)] }] }, db],
      });
      const m = c.manifests();
      expect(m).toAllowTraffic({ from: 'shop/api', to: '203.0.113.5', port: 443 });
      expect(m).toDenyTraffic({ from: 'shop/api', to: '203.0.113.5', port: 80 });
      expect(m).toDenyTraffic({ from: 'shop/api', to: '198.51.100.5', port: 443 });
      expect(m).toDenyTraffic({ from: 'shop/web', to: '203.0.113.5', port: 443 });
      expect(m).toDenyTraffic({ from: 'shop/db', to: '203.0.113.5', port: 443 });
      for (const tier of tiers) {
        expect(m).toAllowTraffic({ from: tier, to: '169.254.20.10', port: '53/UDP' });
        expect(m).toAllowTraffic({ from: tier, to: '169.254.20.10', port: '53/TCP' });
        expect(m).toDenyTraffic({ from: tier, to: 'kube-system/coredns', port: '53/UDP' });
      }
    });
  });
});
