/**
 * One measurement in a fresh process, so runs never share a heap, a JIT or a peak RSS.
 * `node bench/out/js/bench/lib/child.js '<task JSON>'` prints one JSON line:
 * `{ "phases": { name: ms }, "totalMs", "maxRssMiB", "info": {...} }`.
 *
 * Tasks:
 * - `synth` (n, policies constructs|plain|cdk8s-plus, workloads cdk8s-plus|api-object, layout, app
 *   App|NetworkApp): build E(n) in a new app of that class and `app.synthYaml()`.
 * - `parse` (dir): the loader's own reading and YAML parse of every file, keeping the documents as
 *   `loadManifests` does, and nothing else (the floor).
 * - `reach` (dir): what `cdk8s-netpol reach <dir>` does: load (parse + API-server checks), model,
 *   reachability, txt rendering.
 * - `lint` (dir): what `cdk8s-netpol lint <dir>` does: load, model, every lint rule, txt rendering.
 * - `explain` (dir, from, to, port?): load and model, then resolve both ends, explain, render text.
 */
import { App } from 'cdk8s';
import { NetworkApp } from '../../src';
import { explain } from '../../src/analysis/explain';
import { lint } from '../../src/analysis/lint';
import { buildModel } from '../../src/analysis/model-builder';
import { computeReachability } from '../../src/analysis/reachability';
import { resolveEndpoint } from '../../src/analysis/resolve-endpoint';
import { loadManifests } from '../../src/io';
import { parseDocuments } from '../../src/io/parse-documents';
import { listManifestFiles, readManifestFile } from '../../src/io/read-files';
import { explainToText, renderReach } from '../../src/render';
import { lintToText } from '../../src/render/lint-txt';
import { buildEstate, type EstateOptions } from '../generators/estate';

/** cdk8s' `App`, or the library's `NetworkApp` (each chart linted once per synth). */
export type SynthApp = 'App' | 'NetworkApp';

export type Task =
  | { readonly kind: 'synth'; readonly n: number; readonly estate: EstateOptions; readonly app: SynthApp }
  | { readonly kind: 'parse'; readonly dir: string }
  | { readonly kind: 'reach'; readonly dir: string }
  | { readonly kind: 'lint'; readonly dir: string }
  | { readonly kind: 'explain'; readonly dir: string; readonly from: string; readonly to: string; readonly port?: number };

export interface ChildResult {
  readonly phases: Record<string, number>;
  readonly totalMs: number;
  readonly maxRssMiB: number;
  readonly info: Record<string, unknown>;
}

function timer() {
  const phases: Record<string, number> = {};
  let last = performance.now();
  const start = last;
  return {
    phases,
    lap(name: string) {
      const now = performance.now();
      phases[name] = now - last;
      last = now;
    },
    total: () => performance.now() - start,
  };
}

function runTask(task: Task): { phases: Record<string, number>; totalMs: number; info: Record<string, unknown> } {
  const t = timer();
  switch (task.kind) {
    case 'synth': {
      const props = { outdir: '/nonexistent-synthYaml-writes-nothing' };
      const app = task.app === 'NetworkApp' ? new NetworkApp(props) : new App(props);
      buildEstate(app, task.n, task.estate);
      t.lap('build');
      const yaml = app.synthYaml();
      t.lap('synth');
      return { phases: t.phases, totalMs: t.total(), info: { yamlBytes: yaml.length } };
    }
    case 'parse': {
      // As loadManifests does it, keeping every document: holding the parsed objects is part of parsing them.
      const docs = listManifestFiles([task.dir]).flatMap(file => parseDocuments(readManifestFile(file), file));
      t.lap('parse');
      return { phases: t.phases, totalMs: t.total(), info: { documents: docs.length } };
    }
    case 'reach': {
      const docs = loadManifests([task.dir]);
      t.lap('load');
      const model = buildModel(docs);
      t.lap('model');
      const reach = computeReachability(model);
      t.lap('reachability');
      const text = renderReach(reach, 'txt');
      t.lap('render');
      return {
        phases: t.phases,
        totalMs: t.total(),
        info: { workloads: model.workloads.length, policies: model.policies.length, flows: reach.flows.length, txtBytes: text.length },
      };
    }
    case 'lint': {
      const model = buildModel(loadManifests([task.dir]));
      t.lap('load');
      const findings = lint(model);
      t.lap('lint');
      const text = lintToText(findings);
      t.lap('render');
      return { phases: t.phases, totalMs: t.total(), info: { findings: findings.length, txtBytes: text.length } };
    }
    case 'explain': {
      const model = buildModel(loadManifests([task.dir]));
      t.lap('load');
      const src = resolveEndpoint(model, task.from);
      const dst = resolveEndpoint(model, task.to);
      const explanation = explain(model, src, dst, task.port === undefined ? undefined : { protocol: 'TCP', port: task.port });
      const text = explainToText(explanation);
      t.lap('explain');
      return { phases: t.phases, totalMs: t.total(), info: { allowed: explanation.allowed, textBytes: text.length } };
    }
  }
}

if (require.main === module) {
  const result = runTask(JSON.parse(process.argv[2]) as Task);
  // maxRSS is in KiB on Linux.
  const out: ChildResult = { ...result, maxRssMiB: process.resourceUsage().maxRSS / 1024 };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}
