/** A reachability diff as JSON for scripts: endpoints by id, connection sets in their text form. */
import type { FlowChange, ReachabilityDiff } from '../analysis/diff';
import { endpointId } from '../analysis/results';

export function diffToJson(diff: ReachabilityDiff): string {
  const pair = (c: FlowChange) => ({ src: endpointId(c.src), dst: endpointId(c.dst) });
  return JSON.stringify({
    added: diff.added.map(c => ({ ...pair(c), conns: c.after.toString() })),
    removed: diff.removed.map(c => ({ ...pair(c), conns: c.before.toString() })),
    changed: diff.changed.map(c => ({
      ...pair(c),
      before: c.before.toString(),
      after: c.after.toString(),
      added: c.added.toString(),
      removed: c.removed.toString(),
    })),
    summary: { added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length },
  }, null, 2) + '\n';
}
