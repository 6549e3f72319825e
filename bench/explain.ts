/**
 * Figure 5: `explain` of one pair on E(n) after the model is loaded: resolve both ends, explain
 * (with a port), render the text. Target at n = 3,000: <= 1 s. The load time is printed too.
 */
import { estateNamespace } from './generators/estate';
import { figure, Figure, measureInterleaved, ms } from './lib/measure';
import type { BenchOptions } from './lib/options';
import { estateDir } from './lib/workloads';

export function benchExplain(options: BenchOptions): Figure[] {
  const n = options.quick ? 60 : 3000;
  const runs = options.runs ?? (options.quick ? 1 : 5);
  const { log } = options;
  const dir = estateDir(n);
  const ns = estateNamespace(Math.floor(n / 2));
  log(`explain: E(${n}) ${ns}/frontend -> ${ns}/backend port 9000, ${runs} runs, medians`);
  const [s] = measureInterleaved([{ kind: 'explain', dir, from: `${ns}/frontend`, to: `${ns}/backend`, port: 9000 }], runs, log, { timeoutSeconds: options.timeoutSeconds });
  log(`  load ${ms(s.phases.load)}, explain ${ms(s.phases.explain)}, ${JSON.stringify(s.info)}`);
  return [figure('5', `explain one pair on E(${n}) after load`, s.phases.explain / 1000, ' s', '<=', 1, 3)];
}
