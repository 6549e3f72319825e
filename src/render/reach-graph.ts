/**
 * The picture both diagram formats draw: namespaces as groups of workload nodes, external
 * ranges as nodes outside any group, allowed flows as labelled edges. Only endpoints that take
 * part in a flow are drawn.
 */
import { compare } from '../analysis/model-builder';
import { endpointId, type Endpoint, type Reachability } from '../analysis/results';

export interface GraphNode {
  /** `endpointId`: unique, and what the text formats call it. */
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

export function reachGraph(reach: Reachability): ReachGraph {
  const byNamespace = new Map<string, Map<string, GraphNode>>();
  const externals = new Map<string, GraphNode>();
  const add = (endpoint: Endpoint): string => {
    const id = endpointId(endpoint);
    if (endpoint.kind === 'external') {
      externals.set(id, { id, label: `${endpoint.range.start}-${endpoint.range.end}` });
    } else {
      const { namespace, name, kind } = endpoint.workload;
      if (!byNamespace.has(namespace)) byNamespace.set(namespace, new Map());
      byNamespace.get(namespace)!.set(id, { id, label: `${name}[${kind}]` });
    }
    return id;
  };
  const edges = reach.flows.map(f => ({ src: add(f.src), dst: add(f.dst), label: f.conns.toString() }));
  const groups = [...byNamespace.entries()]
    .sort(([a], [b]) => compare(a, b))
    .map(([namespace, nodes]) => ({ namespace, nodes: [...nodes.values()].sort((a, b) => compare(a.id, b.id)) }));
  return { groups, externals: [...externals.values()], edges };
}
