/**
 * Property 2: the analyzer agrees with the plain reference evaluator (one pair, then one protocol
 * and port at a time, straight from reference §2) on random clusters and random hand-written
 * policies, traps included, for every workload pair and for addresses around every ipBlock, at
 * every port where the answer can change.
 */
import fc from 'fast-check';
import { validateNetworkPolicy } from '../../src/analysis/validation/validate-network-policy';
import { ipBlocksIn, probeAddresses } from '../support/addresses';
import { AnalyzerView } from '../support/analyzer-view';
import { clusterArbitrary, clusterManifests } from '../support/cluster';
import { firstDisagreement } from '../support/disagreement';
import { policyManifestsArbitrary } from '../support/policy-manifests';
import { propertySettings } from '../support/property-settings';
import { criticalPorts, RefEnd, ReferenceCluster } from '../support/reference-evaluator';

const NUM_RUNS = 2000;

test('the analyzer allows exactly what the reference evaluator allows', () => {
  fc.assert(fc.property(clusterArbitrary({ hostNetwork: true }), policyManifestsArbitrary, (cluster, policies) => {
    // The generator writes only what the API server accepts: the analyzer's loader refuses the rest.
    expect(policies.flatMap(validateNetworkPolicy).filter(p => p.severity === 'rejected')).toEqual([]);
    const manifests = [...clusterManifests(cluster), ...policies];
    const analyzer = new AnalyzerView(manifests);
    const reference = new ReferenceCluster(manifests);
    const endpoints: RefEnd[] = [...reference.pods, ...probeAddresses(ipBlocksIn(policies)).map(ip => ({ kind: 'address' as const, ip }))];
    const expected = (src: RefEnd, dst: RefEnd) => reference.pair(src, dst);
    expect(firstDisagreement(endpoints, criticalPorts(manifests), expected, (src, dst) => analyzer.allows(src, dst))).toBeUndefined();
  }), propertySettings(NUM_RUNS));
});
