/**
 * Figure 1: synth of E(n) through the constructs vs the same manifests as plain cdk8s ApiObjects.
 * Each side is measured in its own process: `new App()`, build every chart, `app.synthYaml()`
 * (cdk8s' validation, resolution, `toJson` and YAML, without writing files). Sides interleaved.
 * Targets at n = 1,000: time ratio <= 1.2, peak RSS ratio <= 1.5.
 */
import { describeTask, figure, Figure, measureInterleaved, ms, phasesText } from './lib/measure';
import type { BenchOptions } from './lib/options';

export function benchSynth(options: BenchOptions): Figure[] {
  const n = options.quick ? 50 : 1000;
  const runs = options.runs ?? (options.quick ? 1 : 5);
  const { log } = options;
  log(`synth: E(${n}), ${runs} runs per side, medians`);
  const tasks = [{ kind: 'synth', side: 'constructs', n }, { kind: 'synth', side: 'plain', n }] as const;
  const [constructs, plain] = measureInterleaved(tasks, runs, log, { timeoutSeconds: options.timeoutSeconds });
  for (const [task, s] of [[tasks[0], constructs], [tasks[1], plain]] as const) {
    log(`  ${describeTask(task)}: ${ms(s.totalMs)} (${phasesText(s)}), peak RSS ${s.maxRssMiB.toFixed(0)} MiB, ${s.info.yamlBytes} bytes of YAML`);
  }
  return [
    figure('1a', `synth E(${n}) constructs/plain time (${ms(constructs.totalMs)} / ${ms(plain.totalMs)})`, constructs.totalMs / plain.totalMs, 'x', '<=', 1.2),
    figure('1b', `synth E(${n}) constructs/plain peak RSS (${constructs.maxRssMiB.toFixed(0)} / ${plain.maxRssMiB.toFixed(0)} MiB)`, constructs.maxRssMiB / plain.maxRssMiB, 'x', '<=', 1.5),
  ];
}
