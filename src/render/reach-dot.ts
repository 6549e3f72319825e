import type { GraphFilters } from './graph-filters';
import { reachGraph } from './reach-graph';
import type { Reachability } from '../analysis/results';

/**
 * Graphviz DOT: a `cluster_<namespace>` subgraph per namespace (Graphviz draws `cluster`
 * subgraphs as boxes), workloads as boxes inside, external ranges as ellipses outside. Node
 * ids are the endpoint ids themselves, quoted: stable, unique and readable in the source.
 */
export function reachToDot(reach: Reachability, filters: GraphFilters = {}): string {
  const graph = reachGraph(reach, filters);
  const lines = ['digraph reachability {', '  rankdir=LR', '  node [shape=box]'];
  for (const group of graph.groups) {
    lines.push(`  subgraph ${quote(`cluster_${group.namespace}`)} {`, `    label=${quote(group.namespace)}`);
    for (const node of group.nodes) lines.push(`    ${quote(node.id)} [label=${quote(node.label)}]`);
    lines.push('  }');
  }
  for (const node of graph.externals) lines.push(`  ${quote(node.id)} [label=${quote(node.label)} shape=ellipse]`);
  for (const edge of graph.edges) lines.push(`  ${quote(edge.src)} -> ${quote(edge.dst)} [label=${quote(edge.label)}]`);
  return lines.join('\n') + '\n}\n';
}

/** A DOT double-quoted string: only `"` and `\` need escaping. */
function quote(text: string): string {
  return `"${text.replace(/[\\"]/g, c => `\\${c}`)}"`;
}
