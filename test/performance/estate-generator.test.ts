/**
 * The synth benchmark compares E(n) built through the constructs, and with cdk8s-plus Deployments,
 * with the same manifests written as plain ApiObjects: that comparison means something only if
 * every way of building it synthesizes to equal manifests.
 */
import { App, Testing } from 'cdk8s';
import { buildEstate, ESTATE_TIERS, estateNamespace, EstateOptions, PLAIN_ESTATE } from '../../bench/generators/estate';
import { flatManifests } from '../../bench/generators/flat';
import { checkNetworkPolicies } from '../../src/io';

const BUILT_OTHERWISE: readonly EstateOptions[] = [
  { policies: 'constructs', workloads: 'api-object' },
  { policies: 'constructs', workloads: 'cdk8s-plus' },
  { policies: 'plain', workloads: 'cdk8s-plus' },
  { policies: 'plain-in-shape', workloads: 'api-object' },
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

  // The diagnostic's claim: the same tree as the constructs (construct for construct, one class for
  // each of theirs), so that what remains between the two is the constructs' work.
  test('plain policies in the constructs\' shape: the same construct paths as the constructs, with as many classes', () => {
    const [shape, constructs] = (['plain-in-shape', 'constructs'] as const).map(policies => {
      const app = Testing.app();
      buildEstate(app, n, { policies, workloads: 'api-object', layout });
      return app;
    });
    expect(paths(shape)).toEqual(paths(constructs));
    expect(classCount(shape)).toBe(classCount(constructs));
    expect(classCount(shape)).toBeGreaterThan(classCount(plain));
  });
});

function paths(app: App): string[] {
  return app.node.findAll().map(c => c.node.path);
}

function classCount(app: App): number {
  return new Set(app.node.findAll().map(c => c.constructor)).size;
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
