/**
 * computeReachability on generated F(w, p) workloads equals a plain per-pair, per-policy reference
 * evaluation (reference-evaluator.ts) on a sampled subset of pairs: workload → workload,
 * workload → external range and external range → workload, at every port where the answer can change.
 * Correctness only: the benchmarks (bench/) measure time.
 */
import { Random, flatManifests } from '../../bench/generators/flat';
import type { ConnectionSet } from '../../src/analysis/connection-set';
import { buildModel } from '../../src/analysis/model-builder';
import { computeReachability } from '../../src/analysis/reachability';
import { endpointId, type Endpoint, type IpRange } from '../../src/analysis/results';
import { refinedFlowMap } from '../analysis/helpers';
import { criticalPorts, REF_PROTOCOLS, ReferenceCluster, type RefEnd } from '../support/reference-evaluator';

const W = 300;
const P = 80;
const SEEDS = [1, 2, 3];
const WORKLOAD_PAIRS = 150;
const EXTERNAL_PAIRS = 40;

interface Mismatch {
  readonly pair: string;
  readonly protocol: string;
  readonly port: number;
  readonly analyzer: boolean;
  readonly reference: boolean;
}

describe.each(SEEDS)('F(%#) seed %d: reachability equals the per-pair reference on a sample', seed => {
  const manifests = flatManifests(W, P, seed);
  const model = buildModel(manifests.map((object, documentIndex) => ({ object, source: { documentIndex } })));
  const reach = computeReachability(model);
  const connsByText = new Map(reach.flows.map(f => [f.conns.toString(), f.conns]));
  const reference = new ReferenceCluster(manifests);
  const ports = criticalPorts(manifests);
  // Flows name ranges coarser than the fine cut sampled below: each flow stands for every fine range inside it.
  const flows = new Map<string, ConnectionSet>([...refinedFlowMap(reach)].map(([pair, text]) => [pair, connsByText.get(text)!]));
  const pods = new Map(reference.pods.map(p => [`${p.namespace}/${p.name}`, p]));
  const random = new Random(seed * 7919);

  const workloadEnd = (i: number): [Endpoint, RefEnd] => {
    const workload = model.workloads[i];
    return [{ kind: 'workload', workload }, pods.get(`${workload.namespace}/${workload.name}`)!];
  };
  const externalEnd = (range: IpRange, at: 'start' | 'end'): [Endpoint, RefEnd] => [{ kind: 'external', range }, { kind: 'address', ip: range[at] }];

  const compare = (src: [Endpoint, RefEnd], dst: [Endpoint, RefEnd], mismatches: Mismatch[]): boolean => {
    const pair = `${endpointId(src[0])} => ${endpointId(dst[0])}`;
    const conns = flows.get(pair);
    let anyAllowed = false;
    for (const protocol of REF_PROTOCOLS) {
      for (const port of ports) {
        const expected = reference.allows(src[1], dst[1], protocol, port);
        const actual = conns?.contains(protocol, port) ?? false;
        anyAllowed ||= expected;
        if (expected !== actual) mismatches.push({ pair, protocol, port, analyzer: actual, reference: expected });
      }
    }
    return anyAllowed;
  };

  test('the generated model is what the generator wrote', () => {
    expect(model.workloads).toHaveLength(W);
    expect(model.policies).toHaveLength(P);
    expect(reach.externalRanges.length).toBeGreaterThan(2);
  });

  test('workload → workload pairs', () => {
    const mismatches: Mismatch[] = [];
    let allowed = 0;
    for (let k = 0; k < WORKLOAD_PAIRS; k++) {
      const i = random.int(W);
      const j = (i + 1 + random.int(W - 1)) % W; // never the same workload: reachability does not report those
      if (compare(workloadEnd(i), workloadEnd(j), mismatches)) allowed++;
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
    // The sample is worth something only if it has both answers.
    expect(allowed).toBeGreaterThan(0);
    expect(allowed).toBeLessThan(WORKLOAD_PAIRS);
  });

  test('pairs with an external range at one end (its first and last address)', () => {
    const mismatches: Mismatch[] = [];
    let allowed = 0;
    for (let k = 0; k < EXTERNAL_PAIRS; k++) {
      const range = random.pick(reach.externalRanges);
      const at = random.chance(0.5) ? 'start' : 'end';
      const workload = workloadEnd(random.int(W));
      if (compare(workload, externalEnd(range, at), mismatches)) allowed++;
      if (compare(externalEnd(range, at), workload, mismatches)) allowed++;
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(allowed).toBeGreaterThan(0);
  });

  test('every pair the analyzer reports is a real pair and never a workload to itself', () => {
    for (const flow of reach.flows) {
      expect(flow.conns.isEmpty()).toBe(false);
      expect(endpointId(flow.src)).not.toEqual(endpointId(flow.dst));
      expect(flow.src.kind === 'external' && flow.dst.kind === 'external').toBe(false);
    }
  });
});
