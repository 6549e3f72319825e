/**
 * The proof of `import`: for every pattern example and every fixture estate with NetworkPolicies,
 * what the imported code synthesizes allows exactly what the original allows (`reach`), under
 * the same policy names and namespaces.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { importedCode, synthImported } from './imported-code';
import { exampleChart, type PatternExample } from '../../examples/patterns/example-chart';
import { NetworkAnalysis } from '../../src';
import { unpackDocuments } from '../../src/analysis/manifest-objects';
import { chartManifests } from '../../src/chart-manifests';
import { InputError, loadManifests, loadModel, modelOf } from '../../src/io';
import { fixtureDocs } from '../analysis/helpers';

const PATTERNS = path.join(__dirname, '..', '..', 'examples', 'patterns');
const FIXTURES = path.join(__dirname, '..', 'fixtures');

function isPolicy(object: any): boolean {
  return object?.kind === 'NetworkPolicy' && String(object?.apiVersion).startsWith('networking.k8s.io/');
}

function flows(manifests: unknown[]): string[] {
  return NetworkAnalysis.fromManifests(manifests).flows().map(flow => `${flow.src} => ${flow.dst} : ${flow.conn}`);
}

/** `ns/name` of every policy, as the model names them. */
function policyNames(manifests: unknown[]): string[] {
  return modelOf(manifests.map((object, documentIndex) => ({ object, source: { documentIndex } }))).model.policies
    .map(policy => `${policy.namespace}/${policy.name}`).sort();
}

/** Asserts that the other objects plus the imported policies allow exactly what `original` allows. */
function expectRoundTrip(original: unknown[], code: string): void {
  const others = original.filter(object => !isPolicy(object));
  const rebuilt = [...others, ...synthImported(code)];
  expect(policyNames(rebuilt)).toEqual(policyNames(original));
  expect(flows(rebuilt)).toEqual(flows(original));
}

describe('every pattern example round-trips', () => {
  const examples = fs.readdirSync(PATTERNS).filter(file => /^\d+.*\.ts$/.test(file));

  test('there are examples to import', () => {
    expect(examples.length).toBeGreaterThan(20);
  });

  test.each(examples)('%s', file => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const example: PatternExample = require(path.join(PATTERNS, file));
    const manifests = chartManifests(exampleChart(example)) as any[];
    const docs = manifests.map((object, documentIndex) => ({ object, source: { documentIndex } }));
    const code = importedCode(modelOf(docs).model);
    expectRoundTrip(manifests, code);
  });
});

/** Each folder under cli/ is one estate; each file elsewhere is one. */
function estates(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && path.basename(dir) === 'cli') found.push(full);
      else if (entry.isDirectory()) walk(full);
      else if (/\.(ya?ml|json)$/.test(entry.name)) found.push(full);
    }
  };
  walk(FIXTURES);
  return found.sort();
}

/**
 * Estates the loader refuses, as `reach` does: `import` exits 2 on them (import-command.test.ts).
 * The three of analysis/ are refused only as kubectl reads them (`namespace: no` is a boolean);
 * the analysis tests read them as YAML 1.2, and so they round-trip below as well.
 */
const REFUSED_INPUT = [
  'analysis/empty-lists.yaml', 'analysis/ipblock-pods.yaml', 'analysis/ipblock.yaml',
  'cli/invalid', 'cli/invalid-cluster', 'cli/invalid-many', 'cli/malformed', 'lint/api-invalid/bad.yaml',
  // v1alpha1 policies that the CRD refuses too (a named port beside networks; v0.1.0's sameLabels).
  'migrate/refused/named-port-networks/estate.yaml', 'migrate/refused/same-labels.yaml',
];

/** Estates with a policy the library refuses to write, and what `import` says of it. */
const REFUSED_BY_IMPORT: Record<string, string> = {
  'analysis/mixed.yaml': 'mixed.yaml:78: NetworkPolicy web/frontend-ingress cannot be imported: spec.ingress[0].ports has the named port \'http\' in a rule with an ipBlock peer',
};

/** The model of an estate; undefined when the loader refuses it. */
function modelOrRefused(estate: string) {
  try {
    return loadModel([path.join(FIXTURES, estate)]).model;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return undefined;
  }
}

describe('every fixture estate with NetworkPolicies round-trips', () => {
  const models = new Map(estates().map(estate => path.relative(FIXTURES, estate)).map(estate => [estate, modelOrRefused(estate)]));

  test('the estates left out are exactly those the loader refuses', () => {
    expect([...models].filter(([, model]) => model === undefined).map(([estate]) => estate)).toEqual(REFUSED_INPUT);
  });

  const withPolicies = [...models].filter(([, model]) => model !== undefined && model.policies.length > 0).map(([estate]) => estate);
  const importable = withPolicies.filter(estate => !(estate in REFUSED_BY_IMPORT));

  test('most estates have policies', () => {
    expect(importable.length).toBeGreaterThan(40);
  });

  test.each(importable)('%s', estate => {
    const file = path.join(FIXTURES, estate);
    const original = unpackDocuments(loadManifests([file])).map(item => item.object);
    expectRoundTrip(original, importedCode(models.get(estate)!));
  });

  test.each(Object.entries(REFUSED_BY_IMPORT))('%s: refused, naming the policy, its line and the field', (estate, message) => {
    expect(withPolicies).toContain(estate);
    expect(() => importedCode(models.get(estate)!)).toThrow(message);
  });

  test.each(REFUSED_INPUT.filter(estate => estate.startsWith('analysis/')))('%s, read as YAML 1.2', estate => {
    const docs = fixtureDocs(path.basename(estate, '.yaml'));
    const original = unpackDocuments(docs).map(item => item.object);
    expectRoundTrip(original, importedCode(modelOf(docs).model));
  });
});
