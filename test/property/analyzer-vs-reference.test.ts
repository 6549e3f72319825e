/**
 * Property 2: the analyzer agrees with the plain reference evaluator (one pair, one protocol
 * and port at a time, straight from reference §2) on random clusters and random hand-written
 * policies, traps included, for every workload pair and for addresses around every ipBlock.
 */
import fc from 'fast-check';
import { validateNetworkPolicy } from '../../src/validation/validate-network-policy';
import { probeAddresses } from '../support/addresses';
import { AnalyzerView } from '../support/analyzer-view';
import { clusterArbitrary, clusterManifests } from '../support/cluster';
import { firstDisagreement, probePorts } from '../support/disagreement';
import { policyManifestsArbitrary } from '../support/policy-manifests';
import { propertySettings } from '../support/property-settings';
import { Endpoint, PolicyManifest, referenceAllows } from '../support/reference-evaluator';

const NUM_RUNS = 2000;

const rules = (policies: readonly PolicyManifest[]) => policies.flatMap(p => [...p.spec.ingress ?? [], ...p.spec.egress ?? []]);

test('the analyzer allows exactly what the reference evaluator allows', () => {
  fc.assert(fc.property(clusterArbitrary({ hostNetwork: true }), policyManifestsArbitrary, (cluster, policies) => {
    // The generator writes only what the API server accepts: the analyzer's loader refuses the rest.
    expect(policies.flatMap(validateNetworkPolicy).filter(p => p.severity === 'rejected')).toEqual([]);
    const analyzer = new AnalyzerView([...clusterManifests(cluster), ...policies]);
    const peers = rules(policies).flatMap(rule => [...rule.from ?? [], ...rule.to ?? []]);
    const endpoints: Endpoint[] = [
      ...cluster.workloads.map(workload => ({ workload })),
      ...probeAddresses(peers.flatMap(p => (p.ipBlock ? [p.ipBlock] : []))).map(ip => ({ ip })),
    ];
    const edges = rules(policies).flatMap(rule => (rule.ports ?? []).flatMap(p => (typeof p.port === 'number' ? [p.port, p.endPort ?? p.port] : [])));
    const ports = probePorts(edges, cluster.workloads.flatMap(w => w.namedPorts.map(p => p.port)));
    const reference = (src: Endpoint, dst: Endpoint) => referenceAllows(cluster, policies, src, dst);
    expect(firstDisagreement(endpoints, ports, reference, (src, dst) => analyzer.allows(src, dst))).toBeUndefined();
  }), propertySettings(NUM_RUNS));
});
