/**
 * Runs the benchmarks and prints every figure against its target, PASS or MISS.
 *
 *   npx tsc -p bench/tsconfig.json && node bench/out/js/bench/run.js [--quick] [--only synth,reach,flat,explain,lint] [--runs N] [--timeout S]
 *
 * Measurements run compiled (no ts-node) in fresh child processes; see docs/performance.md.
 */
import { parseArgs } from 'node:util';
import { benchExplain } from './explain';
import { Figure, machine, printFigures } from './lib/measure';
import type { BenchOptions } from './lib/options';
import { benchLint } from './lint';
import { benchReachEstate } from './reach-estate';
import { benchReachFlat } from './reach-flat';
import { benchSynth } from './synth';

const BENCHMARKS: Record<string, (options: BenchOptions) => Figure[]> = {
  synth: benchSynth,
  reach: benchReachEstate,
  flat: benchReachFlat,
  explain: benchExplain,
  lint: benchLint,
};

function main(): number {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      runs: { type: 'string' },
      timeout: { type: 'string', default: '600' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(`Usage: run [--quick] [--only ${Object.keys(BENCHMARKS).join(',')}] [--runs N] [--timeout SECONDS]`);
    return 0;
  }
  const names = values.only ? values.only.split(',') : Object.keys(BENCHMARKS);
  const unknown = names.filter(name => !(name in BENCHMARKS));
  if (unknown.length > 0) {
    console.error(`unknown benchmark ${unknown.join(', ')}; pick from ${Object.keys(BENCHMARKS).join(', ')}`);
    return 2;
  }
  const log = (line: string) => console.log(line);
  const options: BenchOptions = {
    quick: values.quick,
    runs: values.runs ? Number(values.runs) : undefined,
    timeoutSeconds: Number(values.timeout),
    log,
  };
  log(`machine: ${machine()}`);
  log(`started ${new Date().toISOString()}${options.quick ? ' (quick: small sizes, one run; not comparable to the targets)' : ''}`);
  const figures: Figure[] = [];
  for (const name of names) {
    const started = Date.now();
    figures.push(...BENCHMARKS[name](options));
    log(`  (${name} took ${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
  }
  log('figures:');
  printFigures(figures, log);
  return 0;
}

process.exitCode = main();
