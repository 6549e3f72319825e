/**
 * Figure 4: full `reach` on F(w, p) from its YAML file, with the parse floor printed for reference.
 * Targets at F(5,000, 1,000): <= 20 s and <= 2 GiB peak RSS. (Its correctness against a per-pair
 * reference evaluation is checked in test/performance/, not here.)
 */
import { describeTask, figure, Figure, measureInterleaved, ms, phasesText } from './lib/measure';
import type { BenchOptions } from './lib/options';
import { flatDir } from './lib/workloads';

export function benchReachFlat(options: BenchOptions): Figure[] {
  const [w, p] = options.quick ? [300, 80] : [5000, 1000];
  const runs = options.runs ?? (options.quick ? 1 : 3);
  const { log } = options;
  const dir = flatDir(w, p, 1);
  log(`reach: F(${w}, ${p}) seed 1 from ${dir}, ${runs} runs each, medians`);
  const tasks = [{ kind: 'parse', dir }, { kind: 'reach', dir }] as const;
  const [parse, reach] = measureInterleaved(tasks, runs, log, { timeoutSeconds: options.timeoutSeconds });
  for (const [task, s] of [[tasks[0], parse], [tasks[1], reach]] as const) {
    log(`  ${describeTask(task)}: ${ms(s.totalMs)} (${phasesText(s)}), peak RSS ${s.maxRssMiB.toFixed(0)} MiB ${JSON.stringify(s.info)}`);
  }
  return [
    figure('4a', `reach F(${w}, ${p}) time (parse floor ${ms(parse.totalMs)})`, reach.totalMs / 1000, ' s', '<=', 20, 1),
    figure('4b', `reach F(${w}, ${p}) peak RSS`, reach.maxRssMiB, ' MiB', '<=', 2048, 0),
  ];
}
