/**
 * The picture both diagram formats draw: namespaces as groups of workload nodes, external
 * ranges as nodes outside any group, allowed flows as labelled edges. Only endpoints that take
 * part in a flow the filters keep are drawn (graph-filters.ts).
 */
import { filterConnections, pictureConnections, type GraphFilters, type PictureNode } from './graph-filters';
import { compare } from '../analysis/model-builder';
import type { Reachability } from '../analysis/results';

export interface GraphNode {
  /** `endpointId`, or the id of a collapsed node: unique, and what the text formats call it. */
  readonly id: string;
  /** Shorter text for the box: the namespace is already the group's name. */
  readonly label: string;
}

export interface GraphGroup {
  readonly namespace: string;
  readonly nodes: readonly GraphNode[];
}

export interface GraphEdge {
  readonly src: string;
  readonly dst: string;
  readonly label: string;
}

export interface ReachGraph {
  /** Sorted by namespace; nodes inside sorted by id. */
  readonly groups: readonly GraphGroup[];
  /** External ranges, in the order they first appear in the (sorted) flows. */
  readonly externals: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

export function reachGraph(reach: Reachability, filters: GraphFilters = {}): ReachGraph {
  const byNamespace = new Map<string, Map<string, GraphNode>>();
  const externals = new Map<string, GraphNode>();
  const add = ({ id, label, namespace }: PictureNode): string => {
    if (namespace === undefined) {
      externals.set(id, { id, label });
    } else {
      if (!byNamespace.has(namespace)) byNamespace.set(namespace, new Map());
      byNamespace.get(namespace)!.set(id, { id, label });
    }
    return id;
  };
  const connections = filterConnections(pictureConnections(reach, filters.collapse), filters);
  const edges = connections.map(c => ({ src: add(c.src), dst: add(c.dst), label: c.conns.toString() }));
  const groups = [...byNamespace.entries()]
    .sort(([a], [b]) => compare(a, b))
    .map(([namespace, nodes]) => ({ namespace, nodes: [...nodes.values()].sort((a, b) => compare(a.id, b.id)) }));
  return { groups, externals: [...externals.values()], edges };
}
