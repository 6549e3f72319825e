import { App, Testing } from 'cdk8s';
import { buildThreeTier } from '../../examples/three-tier/main';
import { validateNetworkPolicy } from '../../src/validation/validate-network-policy';

function build() {
  const app = Testing.app();
  const chart = buildThreeTier(app);
  const manifests = Testing.synth(chart);
  const policy = (name: string) => manifests.find(o => o.kind === 'NetworkPolicy' && o.metadata.name === name);
  return { app, chart, manifests, policy };
}

const KUBE_DNS = {
  to: [{
    namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
    podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
  }],
  ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }],
};
const app = (name: string) => ({ podSelector: { matchLabels: { app: name } } });

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
});
