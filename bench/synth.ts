/**
 * Figure 1: synth of E(n) with the shops' policies written three ways: through the library's
 * constructs, as the same manifests in plain cdk8s ApiObjects, and through cdk8s-plus-28's
 * `NetworkPolicy` (the same flows; see `kplusPolicies` in generators/estate.ts). Each side is
 * measured in its own process: a new app, build every chart, `app.synthYaml()` (cdk8s' validation,
 * resolution, `toJson` and YAML, without writing files). Sides interleaved, medians compared. The
 * constructs' figures are for the library's `NetworkApp` (see SIDES); the same constructs in cdk8s'
 * `App` are printed beside them without a target.
 *
 * The library writes policies, so the policies are all that differs between the sides: every
 * Deployment is a plain ApiObject on every side, and a ratio is the library's cost alone.
 *
 * | id | layout                              | figure                          | target  |
 * |----|-------------------------------------|---------------------------------|---------|
 * | 1a | one chart, E(1,000)                 | constructs / plain, time        | <= 1.3x |
 * | 1b | one chart, E(1,000)                 | constructs / plain, peak RSS    | <= 1.5x |
 * | 1c | one chart, E(1,000)                 | constructs / cdk8s-plus, time   | <= 1.0x |
 * | 1d | one chart per namespace, E(100)     | constructs / plain, time        | <= 1.5x |
 * | 1e | one chart per namespace, E(100)     | constructs / plain, peak RSS    | <= 1.5x |
 * | 1f | one chart per namespace, E(100)     | constructs / cdk8s-plus, time   | <= 1.0x |
 *
 * The layouts differ because cdk8s 2.68 walks the whole app once per chart it synthesizes (see
 * docs/performance.md), which makes the chart-per-namespace layout grow with the square of n.
 */
import type { EstateLayout, EstateOptions, EstatePolicies } from './generators/estate';
import type { SynthApp } from './lib/child';
import { describeTask, figure, Figure, measureInterleaved, ms, phasesText, Summary } from './lib/measure';
import type { BenchOptions } from './lib/options';

interface LayoutBench {
  readonly layout: EstateLayout;
  readonly n: number;
  readonly quickN: number;
  /**
   * Runs per side. A run of E(1,000) in one chart takes ~2.5–4 s, and on this shared VM the same
   * side varies by ~10% between runs, with a slow outlier in a few, so 15; a run of E(100) per
   * namespace takes about a second and varies more, so 21. With four sides that is ~15 × 15 s
   * + 21 × 5 s, about five and a half minutes for a full synth run on 2 idle cores.
   */
  readonly runs: number;
  /** Ids of constructs/plain time, constructs/plain peak RSS, constructs/cdk8s-plus time. */
  readonly ids: readonly [string, string, string];
  /** Target of constructs/plain time. */
  readonly plainTarget: number;
}

const LAYOUTS: readonly LayoutBench[] = [
  { layout: 'single-chart', n: 1000, quickN: 50, runs: 15, ids: ['1a', '1b', '1c'], plainTarget: 1.3 },
  { layout: 'chart-per-namespace', n: 100, quickN: 10, runs: 21, ids: ['1d', '1e', '1f'], plainTarget: 1.5 },
];

const RSS_TARGET = 1.5;
const KPLUS_TARGET = 1.0;
/**
 * The constructs in a `NetworkApp` (what the targets are for: the library's own App, which lints
 * each chart once per synth), the plain and cdk8s-plus baselines in cdk8s' `App`, and, without a
 * target, the constructs in cdk8s' `App` (each chart linted once per chart of the app).
 */
const SIDES: readonly { policies: EstatePolicies; app: SynthApp }[] = [
  { policies: 'constructs', app: 'NetworkApp' },
  { policies: 'plain', app: 'App' },
  { policies: 'cdk8s-plus', app: 'App' },
  { policies: 'constructs', app: 'App' },
];

export function benchSynth(options: BenchOptions): Figure[] {
  const { log } = options;
  return LAYOUTS.flatMap(({ layout, n: fullN, quickN, runs: layoutRuns, ids: [timeId, rssId, kplusId], plainTarget }) => {
    const n = options.quick ? quickN : fullN;
    const runs = options.runs ?? (options.quick ? 1 : layoutRuns);
    log(`synth: E(${n}) ${layout}, ${runs} runs per side, medians`);
    const tasks = SIDES.map(({ policies, app }) => ({ kind: 'synth', n, estate: { policies, workloads: 'api-object', layout } as EstateOptions, app }) as const);
    const summaries = measureInterleaved(tasks, runs, log, { timeoutSeconds: options.timeoutSeconds });
    const [constructs, plain, kplus, inApp] = summaries;
    summaries.forEach((s, i) =>
      log(`  ${describeTask(tasks[i])}: ${ms(s.totalMs)} (${phasesText(s)}), peak RSS ${s.maxRssMiB.toFixed(0)} MiB, ${s.info.yamlBytes} bytes of YAML`));
    log(`  (no target) constructs/cdk8s-plus peak RSS: ${mib(constructs)} / ${mib(kplus)} = ${(constructs.maxRssMiB / kplus.maxRssMiB).toFixed(2)}x`);
    log(`  (no target) constructs in cdk8s' App/plain time: ${ms(inApp.totalMs)} / ${ms(plain.totalMs)} = ${(inApp.totalMs / plain.totalMs).toFixed(2)}x, /cdk8s-plus ${(inApp.totalMs / kplus.totalMs).toFixed(2)}x`);
    const what = `synth E(${n}) ${layout}`;
    return [
      figure(timeId, `${what}: constructs/plain time (${ms(constructs.totalMs)} / ${ms(plain.totalMs)})`, constructs.totalMs / plain.totalMs, 'x', '<=', plainTarget),
      figure(rssId, `${what}: constructs/plain peak RSS (${mib(constructs)} / ${mib(plain)})`, constructs.maxRssMiB / plain.maxRssMiB, 'x', '<=', RSS_TARGET),
      figure(kplusId, `${what}: constructs/cdk8s-plus time (${ms(constructs.totalMs)} / ${ms(kplus.totalMs)})`, constructs.totalMs / kplus.totalMs, 'x', '<=', KPLUS_TARGET),
    ];
  });
}

const mib = (s: Summary) => `${s.maxRssMiB.toFixed(0)} MiB`;
