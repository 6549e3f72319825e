/**
 * The TypeScript examples of docs/cluster-policies.md and of the README's "Cluster guardrails"
 * section run as written (transpiled, with the library from src/ as 'cdk8s-netpol'), into a chart
 * with a namespace named as each example names it, and write policies the validator accepts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Chart, Testing } from 'cdk8s';
import * as ts from 'typescript';
import * as library from '../../src';
import { validateClusterNetworkPolicy } from '../../src/analysis/validation/validate-cluster-network-policy';
import { chartManifests } from '../../src/chart-manifests';

const ROOT = path.join(__dirname, '..', '..');

/** The ```ts blocks of `markdown`, from `heading` to the next heading of its level. */
function tsBlocks(markdown: string, heading?: string): string[] {
  let text = markdown;
  if (heading) {
    const start = markdown.indexOf(`\n${heading}\n`);
    expect(start).toBeGreaterThanOrEqual(0);
    const level = heading.split(' ')[0];
    const end = markdown.indexOf(`\n${level} `, start + heading.length + 1);
    text = markdown.slice(start, end < 0 ? undefined : end);
  }
  return [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map(m => m[1]);
}

/** Runs `code` with `chartName` bound to a fresh chart (namespace `shop`); returns what the chart writes. */
function run(code: string, chartName: string): any[] {
  const { outputText } = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } });
  const chart = new Chart(Testing.app(), 'platform', { namespace: 'shop' });
  const load = (name: string) => {
    if (name !== 'cdk8s-netpol') throw new Error(`the example imports '${name}'`);
    return library;
  };
  new Function('exports', 'require', chartName, outputText)({}, load, chart);
  return chartManifests(chart) as any[];
}

test.each([
  ['docs/cluster-policies.md', undefined, 'chart', 1],
  ['README.md', '## Cluster guardrails', 'platform', 5],
])('%s: each example runs and writes valid, cluster-scoped policies', (file, heading, chartName, count) => {
  const blocks = tsBlocks(fs.readFileSync(path.join(ROOT, file), 'utf8'), heading);
  expect(blocks.length).toBeGreaterThan(0);
  const written = blocks.flatMap(code => run(code, chartName));
  expect(written).toHaveLength(count);
  for (const policy of written) {
    expect(policy.metadata.namespace).toBeUndefined();
    expect(validateClusterNetworkPolicy(policy)).toEqual([]);
  }
});
