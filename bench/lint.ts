/**
 * Figures L1 and L2 (this project's own, beside the issue's five): `cdk8s-netpol lint` on the same
 * YAML as figures 2–4. The lint must grow with distinct label sets and policies like reach does:
 * from E(1,000) to E(3,000) by <= 3.6x (figure 3's bound), and F(5,000, 1,000) within reach's
 * 20 s budget (figure 4a). Before the lint worked on workload classes through the group index it
 * took 66 s on E(3,000) and did not finish F(5,000, 1,000) in 600 s.
 */
import { describeTask, figure, Figure, measureInterleaved, ms, phasesText, Summary } from './lib/measure';
import type { BenchOptions } from './lib/options';
import { estateDir, flatDir } from './lib/workloads';

export function benchLint(options: BenchOptions): Figure[] {
  const [small, large] = options.quick ? [20, 60] : [1000, 3000];
  const [w, p] = options.quick ? [300, 80] : [5000, 1000];
  const runs = options.runs ?? (options.quick ? 1 : 3);
  const { log } = options;
  const dirs = [estateDir(small), estateDir(large), flatDir(w, p, 1)];
  log(`lint: E(${small}), E(${large}), F(${w}, ${p}), ${runs} runs each, medians`);
  const tasks = dirs.map(dir => ({ kind: 'lint', dir }) as const);
  const summaries = measureInterleaved(tasks, runs, log, { timeoutSeconds: options.timeoutSeconds });
  summaries.forEach((s: Summary, i) =>
    log(`  ${describeTask(tasks[i])}: ${ms(s.totalMs)} (${phasesText(s)}), peak RSS ${s.maxRssMiB.toFixed(0)} MiB ${JSON.stringify(s.info)}`));
  const [smallEstate, largeEstate, flat] = summaries;
  return [
    figure('L1', `lint E(${small}) -> E(${large}) time growth (${ms(smallEstate.totalMs)} -> ${ms(largeEstate.totalMs)})`,
      largeEstate.totalMs / smallEstate.totalMs, 'x', '<=', 3.6),
    figure('L2', `lint F(${w}, ${p}) time (${flat.info.findings} findings)`, flat.totalMs / 1000, ' s', '<=', 20, 1),
  ];
}
