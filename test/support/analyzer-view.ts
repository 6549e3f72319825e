/**
 * The analyzer as the property tests ask it: manifests in (as `cdk8s synth` or a user would
 * write them), then "is this connection allowed?" answered from `computeReachability`.
 */
import { addressValue } from './addresses';
import type { Protocol } from './cluster';
import type { RefEnd } from './reference-evaluator';
import type { ConnectionSet } from '../../src/analysis/connection-set';
import { rangeInterval } from '../../src/analysis/ip-ranges';
import { buildModel } from '../../src/analysis/model-builder';
import { computeReachability } from '../../src/analysis/reachability';
import { Endpoint, endpointId, ipRangeId, IpRange } from '../../src/analysis/results';

/** Whether every address of `inner` is in `outer`. */
function within(inner: IpRange, outer: IpRange): boolean {
  const i = rangeInterval(inner);
  const o = rangeInterval(outer);
  return i.family === o.family && o.first <= i.first && i.last <= o.last;
}

export class AnalyzerView {
  private readonly flows = new Map<string, ConnectionSet>();
  private readonly ranges: readonly IpRange[];
  /** `ns/name` → the workload's id (`ns/name[Kind]`). */
  private readonly workloadIds = new Map<string, string>();
  private readonly ids = new Map<RefEnd, string>();

  public constructor(manifests: readonly object[]) {
    const model = buildModel([{ object: manifests, source: { documentIndex: 0 } }]);
    for (const workload of model.workloads) this.workloadIds.set(`${workload.namespace}/${workload.name}`, endpointId({ kind: 'workload', workload }));
    const reachability = computeReachability(model);
    // Flows name ranges coarser than the fine cut (merged-ranges.ts): each is recorded for every
    // fine range inside it, so an address is looked up in the one fine range that holds it.
    this.ranges = reachability.externalRanges;
    const fine = (e: Endpoint): string[] => e.kind === 'workload' ? [endpointId(e)] : this.ranges.filter(r => within(r, e.range)).map(ipRangeId);
    for (const flow of reachability.flows) {
      for (const src of fine(flow.src)) for (const dst of fine(flow.dst)) this.flows.set(`${src} => ${dst}`, flow.conns);
    }
  }

  /** What the analyzer allows from `src` to `dst`. */
  public allows(src: RefEnd, dst: RefEnd): (protocol: Protocol, port: number) => boolean {
    const conns = this.flows.get(`${this.id(src)} => ${this.id(dst)}`);
    return (protocol, port) => conns?.contains(protocol, port) ?? false;
  }

  private id(endpoint: RefEnd): string {
    let id = this.ids.get(endpoint);
    if (id === undefined) {
      id = this.findId(endpoint);
      this.ids.set(endpoint, id);
    }
    return id;
  }

  /** A workload's id, or the id of the external range holding the address. */
  private findId(endpoint: RefEnd): string {
    if (endpoint.kind === 'pod') return this.workloadIds.get(`${endpoint.namespace}/${endpoint.name}`)!;
    const { family, value } = addressValue(endpoint.ip);
    const range = this.ranges.find(r => r.family === family && addressValue(r.start).value <= value && value <= addressValue(r.end).value);
    if (!range) throw new Error(`no external range holds ${endpoint.ip}`);
    return ipRangeId(range);
  }
}
