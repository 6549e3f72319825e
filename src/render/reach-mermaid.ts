import type { GraphFilters } from './graph-filters';
import { reachGraph } from './reach-graph';
import type { Reachability } from '../analysis/results';

/**
 * Mermaid flowchart (renders in GitHub PRs): a subgraph per namespace, workloads as boxes,
 * external ranges as stadiums outside. Mermaid ids must be plain words, so each id is the
 * endpoint id with other characters turned into `_` (readable in diffs, and unchanged when
 * unrelated flows come and go); the rare clash gets a numeric suffix.
 */
export function reachToMermaid(reach: Reachability, filters: GraphFilters = {}): string {
  const graph = reachGraph(reach, filters);
  const ids = new MermaidIds();
  const lines = ['flowchart LR'];
  for (const group of graph.groups) {
    lines.push(`  subgraph ${ids.of(`namespace ${group.namespace}`, `ns_${group.namespace}`)}[${quote(group.namespace)}]`);
    for (const node of group.nodes) lines.push(`    ${ids.of(node.id)}[${quote(node.label)}]`);
    lines.push('  end');
  }
  for (const node of graph.externals) lines.push(`  ${ids.of(node.id, `ext_${node.label}`)}([${quote(node.label)}])`);
  for (const edge of graph.edges) lines.push(`  ${ids.of(edge.src)} -->|${quote(edge.label)}| ${ids.of(edge.dst)}`);
  return lines.join('\n') + '\n';
}

/** Mermaid-safe ids, allocated once per key in drawing order so the same input always gives the same ids. */
class MermaidIds {
  private readonly byKey = new Map<string, string>();
  private readonly taken = new Set<string>();

  /** The id for `key`, made from `hint` (default: the key) the first time it is asked for. */
  public of(key: string, hint: string = key): string {
    let id = this.byKey.get(key);
    if (id === undefined) {
      const base = hint.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '');
      id = base;
      for (let n = 2; this.taken.has(id); n++) id = `${base}_${n}`;
      this.byKey.set(key, id);
      this.taken.add(id);
    }
    return id;
  }
}

/** A quoted Mermaid label; a `"` inside is written as the entity `#quot;`. */
function quote(text: string): string {
  return `"${text.replace(/"/g, '#quot;')}"`;
}
