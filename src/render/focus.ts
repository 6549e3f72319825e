import { workloadId } from '../analysis/model';
import { endpointId, type Endpoint, type Reachability } from '../analysis/results';

/** Only the flows into or out of `endpoint` (`reach --focus`); order and ranges kept. */
export function focusOn(reach: Reachability, endpoint: Endpoint): Reachability {
  const id = endpointId(endpoint);
  return {
    ...reach,
    flows: reach.flows.filter(f => endpointId(f.src) === id || endpointId(f.dst) === id),
    ingressFlows: reach.ingressFlows?.filter(f => workloadId(f.dst) === id),
  };
}
