/**
 * The synth benchmark compares E(n) built through the constructs with the same manifests written
 * as plain ApiObjects: that comparison means something only if both synthesize to equal manifests.
 */
import { Testing } from 'cdk8s';
import { buildEstatePlain, buildEstateWithConstructs, ESTATE_TIERS, estateNamespace } from '../../bench/generators/estate';
import { flatManifests } from '../../bench/generators/flat';
import { checkNetworkPolicies } from '../../src/io';

describe.each([
  [1, 'chart-per-namespace'], [4, 'chart-per-namespace'], [1, 'single-chart'], [4, 'single-chart'],
] as const)('estate E(%d), %s', (n, layout) => {
  const constructs = Testing.app();
  buildEstateWithConstructs(constructs, n, layout);
  const plain = Testing.app();
  buildEstatePlain(plain, n, layout);

  test('constructs and plain ApiObjects synthesize equal manifests, chart by chart, in the same order', () => {
    expect(constructs.charts.map(c => c.toJson())).toEqual(plain.charts.map(c => c.toJson()));
    expect(constructs.synthYaml()).toEqual(plain.synthYaml());
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
