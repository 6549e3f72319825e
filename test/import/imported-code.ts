/**
 * Runs what `cdk8s-netpol import` generates: the module is transpiled (TypeScript's
 * transpileModule, no type check: the types are checked by the tests that compile it) and run
 * with the library from src/, and its `build` fills a chart without a namespace, as a user's
 * would be.
 */
import { Chart, Testing } from 'cdk8s';
import * as constructs from 'constructs';
import * as ts from 'typescript';
import * as library from '../../src';
import type { ClusterModel } from '../../src/analysis/model';
import { chartManifests } from '../../src/chart-manifests';
import { importModule } from '../../src/import/import-module';

/** A fresh chart (no namespace) that `code`'s `build(scope)` has filled. */
export function importedChart(code: string): Chart {
  const { outputText } = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } });
  const modules: Record<string, unknown> = { 'cdk8s-netpol': library, constructs };
  const exports: { build?: (scope: unknown) => void } = {};
  const load = (name: string) => {
    if (!(name in modules)) throw new Error(`the generated module imports '${name}', which it should not`);
    return modules[name];
  };
  new Function('exports', 'require', outputText)(exports, load);
  const chart = new Chart(Testing.app(), 'imported');
  exports.build!(chart);
  return chart;
}

/** The manifests `code`'s `build(scope)` writes into a fresh chart, without the app's validations. */
export function synthImported(code: string): any[] {
  return chartManifests(importedChart(code)) as any[];
}

/** The module `import` prints for the model's policies. */
export function importedCode(model: ClusterModel): string {
  return importModule(model.policies);
}
