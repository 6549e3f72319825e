/**
 * A reachability diff as text, in np-guard netpol-analyzer's diff convention (one
 * `diff-type: …, source: …, destination: …, dir1: …, dir2: …` line per pair; dir1 is before,
 * dir2 after) so its users can switch and compare. Changed pairs also say what was added and removed.
 */
import type { FlowChange, ReachabilityDiff } from '../analysis/diff';
import { endpointId } from '../analysis/results';

export function diffToText(diff: ReachabilityDiff): string {
  const rows = [
    ...diff.added.map(c => line('added', c)),
    ...diff.removed.map(c => line('removed', c)),
    ...diff.changed.map(c => `${line('changed', c)}, added: ${c.added}, removed: ${c.removed}`),
  ];
  return rows.length === 0 ? 'No connectivity changes.\n' : `Connectivity diff:\n${rows.join('\n')}\n`;
}

function line(type: string, c: FlowChange): string {
  return `diff-type: ${type}, source: ${endpointId(c.src)}, destination: ${endpointId(c.dst)}, dir1: ${c.before}, dir2: ${c.after}`;
}
