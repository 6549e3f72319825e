/**
 * Property 1: what the constructs write allows exactly what was asked. Random intents over a
 * random cluster are synthesized through the public API and analysed from the manifests; every
 * flow the analyzer finds must be granted by the intent's own meaning (intent-model.ts), and
 * every flow the intent grants must be found.
 */
import fc from 'fast-check';
import { probeAddresses } from '../support/addresses';
import { AnalyzerView } from '../support/analyzer-view';
import { clusterArbitrary, clusterManifests } from '../support/cluster';
import { firstDisagreement, probePorts } from '../support/disagreement';
import { intentArbitrary, synthesizeIntent } from '../support/intent';
import { intentAllows, intentIpBlocks, intentPortEdges, meaningOf } from '../support/intent-model';
import { propertySettings } from '../support/property-settings';
import type { Endpoint } from '../support/reference-evaluator';

const NUM_RUNS = 1000;

test('every flow the analyzer finds in synthesized intents is one the intent asked for, and vice versa', () => {
  fc.assert(fc.property(clusterArbitrary({ hostNetwork: false }), intentArbitrary, (cluster, intent) => {
    const analyzer = new AnalyzerView([...clusterManifests(cluster), ...synthesizeIntent(intent)]);
    const meaning = meaningOf(intent);
    const endpoints: Endpoint[] = [
      ...cluster.workloads.map(workload => ({ workload })),
      ...probeAddresses(intentIpBlocks(meaning)).map(ip => ({ ip })),
    ];
    const ports = probePorts(intentPortEdges(meaning), cluster.workloads.flatMap(w => w.namedPorts.map(p => p.port)));
    const asked = (src: Endpoint, dst: Endpoint) => intentAllows(cluster, meaning, src, dst);
    expect(firstDisagreement(endpoints, ports, asked, (src, dst) => analyzer.allows(src, dst))).toBeUndefined();
  }), propertySettings(NUM_RUNS));
});
