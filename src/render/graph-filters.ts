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
   * Draw every address range outside the cluster as one node, and each namespace whose every
   * workload sends to and receives from everything (no policy isolates it) as one node.
   * @default false
   */
  readonly collapse?: boolean;
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
export function pictureConnections(reach: Reachability, collapse: boolean): PictureConnection[] {
  const open = collapse ? openNamespaces(reach) : new Map<string, number>();
  const nodeOf = (endpoint: Endpoint): PictureNode => {
    if (endpoint.kind === 'external') {
      return collapse ? { id: OUTSIDE_ID, label: OUTSIDE_ID } : { id: endpointId(endpoint), label: `${endpoint.range.start}-${endpoint.range.end}` };
    }
    const { namespace, name, kind } = endpoint.workload;
    const size = open.get(namespace);
    return size === undefined
      ? { id: endpointId(endpoint), label: `${name}[${kind}]`, namespace }
      : { id: `${namespace}/*`, label: `all ${size} workload${size === 1 ? '' : 's'} (not isolated)`, namespace };
  };
  const merged = new Map<string, { src: PictureNode; dst: PictureNode; conns: ConnectionSet; flows: AllowedFlow[] }>();
  for (const flow of reach.flows) {
    const src = nodeOf(flow.src);
    const dst = nodeOf(flow.dst);
    // Inside one merged node (an open namespace talking to itself) there is nothing to draw.
    if (src.id === dst.id) continue;
    const key = JSON.stringify([src.id, dst.id]);
    const existing = merged.get(key);
    if (existing) {
      existing.conns = existing.conns.union(flow.conns);
      existing.flows.push(flow);
    } else {
      merged.set(key, { src, dst, conns: flow.conns, flows: [flow] });
    }
  }
  return [...merged.values()].map(c => ({ ...c, dnsOnly: isDnsOnly(c.conns) }));
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

/**
 * Namespaces in which every workload has All Connections to and from every other endpoint,
 * with their number of workloads. Counted over the flows, so the cost is one pass: such a
 * workload has a flow with each of the others (an endpoint that has no flow at all makes
 * nobody open).
 */
function openNamespaces(reach: Reachability): Map<string, number> {
  const endpoints = new Set(reach.externalRanges.map(range => endpointId({ kind: 'external', range })));
  const allOut = new Map<string, number>();
  const allIn = new Map<string, number>();
  const workloads = new Map<string, Set<string>>();
  for (const { src, dst, conns } of reach.flows) {
    for (const end of [src, dst]) {
      const id = endpointId(end);
      endpoints.add(id);
      if (end.kind === 'workload') {
        if (!workloads.has(end.workload.namespace)) workloads.set(end.workload.namespace, new Set());
        workloads.get(end.workload.namespace)!.add(id);
      }
    }
    if (conns.isAll()) {
      allOut.set(endpointId(src), (allOut.get(endpointId(src)) ?? 0) + 1);
      allIn.set(endpointId(dst), (allIn.get(endpointId(dst)) ?? 0) + 1);
    }
  }
  const others = endpoints.size - 1;
  const open = new Map<string, number>();
  for (const [namespace, ids] of workloads) {
    if ([...ids].every(id => allOut.get(id) === others && allIn.get(id) === others)) open.set(namespace, ids.size);
  }
  return open;
}
