/**
 * `migrate` keeps what is allowed: on random clusters with NetworkPolicies, v1alpha1
 * AdminNetworkPolicies (Allow, Deny, Pass; numbered ports, ranges, named ports; pod, namespace
 * and networks peers) and a BaselineAdminNetworkPolicy, reach over the migrated v1alpha2 objects
 * equals reach over the originals, flow by flow (docs/migrate.md). fast-check prints the seed of
 * a failure (FC_SEED, FC_PATH replay it).
 */
import fc from 'fast-check';
import { computeReachability } from '../../src/analysis/reachability';
import { modelOf } from '../../src/io';
import { migrateManifests } from '../../src/migrate';
import { flowRows } from '../../src/render/flow-rows';
import { clusterArbitrary, clusterManifests, labelsArbitrary, NAMESPACE_LABELS, NAMESPACE_NAME_LABEL, NAMESPACE_NAMES, POD_LABELS } from '../support/cluster';
import { policyManifestsArbitrary } from '../support/policy-manifests';
import { propertySettings } from '../support/property-settings';

type Json = any;

const namespaceSelector: fc.Arbitrary<Json> = fc.oneof(
  fc.constant({}),
  labelsArbitrary(NAMESPACE_LABELS).map(matchLabels => ({ matchLabels })),
  fc.constantFrom(...NAMESPACE_NAMES).map(name => ({ matchLabels: { [NAMESPACE_NAME_LABEL]: name } })),
);
const podSelector: fc.Arbitrary<Json> = fc.oneof(fc.constant({}), labelsArbitrary(POD_LABELS).map(matchLabels => ({ matchLabels })));
/** A subject or an in-cluster peer: the same two shapes. */
const pods = fc.oneof(namespaceSelector.map(namespaces => ({ namespaces })), fc.record({ namespaceSelector, podSelector }).map(p => ({ pods: p })));
const egressPeer = fc.oneof(pods, pods, fc.constantFrom(['0.0.0.0/0'], ['10.0.0.0/8'], ['0.0.0.0/0', '::/0']).map(networks => ({ networks })));
const portNumber = fc.constantFrom(53, 80, 8080, 9090);
const port: fc.Arbitrary<Json> = fc.oneof(
  fc.tuple(fc.option(fc.constantFrom('TCP', 'UDP', 'SCTP'), { nil: undefined }), portNumber)
    .map(([protocol, p]) => ({ portNumber: protocol === undefined ? { port: p } : { protocol, port: p } })),
  // start = end included: v1alpha2 writes that range as a number.
  fc.tuple(fc.constantFrom('TCP', 'UDP'), portNumber, portNumber).filter(([, a, b]) => a <= b)
    .map(([protocol, start, end]) => ({ portRange: { protocol, start, end } })),
  fc.constantFrom('http', 'dns', 'metrics').map(namedPort => ({ namedPort })),
);

function rules(peersKey: 'from' | 'to', actions: readonly string[]): fc.Arbitrary<Json[]> {
  const rule = fc.record({
    action: fc.constantFrom(...actions),
    peers: fc.array(peersKey === 'to' ? egressPeer : pods, { minLength: 1, maxLength: 2 }),
    ports: fc.option(fc.array(port, { minLength: 1, maxLength: 2 }), { nil: undefined }),
  }).map(({ action, peers, ports }) => {
    // v1alpha2 refuses a named port next to a networks peer (migrate refuses it too: migrate-manifests.test.ts).
    const kept = peers.some((p: Json) => p.networks) ? ports?.filter((p: Json) => !p.namedPort) : ports;
    return { action, [peersKey]: peers, ...kept?.length ? { ports: kept } : {} };
  });
  return fc.array(rule, { maxLength: 3 });
}

const subject = pods;
const v1alpha1Policies: fc.Arbitrary<Json[]> = fc.record({
  anps: fc.array(fc.record({
    priority: fc.integer({ min: 0, max: 3 }),
    subject,
    ingress: rules('from', ['Allow', 'Deny', 'Pass']),
    egress: rules('to', ['Allow', 'Deny', 'Pass']),
  }), { maxLength: 3 }),
  banp: fc.option(fc.record({ subject, ingress: rules('from', ['Allow', 'Deny']), egress: rules('to', ['Allow', 'Deny']) }), { nil: undefined }),
}).map(({ anps, banp }) => [
  ...anps.map((spec, i) => ({ apiVersion: 'policy.networking.k8s.io/v1alpha1', kind: 'AdminNetworkPolicy', metadata: { name: `anp-${i}` }, spec })),
  ...banp ? [{ apiVersion: 'policy.networking.k8s.io/v1alpha1', kind: 'BaselineAdminNetworkPolicy', metadata: { name: 'default' }, spec: banp }] : [],
]);

function reach(objects: readonly unknown[]) {
  return flowRows(computeReachability(modelOf(objects.map((object, documentIndex) => ({ object, source: { documentIndex } }))).model));
}

test('reach over the migrated objects equals reach over the v1alpha1 ones', () => {
  const estates = fc.tuple(clusterArbitrary({ hostNetwork: true }), policyManifestsArbitrary, v1alpha1Policies);
  fc.assert(fc.property(estates, ([cluster, networkPolicies, clusterPolicies]) => {
    const before = [...clusterManifests(cluster), ...networkPolicies, ...clusterPolicies];
    const after = migrateManifests(before).objects;
    expect(after.some((o: Json) => o.apiVersion === 'policy.networking.k8s.io/v1alpha1')).toBe(false);
    expect(reach(after)).toEqual(reach(before));
  }), propertySettings(300));
});
