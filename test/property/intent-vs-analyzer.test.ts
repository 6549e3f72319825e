/**
 * Property 1: what the constructs write allows exactly what was asked. Random intents over a
 * random cluster are synthesized through the public API and analysed from the manifests; every
 * flow the analyzer finds must be granted by the intent's own meaning (intent-model.ts), and
 * every flow the intent grants must be found.
 */
import fc from 'fast-check';
import { ipBlocksIn, probeAddresses } from '../support/addresses';
import { AnalyzerView } from '../support/analyzer-view';
import { clusterArbitrary, clusterManifests } from '../support/cluster';
import { firstDisagreement, portsAround } from '../support/disagreement';
import { intentArbitrary, synthesizeIntent } from '../support/intent';
import { intentAllows, intentIpBlocks, intentPortEdges, meaningOf } from '../support/intent-model';
import { propertySettings } from '../support/property-settings';
import { criticalPorts, RefEnd, ReferenceCluster } from '../support/reference-evaluator';

const NUM_RUNS = 2000;

test('every flow the analyzer finds in synthesized intents is one the intent asked for, and vice versa', () => {
  fc.assert(fc.property(clusterArbitrary({ hostNetwork: false }), intentArbitrary, (cluster, intent) => {
    const synthesized = synthesizeIntent(intent);
    const manifests = [...clusterManifests(cluster), ...synthesized];
    const analyzer = new AnalyzerView(manifests);
    const meaning = meaningOf(intent);
    // Probed where either the intent or what was written could change the answer.
    const addresses = probeAddresses([...intentIpBlocks(meaning), ...ipBlocksIn(synthesized)]);
    const ports = [...new Set([...portsAround(intentPortEdges(meaning)), ...criticalPorts(manifests)])];
    // Workloads as the reference reads them from the cluster's manifests (it judges nothing here).
    const endpoints: RefEnd[] = [...new ReferenceCluster(clusterManifests(cluster)).pods, ...addresses.map(ip => ({ kind: 'address' as const, ip }))];
    const asked = (src: RefEnd, dst: RefEnd) => intentAllows(cluster, meaning, src, dst);
    expect(firstDisagreement(endpoints, ports, asked, (src, dst) => analyzer.allows(src, dst))).toBeUndefined();
  }), propertySettings(NUM_RUNS));
});
