/**
 * What a picture of the reachability leaves out or merges, so that a real cluster stays
 * readable: shared by `reach -o dot|mermaid|html` (docs/reach-html.md).
 *
 * Pure over the reachability: collapsing comes first (it decides the nodes and merges the
 * connections between them), then the namespace and DNS filters keep or drop whole
 * connections; a node is drawn only when a kept connection touches it. The html page runs the
 * same last step in the browser (reach-html-script.ts) over the connections computed here.
 */
import { ConnectionSet } from '../analysis/connection-set';
import { endpointId, type AllowedFlow, type Endpoint, type Reachability } from '../analysis/results';

export interface GraphFilters {
  /**
   * Keep only the connections with an end in one of these namespaces.
   * @default - every connection
   */
  readonly namespaces?: readonly string[];
  /**
   * Drop the connections that allow nothing but DNS (port 53, UDP or TCP, docs/semantics.md §3):
   * every workload needs them, and they hide the rest.
   * @default false
   */
  readonly hideDns?: boolean;
  /**
   * Merge into one node every address range outside the cluster, and, in each of these
   * namespaces, every workload (`reach --collapse` names those no policy isolates).
   * @default - nothing merged
   */
  readonly collapse?: { readonly namespaces: readonly string[] };
}

/** A box of the picture: one endpoint, or the endpoints a collapse merged. */
export interface PictureNode {
  /** Unique: the endpoint's id, `<namespace>/*` for an open namespace, or `outside the cluster`. */
  readonly id: string;
  /** Shorter text for the box: the namespace is already the group's name. */
  readonly label: string;
  /** The namespace that groups it; none for addresses outside the cluster. */
  readonly namespace?: string;
}

/** One arrow: every flow between two nodes, with everything they allow together. */
export interface PictureConnection {
  readonly src: PictureNode;
  readonly dst: PictureNode;
  readonly conns: ConnectionSet;
  /** The flows it stands for (more than one only after a collapse), in reachability order. */
  readonly flows: readonly AllowedFlow[];
  /** Allows nothing but port 53 over UDP or TCP: what `hideDns` drops. */
  readonly dnsOnly: boolean;
}

export const OUTSIDE_ID = 'outside the cluster';

const DNS = ConnectionSet.ports('UDP', 53).union(ConnectionSet.ports('TCP', 53));

/** The connections of the picture, collapsed or not, before the namespace and DNS filters. */
export function pictureConnections(reach: Reachability, collapse: GraphFilters['collapse']): PictureConnection[] {
  const merged = new Set(collapse?.namespaces);
  const size = workloadCounts(reach);
  const nodeOf = (endpoint: Endpoint): PictureNode => {
    if (endpoint.kind === 'external') {
      return collapse !== undefined ? { id: OUTSIDE_ID, label: OUTSIDE_ID } : { id: endpointId(endpoint), label: `${endpoint.range.start}-${endpoint.range.end}` };
    }
    const { namespace, name, kind } = endpoint.workload;
    // A namespace of one workload keeps its box: merging it would only hide the name.
    const n = size.get(namespace)!;
    if (!merged.has(namespace) || n === 1) return { id: endpointId(endpoint), label: `${name}[${kind}]`, namespace };
    return { id: `${namespace}/*`, label: `${n} workloads, not isolated`, namespace };
  };
  const connections = new Map<string, { src: PictureNode; dst: PictureNode; conns: ConnectionSet; flows: AllowedFlow[] }>();
  for (const flow of reach.flows) {
    const src = nodeOf(flow.src);
    const dst = nodeOf(flow.dst);
    // Inside one merged node (a namespace talking to itself) there is nothing to draw.
    if (src.id === dst.id) continue;
    const key = JSON.stringify([src.id, dst.id]);
    const existing = connections.get(key);
    if (existing) {
      existing.conns = existing.conns.union(flow.conns);
      existing.flows.push(flow);
    } else {
      connections.set(key, { src, dst, conns: flow.conns, flows: [flow] });
    }
  }
  return [...connections.values()].map(c => ({ ...c, dnsOnly: isDnsOnly(c.conns) }));
}

/** Allows something, and nothing but port 53 over UDP or TCP. */
export function isDnsOnly(conns: ConnectionSet): boolean {
  return !conns.isEmpty() && conns.subtract(DNS).isEmpty();
}

/** The connections `filters` keep, in the same order. */
export function filterConnections(connections: readonly PictureConnection[], filters: GraphFilters): PictureConnection[] {
  const namespaces = filters.namespaces === undefined ? undefined : new Set(filters.namespaces);
  const touches = (node: PictureNode) => node.namespace !== undefined && namespaces!.has(node.namespace);
  return connections.filter(c => !(filters.hideDns && c.dnsOnly) && (namespaces === undefined || touches(c.src) || touches(c.dst)));
}

/** How many workloads of each namespace the flows name: the text of a merged namespace's node. */
function workloadCounts(reach: Reachability): Map<string, number> {
  const ids = new Map<string, Set<string>>();
  for (const end of reach.flows.flatMap(f => [f.src, f.dst])) {
    if (end.kind !== 'workload') continue;
    if (!ids.has(end.workload.namespace)) ids.set(end.workload.namespace, new Set());
    ids.get(end.workload.namespace)!.add(endpointId(end));
  }
  return new Map([...ids].map(([namespace, set]) => [namespace, set.size]));
}
