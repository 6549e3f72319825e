/**
 * The synth benchmark compares E(n) built through the constructs with the same manifests written as
 * plain ApiObjects, and with the same policies written through cdk8s-plus-28's NetworkPolicy: those
 * comparisons mean something only if the first two synthesize equal manifests and the third allows
 * and denies exactly what the constructs do.
 */
import { Testing } from 'cdk8s';
import { buildEstate, ESTATE_TIERS, estateNamespace, EstateLayout, EstateOptions, EstatePolicies, PLAIN_ESTATE } from '../../bench/generators/estate';
import { flatManifests } from '../../bench/generators/flat';
import { NetworkAnalysis } from '../../src';
import { checkNetworkPolicies } from '../../src/io';
import '../../src/testing';

const BUILT_OTHERWISE: readonly EstateOptions[] = [
  { policies: 'constructs', workloads: 'api-object' },
  { policies: 'constructs', workloads: 'cdk8s-plus' },
  { policies: 'plain', workloads: 'cdk8s-plus' },
];

describe.each([
  [1, 'chart-per-namespace'], [4, 'chart-per-namespace'], [1, 'single-chart'], [4, 'single-chart'],
] as const)('estate E(%d), %s', (n, layout) => {
  const plain = Testing.app();
  buildEstate(plain, n, { ...PLAIN_ESTATE, layout });

  test.each(BUILT_OTHERWISE)('policies as $policies, Deployments as $workloads: the same manifests as plain ApiObjects, chart by chart, in the same order', options => {
    const app = Testing.app();
    buildEstate(app, n, { ...options, layout });
    expect(app.charts.map(c => c.toJson())).toEqual(plain.charts.map(c => c.toJson()));
    expect(app.synthYaml()).toEqual(plain.synthYaml());
  });

  test('every namespace has its three Deployments and five policies', () => {
    const objects = plain.charts.flatMap(c => c.toJson());
    for (let i = 0; i < n; i++) {
      const inNamespace = objects.filter(o => o.metadata.namespace === estateNamespace(i));
      expect(inNamespace.filter(o => o.kind === 'Deployment').map(o => o.metadata.name)).toEqual(ESTATE_TIERS.map(t => t.name));
      expect(inNamespace.filter(o => o.kind === 'NetworkPolicy')).toHaveLength(5);
    }
  });
});

// cdk8s-plus writes the same policies in another form (a namespace peer with `podSelector: {}`, a
// rule per peer, port numbers where the constructs name the port `http`), so what must agree is the
// traffic: every allowed flow, with its ports, across three shops and the platform.
describe.each(['chart-per-namespace', 'single-chart'] as const)('estate E(3), %s, policies through cdk8s-plus-28', layout => {
  const constructs = analysis('constructs', layout);
  const kplus = analysis('cdk8s-plus', layout);

  test('allows exactly the flows the constructs allow, port for port', () => {
    expect(kplus.flows()).toEqual(constructs.flows());
  });

  test.each([
    ['ingress-nginx/controller', 'shop-0000/frontend', '8080'],
    ['shop-0001/frontend', 'shop-0001/backend', '9000'],
    ['shop-0002/backend', 'shop-0002/database', '5432'],
    ['shop-0000/database', 'kube-system/coredns', '53/UDP'],
    ['shop-0001/frontend', 'kube-system/coredns', '53/TCP'],
  ])('allows, as the constructs do, %s => %s on %s', (from, to, port) => {
    expect(kplus).toAllowTraffic({ from, to, port });
    expect(constructs).toAllowTraffic({ from, to, port });
  });

  test.each([
    ['ingress-nginx/controller', 'shop-0000/frontend', '9000'],
    ['ingress-nginx/controller', 'shop-0000/backend', '9000'],
    ['shop-0000/frontend', 'shop-0000/database', '5432'],
    ['shop-0000/frontend', 'shop-0001/backend', '9000'],
    ['shop-0001/backend', 'shop-0001/frontend', '8080'],
    ['shop-0002/frontend', 'kube-system/coredns', '9153'],
    ['kube-system/coredns', 'shop-0000/frontend', '8080'],
  ])('denies, as the constructs do, %s => %s on %s', (from, to, port) => {
    expect(kplus).toDenyTraffic({ from, to, port });
    expect(constructs).toDenyTraffic({ from, to, port });
  });
});

function analysis(policies: EstatePolicies, layout: EstateLayout): NetworkAnalysis {
  const app = Testing.app();
  buildEstate(app, 3, { policies, workloads: 'api-object', layout });
  return NetworkAnalysis.fromApp(app);
}

describe('flat F(w, p)', () => {
  test('is deterministic for a seed and differs between seeds', () => {
    expect(flatManifests(50, 20, 7)).toEqual(flatManifests(50, 20, 7));
    expect(flatManifests(50, 20, 7)).not.toEqual(flatManifests(50, 20, 8));
  });

  test('writes only policies the API server accepts', () => {
    for (const seed of [1, 2, 3]) {
      const docs = flatManifests(300, 200, seed).map((object, documentIndex) => ({ object, source: { documentIndex } }));
      expect(() => checkNetworkPolicies(docs)).not.toThrow();
    }
  });
});
