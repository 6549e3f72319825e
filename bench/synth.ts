/**
 * Figure 1: synth of E(n) through the constructs vs the same manifests as plain cdk8s ApiObjects.
 * Each side is measured in its own process: `new App()`, build every chart, `app.synthYaml()`
 * (cdk8s' validation, resolution, `toJson` and YAML, without writing files). Sides interleaved.
 * Targets at n = 1,000: time ratio <= 1.2, peak RSS ratio <= 1.5.
 *
 * Two layouts: one chart per namespace (1a, 1b: how cdk8s apps are usually split, one YAML file
 * per namespace) and one chart for the whole estate (1c, 1d). They differ because cdk8s 2.68
 * validates the whole app once per chart it synthesizes, so every validation (the library's
 * per-chart network lint among them) runs once per chart: see docs/performance.md.
 */
import type { EstateLayout } from './generators/estate';
import { describeTask, figure, Figure, measureInterleaved, ms, phasesText } from './lib/measure';
import type { BenchOptions } from './lib/options';

export function benchSynth(options: BenchOptions): Figure[] {
  const n = options.quick ? 50 : 1000;
  const runs = options.runs ?? (options.quick ? 1 : 5);
  const { log } = options;
  const layouts: [EstateLayout, string, string][] = [['chart-per-namespace', '1a', '1b'], ['single-chart', '1c', '1d']];
  return layouts.flatMap(([layout, timeId, rssId]) => {
    log(`synth: E(${n}) ${layout}, ${runs} runs per side, medians`);
    const tasks = [{ kind: 'synth', side: 'constructs', n, layout }, { kind: 'synth', side: 'plain', n, layout }] as const;
    const [constructs, plain] = measureInterleaved(tasks, runs, log, { timeoutSeconds: options.timeoutSeconds });
    for (const [task, s] of [[tasks[0], constructs], [tasks[1], plain]] as const) {
      log(`  ${describeTask(task)}: ${ms(s.totalMs)} (${phasesText(s)}), peak RSS ${s.maxRssMiB.toFixed(0)} MiB, ${s.info.yamlBytes} bytes of YAML`);
    }
    return [
      figure(timeId, `synth E(${n}) ${layout} constructs/plain time (${ms(constructs.totalMs)} / ${ms(plain.totalMs)})`, constructs.totalMs / plain.totalMs, 'x', '<=', 1.2),
      figure(rssId, `synth E(${n}) ${layout} constructs/plain peak RSS (${constructs.maxRssMiB.toFixed(0)} / ${plain.maxRssMiB.toFixed(0)} MiB)`, constructs.maxRssMiB / plain.maxRssMiB, 'x', '<=', 1.5),
    ];
  });
}
