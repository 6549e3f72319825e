/**
 * Spawning measurements, medians, and the one report format every benchmark prints.
 */
import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ChildResult, Task } from './child';

/** The compiled child (bench/out/js/bench/lib/child.js when this file runs compiled). */
const CHILD = path.join(__dirname, 'child.js');

/** Extra node flags for children, e.g. `--cpu-prof` (BENCH_NODE_FLAGS, space-separated). */
const NODE_FLAGS = (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);

export interface MeasureOptions {
  /** The child's heap limit (`--max-old-space-size`). */
  readonly maxOldSpaceMiB?: number;
  /** Kill the child after this long and report it as timed out (its time is then the timeout). */
  readonly timeoutSeconds?: number;
}

/** Runs `task` in a fresh node process and returns what it measured. Throws when the child fails. */
export function measure(task: Task, options: MeasureOptions = {}): ChildResult {
  const flags = [...NODE_FLAGS, ...options.maxOldSpaceMiB ? [`--max-old-space-size=${options.maxOldSpaceMiB}`] : []];
  const timeout = options.timeoutSeconds ? options.timeoutSeconds * 1000 : undefined;
  const child = spawnSync(process.execPath, [...flags, CHILD, JSON.stringify(task)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout, killSignal: 'SIGKILL' });
  if (timeout !== undefined && child.error && /ETIMEDOUT/.test(String(child.error))) {
    return { phases: {}, totalMs: timeout, maxRssMiB: NaN, info: { timedOut: true } };
  }
  if (child.status !== 0) {
    throw new Error(`child ${JSON.stringify(task)} failed (${child.status ?? child.signal}):\n${child.stderr.slice(-4000)}`);
  }
  const lines = child.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as ChildResult;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median of every phase, total and RSS over several results of the same task. */
export interface Summary {
  readonly runs: number;
  readonly totalMs: number;
  readonly maxRssMiB: number;
  readonly phases: Record<string, number>;
  readonly info: Record<string, unknown>;
  readonly all: readonly number[];
}

export function summarize(results: readonly ChildResult[]): Summary {
  const phases: Record<string, number> = {};
  for (const name of Object.keys(results[0].phases)) phases[name] = median(results.map(r => r.phases[name]));
  return {
    runs: results.length,
    totalMs: median(results.map(r => r.totalMs)),
    maxRssMiB: median(results.map(r => r.maxRssMiB)),
    phases,
    info: { ...results[0].info, ...results.some(r => r.info.timedOut) ? { timedOut: true } : {} },
    all: results.map(r => r.totalMs),
  };
}

/**
 * Measures several tasks `runs` times each, interleaved (A B A B …) so that background load
 * affects every side alike.
 */
export function measureInterleaved(tasks: readonly Task[], runs: number, log: (line: string) => void, options: MeasureOptions = {}): Summary[] {
  const results: ChildResult[][] = tasks.map(() => []);
  for (let run = 0; run < runs; run++) {
    tasks.forEach((task, i) => {
      const r = measure(task, options);
      results[i].push(r);
      const timedOut = r.info.timedOut ? ' (TIMED OUT, killed)' : '';
      log(`    run ${run + 1}/${runs} ${describeTask(task)}: ${ms(r.totalMs)}, ${r.maxRssMiB.toFixed(0)} MiB${timedOut} ${phasesText(r)}`);
    });
  }
  return results.map(summarize);
}

export function describeTask(task: Task): string {
  switch (task.kind) {
    case 'synth': return `synth n=${task.n} policies:${task.estate.policies} workloads:${task.estate.workloads} ${task.estate.layout} ${task.app}`;
    case 'parse': return `parse ${path.basename(task.dir)}`;
    case 'reach': return `reach ${path.basename(task.dir)}`;
    case 'lint': return `lint ${path.basename(task.dir)}`;
    case 'explain': return `explain ${path.basename(task.dir)} ${task.from} -> ${task.to}`;
  }
}

export const ms = (value: number) => (value >= 10000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(0)} ms`);

export const phasesText = (s: Pick<Summary, 'phases'>) => Object.entries(s.phases).map(([k, v]) => `${k} ${ms(v)}`).join(', ');

/** One row of the figures table. */
export interface Figure {
  readonly id: string;
  readonly what: string;
  readonly value: string;
  readonly target: string;
  readonly pass: boolean;
}

export function figure(id: string, what: string, value: number, unit: string, op: '<=', limit: number, digits = 2): Figure {
  const shown = `${value.toFixed(digits)}${unit}`;
  return { id, what, value: shown, target: `${op} ${limit}${unit}`, pass: value <= limit };
}

export function printFigures(figures: readonly Figure[], log: (line: string) => void): void {
  const width = Math.max(...figures.map(f => f.what.length));
  for (const f of figures) {
    log(`  ${f.pass ? 'PASS' : 'MISS'}  ${f.id.padEnd(4)} ${f.what.padEnd(width)}  ${f.value.padStart(10)}  (target ${f.target})`);
  }
}

export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} cores (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}, ${os.platform()} ${os.release()}`;
}
