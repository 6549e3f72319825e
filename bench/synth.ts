/**
 * Figure 1: synth of E(n) through the constructs vs the same manifests as plain cdk8s ApiObjects.
 * Each side is measured in its own process: `new App()`, build every chart, `app.synthYaml()`
 * (cdk8s' validation, resolution, `toJson` and YAML, without writing files). Sides interleaved.
 * Targets at n = 1,000: time ratio <= 1.2, peak RSS ratio <= 1.5.
 *
 * The library writes policies, so the policies are what differs between the two sides of a ratio:
 * - 1a–1d: every Deployment a plain ApiObject on both sides, so the ratio is the library's cost alone;
 * - 1e–1h: every Deployment a cdk8s-plus-28 Deployment on both sides (as in examples/three-tier):
 *   the library's cost in a cdk8s-plus app.
 * What cdk8s-plus itself costs (cdk8s-plus Deployments and the constructs vs everything plain) is
 * printed beside them, without a target: it is not this library's to change.
 *
 * Two layouts: one chart per namespace (how cdk8s apps are usually split, one YAML file per
 * namespace) and one chart for the whole estate. They differ because cdk8s 2.68 walks the whole
 * app once per chart it synthesizes: see docs/performance.md. In the chart-per-namespace layout a
 * third plain side, the same plain manifests in the constructs' tree shape (their constructs and
 * classes, none of their work), splits 1a (without a target) into what that shape costs in the walk
 * and what the constructs' work costs on top of it.
 */
import type { EstateLayout, EstateOptions } from './generators/estate';
import { describeTask, figure, Figure, measureInterleaved, ms, phasesText, Summary } from './lib/measure';
import type { BenchOptions } from './lib/options';

/**
 * `runs` per side. One chart: nine, at ~3 s a run. 1c sits at its target, and on this shared VM a
 * side runs 30–40% slower in a third of the runs (11-27: plain 2.2–2.5 s or 3.1–3.4 s), which moves a
 * median of five. Chart per namespace: five, at 10–30 s a run, where runs differ by up to 3x anyway.
 */
const LAYOUTS: readonly { layout: EstateLayout; runs: number; ids: [string, string, string, string] }[] = [
  { layout: 'chart-per-namespace', runs: 5, ids: ['1a', '1b', '1e', '1f'] },
  { layout: 'single-chart', runs: 9, ids: ['1c', '1d', '1g', '1h'] },
];

export function benchSynth(options: BenchOptions): Figure[] {
  const n = options.quick ? 50 : 1000;
  const { log } = options;
  return LAYOUTS.flatMap(({ layout, runs: layoutRuns, ids: [time, rss, kplusTime, kplusRss] }) => {
    const runs = options.runs ?? (options.quick ? 1 : layoutRuns);
    log(`synth: E(${n}) ${layout}, ${runs} runs per side, medians`);
    const sides: EstateOptions[] = [
      { policies: 'constructs', workloads: 'api-object', layout },
      { policies: 'plain', workloads: 'api-object', layout },
      { policies: 'constructs', workloads: 'cdk8s-plus', layout },
      { policies: 'plain', workloads: 'cdk8s-plus', layout },
    ];
    if (layout === 'chart-per-namespace') sides.push({ policies: 'plain-in-shape', workloads: 'api-object', layout });
    const tasks = sides.map(estate => ({ kind: 'synth', n, estate }) as const);
    const summaries = measureInterleaved(tasks, runs, log, { timeoutSeconds: options.timeoutSeconds });
    const [constructs, plain, kplusConstructs, kplusPlain, inShape] = summaries;
    summaries.forEach((s, i) =>
      log(`  ${describeTask(tasks[i])}: ${ms(s.totalMs)} (${phasesText(s)}), peak RSS ${s.maxRssMiB.toFixed(0)} MiB, ${s.info.yamlBytes} bytes of YAML`));
    log(`  (no target) cdk8s-plus Deployments and the constructs vs everything plain: ${ratioText(kplusConstructs, plain)}`);
    if (inShape) {
      log(`  (no target) the plain policies in the constructs' shape, none of their work, vs plain: ${ratioText(inShape, plain)}`);
      log(`  (no target) the constructs vs the plain policies in their shape (their work alone): ${ratioText(constructs, inShape)}`);
    }
    return [
      ...figures([time, rss], `synth E(${n}) ${layout}, Deployments plain on both sides: constructs/plain`, constructs, plain),
      ...figures([kplusTime, kplusRss], `synth E(${n}) ${layout}, cdk8s-plus Deployments on both sides: constructs/plain`, kplusConstructs, kplusPlain),
    ];
  });
}

function figures([timeId, rssId]: readonly string[], what: string, constructs: Summary, plain: Summary): Figure[] {
  return [
    figure(timeId, `${what} time (${ms(constructs.totalMs)} / ${ms(plain.totalMs)})`, constructs.totalMs / plain.totalMs, 'x', '<=', 1.2),
    figure(rssId, `${what} peak RSS (${constructs.maxRssMiB.toFixed(0)} / ${plain.maxRssMiB.toFixed(0)} MiB)`, constructs.maxRssMiB / plain.maxRssMiB, 'x', '<=', 1.5),
  ];
}

function ratioText(a: Summary, b: Summary): string {
  return `time ${(a.totalMs / b.totalMs).toFixed(2)}x (${ms(a.totalMs)} / ${ms(b.totalMs)}), peak RSS ${(a.maxRssMiB / b.maxRssMiB).toFixed(2)}x`;
}
