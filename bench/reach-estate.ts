/**
 * Figures 2 and 3: `reach` on E(n) from the YAML files `cdk8s synth` writes (one per chart), against
 * the floor: the same loader only reading and parsing those files. Both in fresh processes.
 * Targets: at n = 3,000 reach <= 3x the floor, <= 15 s, peak RSS <= 1.5 GiB; from n = 1,000 to
 * 3,000 reach time grows <= 3.6x.
 */
import { describeTask, figure, Figure, measureInterleaved, ms, phasesText, Summary } from './lib/measure';
import type { BenchOptions } from './lib/options';
import { estateDir } from './lib/workloads';

export function benchReachEstate(options: BenchOptions): Figure[] {
  const [small, large] = options.quick ? [20, 60] : [1000, 3000];
  const runs = options.runs ?? (options.quick ? 1 : 3);
  const { log } = options;
  const measured: Record<number, { parse: Summary; reach: Summary }> = {};
  for (const n of [small, large]) {
    const dir = estateDir(n);
    log(`reach: E(${n}) from ${dir}, ${runs} runs each, medians`);
    const tasks = [{ kind: 'parse', dir }, { kind: 'reach', dir }] as const;
    const [parse, reach] = measureInterleaved(tasks, runs, log, { timeoutSeconds: options.timeoutSeconds });
    for (const [task, s] of [[tasks[0], parse], [tasks[1], reach]] as const) {
      log(`  ${describeTask(task)}: ${ms(s.totalMs)} (${phasesText(s)}), peak RSS ${s.maxRssMiB.toFixed(0)} MiB ${JSON.stringify(s.info)}`);
    }
    measured[n] = { parse, reach };
  }
  const { parse, reach } = measured[large];
  return [
    figure('2a', `reach E(${large}) / parse floor (${ms(reach.totalMs)} / ${ms(parse.totalMs)})`, reach.totalMs / parse.totalMs, 'x', '<=', 3),
    figure('2b', `reach E(${large}) time`, reach.totalMs / 1000, ' s', '<=', 15, 1),
    figure('2c', `reach E(${large}) peak RSS`, reach.maxRssMiB, ' MiB', '<=', 1536, 0),
    figure('3', `reach E(${small}) -> E(${large}) time growth (${ms(measured[small].reach.totalMs)} -> ${ms(reach.totalMs)})`,
      reach.totalMs / measured[small].reach.totalMs, 'x', '<=', 3.6),
  ];
}
