/** A reachability diff as Markdown for a pull-request comment: a one-line summary, then a table per kind of change. */
import { toMarkdownTable } from './markdown-table';
import type { ConnectionSet } from '../analysis/connection-set';
import type { FlowChange, ReachabilityDiff } from '../analysis/diff';
import { endpointId } from '../analysis/results';

export function diffToMarkdown(diff: ReachabilityDiff): string {
  const total = diff.added.length + diff.removed.length + diff.changed.length;
  if (total === 0) return '### NetworkPolicy connectivity diff\n\nNo connectivity changes.\n';
  const sections = [
    section('Added', diff.added, ['Source', 'Destination', 'Connections'], c => [code(endpointId(c.src)), code(endpointId(c.dst)), c.after.toString()]),
    section('Removed', diff.removed, ['Source', 'Destination', 'Connections'], c => [code(endpointId(c.src)), code(endpointId(c.dst)), c.before.toString()]),
    section('Changed', diff.changed, ['Source', 'Destination', 'Before', 'After', 'Added', 'Removed'], c =>
      [code(endpointId(c.src)), code(endpointId(c.dst)), c.before.toString(), c.after.toString(), orDash(c.added), orDash(c.removed)]),
  ].filter(s => s !== '');
  const summary = `**${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed**`;
  return `### NetworkPolicy connectivity diff\n\n${summary}\n\n${sections.join('\n')}`;
}

function section(title: string, changes: readonly FlowChange[], header: string[], row: (c: FlowChange) => string[]): string {
  if (changes.length === 0) return '';
  return `#### ${title} (${changes.length})\n\n${toMarkdownTable(header, changes.map(row))}`;
}

function code(text: string): string {
  return `\`${text}\``;
}

/** `-` rather than `No Connections` in the added/removed columns: nothing gained or lost there. */
function orDash(conns: ConnectionSet): string {
  return conns.isEmpty() ? '-' : conns.toString();
}
