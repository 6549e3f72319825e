import { workloadId } from '../analysis/model';
import { endpointId, type Reachability } from '../analysis/results';

/** One allowed flow as text: the same three strings in every tabular format and in the API. */
export interface FlowRow {
  readonly src: string;
  readonly dst: string;
  readonly conn: string;
}

/** The flows as rows, in the reachability's (sorted) order, then the ingress controllers' (np-guard puts `{…}` last). */
export function flowRows(reach: Reachability): FlowRow[] {
  return reach.flows.map(f => ({ src: endpointId(f.src), dst: endpointId(f.dst), conn: f.conns.toString() }))
    .concat((reach.ingressFlows ?? []).map(f => ({ src: `{${f.controller}}`, dst: workloadId(f.dst), conn: f.conns.toString() })));
}
