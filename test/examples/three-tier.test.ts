import * as path from 'path';
import { App, Chart, Include, Testing } from 'cdk8s';
import { buildThreeTier } from '../../examples/three-tier/main';
import { NetworkAnalysis } from '../../src';
import { validateNetworkPolicy } from '../../src/analysis/validation/validate-network-policy';
import '../../src/testing';
import { appPeer, KUBE_DNS_RULE } from '../policies/helpers';

function build() {
  const app = Testing.app();
  const chart = buildThreeTier(app);
  const manifests = Testing.synth(chart);
  const policy = (name: string) => manifests.find(o => o.kind === 'NetworkPolicy' && o.metadata.name === name);
  return { app, chart, manifests, policy };
}

const KUBE_DNS = KUBE_DNS_RULE;
const app = appPeer;

describe('examples/three-tier', () => {
  test('synthesizes (snapshot)', () => {
    expect(build().manifests).toMatchSnapshot();
  });

  test('has the shop namespace in its own chart, and three Deployments with named ports in it', () => {
    const { app: cdkApp, manifests } = build();
    const namespaceChart = cdkApp.charts.find(c => c.node.id === 'namespace')!;
    expect(Testing.synth(namespaceChart)).toEqual([{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' }, spec: {} }]);
    const deployments = manifests.filter(o => o.kind === 'Deployment');
    expect(deployments.map(d => [d.metadata.name, d.metadata.namespace, d.spec.selector, d.spec.template.metadata.labels.app])).toEqual([
      ['frontend', 'shop', { matchLabels: { app: 'frontend' } }, 'frontend'],
      ['backend', 'shop', { matchLabels: { app: 'backend' } }, 'backend'],
      ['database', 'shop', { matchLabels: { app: 'database' } }, 'database'],
    ]);
    expect(deployments.map(d => d.spec.template.spec.containers[0].ports)).toEqual([
      [{ containerPort: 8080, name: 'http' }],
      [{ containerPort: 9000, name: 'http' }],
      [{ containerPort: 5432, name: 'postgres' }],
    ]);
  });

  test('denies everything in shop by default', () => {
    expect(build().policy('default-deny').spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
  });

  test('frontend: from ingress-nginx on http; to backend on http and DNS', () => {
    expect(build().policy('shop-frontend').spec).toEqual({
      podSelector: { matchLabels: { app: 'frontend' } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }], ports: [{ protocol: 'TCP', port: 'http' }] }],
      egress: [{ to: [app('backend')], ports: [{ protocol: 'TCP', port: 'http' }] }, KUBE_DNS],
    });
  });

  test('backend: from frontend on http; to database on 5432 and DNS', () => {
    expect(build().policy('shop-backend').spec).toEqual({
      podSelector: { matchLabels: { app: 'backend' } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [app('frontend')], ports: [{ protocol: 'TCP', port: 'http' }] }],
      egress: [{ to: [app('database')], ports: [{ protocol: 'TCP', port: 5432 }] }, KUBE_DNS],
    });
  });

  test('database: from backend on 5432; DNS only', () => {
    expect(build().policy('shop-database').spec).toEqual({
      podSelector: { matchLabels: { app: 'database' } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [app('backend')], ports: [{ protocol: 'TCP', port: 5432 }] }],
      egress: [KUBE_DNS],
    });
  });

  test('writes exactly these four policies, all in shop, all valid', () => {
    const policies = build().manifests.filter(o => o.kind === 'NetworkPolicy');
    expect(policies.map(p => `${p.metadata.namespace}/${p.metadata.name}`)).toEqual(['shop/default-deny', 'shop/shop-frontend', 'shop/shop-backend', 'shop/shop-database']);
    for (const policy of policies) {
      expect(validateNetworkPolicy(policy)).toEqual([]);
    }
  });

  test('builds into any App without writing files', () => {
    const cdkApp = new App({ outdir: '/nonexistent' });
    expect(buildThreeTier(cdkApp).namespace).toBe('shop');
  });

  describe('what it allows and denies, beside what the cluster already runs (cluster/existing.yaml: CoreDNS and ingress-nginx)', () => {
    /** The example's app plus a chart that includes cluster/existing.yaml as it is. */
    function withCluster(): App {
      const cdkApp = Testing.app();
      buildThreeTier(cdkApp);
      new Include(new Chart(cdkApp, 'existing'), 'existing', { url: path.join(__dirname, '../../examples/three-tier/cluster/existing.yaml') });
      return cdkApp;
    }
    /** What `withCluster()` allows, analysed once for many assertions. */
    const analysed = () => NetworkAnalysis.fromApp(withCluster());
    const ingressController = 'ingress-nginx/ingress-nginx-controller';
    const tiers = ['shop/frontend', 'shop/backend', 'shop/database'];

    test('the ingress controller reaches the frontend on its http port (8080), nothing else (the matchers read the App itself)', () => {
      const cdkApp = withCluster();
      expect(cdkApp).toAllowTraffic({ from: ingressController, to: 'shop/frontend', port: 8080 });
      expect(cdkApp).toDenyTraffic({ from: ingressController, to: 'shop/frontend', port: 80 });
      expect(cdkApp).toDenyTraffic({ from: ingressController, to: 'shop/frontend', port: '8080/UDP' });
      expect(cdkApp).toDenyTraffic({ from: ingressController, to: 'shop/backend' });
      expect(cdkApp).toDenyTraffic({ from: ingressController, to: 'shop/database' });
      expect(cdkApp).toDenyTraffic({ from: '1.1.1.1', to: 'shop/frontend', port: 8080 });
      expect(cdkApp).toDenyTraffic({ from: 'kube-system/coredns', to: 'shop/frontend', port: 8080 });
    });

    test('frontend → backend on TCP 9000 and backend → database on TCP 5432; no skipping, no way back', () => {
      const net = analysed();
      expect(net).toAllowTraffic({ from: 'shop/frontend', to: 'shop/backend', port: 9000 });
      expect(net).toAllowTraffic({ from: 'shop/frontend', to: 'shop/backend', port: '9000/TCP' });
      expect(net).toDenyTraffic({ from: 'shop/frontend', to: 'shop/backend', port: 8080 });
      expect(net).toDenyTraffic({ from: 'shop/frontend', to: 'shop/backend', port: '9000/UDP' });
      expect(net).toAllowTraffic({ from: 'shop/backend', to: 'shop/database', port: 5432 });
      expect(net).toDenyTraffic({ from: 'shop/backend', to: 'shop/database', port: 9000 });
      expect(net).toDenyTraffic({ from: 'shop/frontend', to: 'shop/database' });
      expect(net).toDenyTraffic({ from: 'shop/frontend', to: 'shop/database', port: 5432 });
      expect(net).toDenyTraffic({ from: 'shop/backend', to: 'shop/frontend' });
      expect(net).toDenyTraffic({ from: 'shop/database', to: 'shop/backend' });
      expect(net).toDenyTraffic({ from: 'shop/database', to: 'shop/frontend' });
    });

    test('DNS to kube-system/coredns on UDP and TCP 53 from every tier; nothing else out of the shop', () => {
      const net = analysed();
      for (const tier of tiers) {
        expect(net).toAllowTraffic({ from: tier, to: 'kube-system/coredns', port: '53/UDP' });
        expect(net).toAllowTraffic({ from: tier, to: 'kube-system/coredns', port: '53/TCP' });
        expect(net).toDenyTraffic({ from: tier, to: 'kube-system/coredns', port: 9153 });
        expect(net).toDenyTraffic({ from: tier, to: '1.1.1.1', port: '53/UDP' });
        expect(net).toDenyTraffic({ from: tier, to: ingressController });
      }
      expect(net).toDenyTraffic({ from: 'shop/database', to: '1.1.1.1' });
      expect(net).toDenyTraffic({ from: 'shop/database', to: '1.1.1.1', port: 443 });
      expect(net).toDenyTraffic({ from: 'shop/frontend', to: '8.8.8.8', port: 443 });
    });

    test('the cluster\'s own namespaces, which have no policies, stay open', () => {
      const net = analysed();
      expect(net).toAllowTraffic({ from: ingressController, to: '1.1.1.1', port: 443 });
      expect(net).toAllowTraffic({ from: '1.1.1.1', to: ingressController, port: 443 });
    });
  });
});
