/**
 * The analyzer agrees with a deliberately plain tier-by-tier reference (written here: pod by pod,
 * policy by policy, rule by rule, one protocol and port at a time) on random clusters mixing
 * ClusterNetworkPolicy of both tiers, v1alpha1 AdminNetworkPolicy and BaselineAdminNetworkPolicy,
 * and NetworkPolicy, for every workload pair, addresses around every network, every port where an
 * answer can change. Semantics: docs/cluster-network-policy.md (the reference reads the manifests
 * itself and shares no code with src/analysis; the NetworkPolicy layer is the suite's reference
 * evaluator). fast-check prints the seed of a failure (FC_SEED, FC_PATH replay it).
 */
import fc from 'fast-check';
import { ipBlockAdmits } from '../support/addresses';
import { AnalyzerView } from '../support/analyzer-view';
import { clusterArbitrary, clusterManifests, labelsArbitrary, NAMESPACE_LABELS, NAMESPACE_NAME_LABEL, NAMESPACE_NAMES, POD_LABELS } from '../support/cluster';
import { firstDisagreement, portsAround } from '../support/disagreement';
import { selects } from '../support/label-selector';
import { policyManifestsArbitrary } from '../support/policy-manifests';
import { propertySettings } from '../support/property-settings';
import { criticalPorts, RefEnd, ReferenceCluster, RefPod, RefProtocol } from '../support/reference-evaluator';

const NUM_RUNS = 2000;
type Json = any;

// ---- generators: manifests as a user writes them ----

const namespaceSelector: fc.Arbitrary<Json> = fc.oneof(
  fc.constant({}),
  labelsArbitrary(NAMESPACE_LABELS).map(matchLabels => ({ matchLabels })),
  fc.constantFrom(...NAMESPACE_NAMES).map(name => ({ matchLabels: { [NAMESPACE_NAME_LABEL]: name } })),
  fc.constant({ matchExpressions: [{ key: 'team', operator: 'NotIn', values: ['a'] }] }),
);
const podSelector: fc.Arbitrary<Json> = fc.oneof(fc.constant({}), labelsArbitrary(POD_LABELS).map(matchLabels => ({ matchLabels })));
const podsPeer = fc.record({ namespaceSelector, podSelector });
const subject = fc.oneof(namespaceSelector.map(namespaces => ({ namespaces })), podsPeer.map(p => ({ pods: p })));
const NETWORKS = [['0.0.0.0/0'], ['::/0'], ['10.0.0.0/8'], ['10.1.0.0/16', '2001:db8::/32'], ['0.0.0.0/0', '::/0']];
const inClusterPeer = fc.oneof(namespaceSelector.map(namespaces => ({ namespaces })), podsPeer.map(p => ({ pods: p })));
const egressPeer = fc.oneof(inClusterPeer, inClusterPeer, fc.constantFrom(...NETWORKS).map(networks => ({ networks })));
const PORT_NUMBERS = [53, 80, 8080, 9090];
const portNumber = fc.constantFrom(...PORT_NUMBERS);
const NAMED = ['http', 'dns', 'metrics'];

const protocolEntry: fc.Arbitrary<Json> = fc.oneof(
  fc.tuple(fc.constantFrom('tcp', 'udp', 'sctp'), portNumber).map(([p, number]) => ({ [p]: { destinationPort: { number } } })),
  fc.tuple(fc.constantFrom('tcp', 'udp'), portNumber, portNumber).filter(([, a, b]) => a < b)
    .map(([p, start, end]) => ({ [p]: { destinationPort: { range: { start, end } } } })),
  fc.constantFrom(...NAMED).map(destinationNamedPort => ({ destinationNamedPort })),
);
const v1alpha1Port: fc.Arbitrary<Json> = fc.oneof(
  fc.tuple(fc.option(fc.constantFrom('TCP', 'UDP', 'SCTP'), { nil: undefined }), portNumber)
    .map(([p, port]) => ({ portNumber: p === undefined ? { port } : { protocol: p, port } })),
  fc.tuple(fc.constantFrom('TCP', 'UDP'), portNumber, portNumber).filter(([, a, b]) => a <= b)
    .map(([p, start, end]) => ({ portRange: { protocol: p, start, end } })),
  fc.constantFrom(...NAMED).map(namedPort => ({ namedPort })),
);

/** A rule; a named port is left out where the CRD's CEL rule refuses it (with a networks peer). */
function ruleArbitrary(peersKey: 'from' | 'to', actions: readonly string[], v1alpha1: boolean): fc.Arbitrary<Json> {
  const peer = peersKey === 'to' ? egressPeer : inClusterPeer;
  const portsKey = v1alpha1 ? 'ports' : 'protocols';
  return fc.record({
    action: fc.constantFrom(...actions),
    peers: fc.array(peer, { minLength: 1, maxLength: 2 }),
    ports: fc.option(fc.array(v1alpha1 ? v1alpha1Port : protocolEntry, { minLength: 1, maxLength: 2 }), { nil: undefined }),
    named: fc.boolean(),
  }).map(({ action, peers, ports, named }) => {
    const kept = peers.some((p: Json) => p.networks) ? ports?.filter((p: Json) => !p.destinationNamedPort && !p.namedPort) : ports;
    return {
      ...named ? { name: `r-${action}` } : {},
      action,
      [peersKey]: peers,
      ...kept !== undefined && kept.length > 0 ? { [portsKey]: kept } : {},
    };
  });
}

const ruleList = (peersKey: 'from' | 'to', actions: readonly string[], v1alpha1: boolean) =>
  fc.array(ruleArbitrary(peersKey, actions, v1alpha1), { maxLength: 3 });

const clusterNetworkPolicy = fc.record({
  tier: fc.constantFrom('Admin', 'Baseline'),
  priority: fc.integer({ min: 0, max: 3 }),
  subject,
  ingress: ruleList('from', ['Accept', 'Deny', 'Pass'], false),
  egress: ruleList('to', ['Accept', 'Deny', 'Pass'], false),
  version: fc.constantFrom('v1alpha2', 'v1beta1'),
});
const adminNetworkPolicy = fc.record({
  priority: fc.integer({ min: 0, max: 3 }),
  subject,
  ingress: ruleList('from', ['Allow', 'Deny', 'Pass'], true),
  egress: ruleList('to', ['Allow', 'Deny', 'Pass'], true),
});
const baselineAdminNetworkPolicy = fc.record({ subject, ingress: ruleList('from', ['Allow', 'Deny'], true), egress: ruleList('to', ['Allow', 'Deny'], true) });

const clusterPoliciesArbitrary: fc.Arbitrary<Json[]> = fc.record({
  cnps: fc.array(clusterNetworkPolicy, { maxLength: 4 }),
  anps: fc.array(adminNetworkPolicy, { maxLength: 2 }),
  banp: fc.option(baselineAdminNetworkPolicy, { nil: undefined }),
}).map(({ cnps, anps, banp }) => [
  ...cnps.map(({ version, ...spec }, i) => ({ apiVersion: `policy.networking.k8s.io/${version}`, kind: 'ClusterNetworkPolicy', metadata: { name: `cnp-${i}` }, spec })),
  ...anps.map((spec, i) => ({ apiVersion: 'policy.networking.k8s.io/v1alpha1', kind: 'AdminNetworkPolicy', metadata: { name: `anp-${i}` }, spec })),
  ...banp ? [{ apiVersion: 'policy.networking.k8s.io/v1alpha1', kind: 'BaselineAdminNetworkPolicy', metadata: { name: 'default' }, spec: banp }] : [],
]);

// ---- the reference: tier by tier, rule by rule ----

const TIER_OF = (p: Json): 'Admin' | 'Baseline' => p.kind === 'AdminNetworkPolicy' ? 'Admin' : p.kind === 'BaselineAdminNetworkPolicy' ? 'Baseline' : p.spec.tier;
const PRIORITY_OF = (p: Json): number => p.kind === 'BaselineAdminNetworkPolicy' ? 0 : p.spec.priority;

class TieredReference {
  private readonly tiers: Record<'Admin' | 'Baseline', Json[]>;

  public constructor(private readonly networkPolicies: ReferenceCluster, clusterPolicies: readonly Json[]) {
    // Equal priorities: name order, then kind (the analyzer's documented choice; the API leaves it open).
    const order = (a: Json, b: Json) => PRIORITY_OF(a) - PRIORITY_OF(b) || cmp(a.metadata.name, b.metadata.name) || cmp(a.kind, b.kind);
    this.tiers = {
      Admin: clusterPolicies.filter(p => TIER_OF(p) === 'Admin').sort(order),
      Baseline: clusterPolicies.filter(p => TIER_OF(p) === 'Baseline').sort(order),
    };
  }

  public pair(src: RefEnd, dst: RefEnd): (protocol: RefProtocol, port: number) => boolean {
    // The NetworkPolicy layer of each end, found once per pair.
    const egress = this.networkPolicies.networkPolicySide('Egress', src, dst, dst);
    const ingress = this.networkPolicies.networkPolicySide('Ingress', dst, src, dst);
    return (protocol, port) => this.side('Egress', src, dst, dst, egress, protocol, port) && this.side('Ingress', dst, src, dst, ingress, protocol, port);
  }

  private side(
    direction: 'Ingress' | 'Egress', self: RefEnd, peer: RefEnd, dst: RefEnd,
    networkPolicy: ((protocol: RefProtocol, port: number) => boolean) | undefined, protocol: RefProtocol, port: number,
  ): boolean {
    const admin = this.tier('Admin', direction, self, peer, dst, protocol, port);
    if (admin === 'Accept' || admin === 'Allow') return true;
    if (admin === 'Deny') return false;
    if (networkPolicy) return networkPolicy(protocol, port);
    return this.tier('Baseline', direction, self, peer, dst, protocol, port) !== 'Deny';
  }

  /** The action of the first rule of the tier that matches, or undefined. */
  private tier(tier: 'Admin' | 'Baseline', direction: 'Ingress' | 'Egress', self: RefEnd, peer: RefEnd, dst: RefEnd, protocol: RefProtocol, port: number): string | undefined {
    if (self.kind !== 'pod' || self.hostNetwork) return undefined;
    for (const policy of this.tiers[tier]) {
      if (!this.selects(policy.spec.subject, self)) continue;
      for (const rule of (direction === 'Ingress' ? policy.spec.ingress : policy.spec.egress) ?? []) {
        const peers: Json[] = direction === 'Ingress' ? rule.from : rule.to;
        if (!peers.some(p => this.peerMatches(p, peer))) continue;
        const ports: Json[] | undefined = rule.protocols ?? rule.ports;
        if (ports === undefined || ports.some(p => portMatches(p, dst, protocol, port))) return rule.action;
      }
    }
    return undefined;
  }

  /** Whether a subject, or a namespaces/pods peer, selects `pod`. */
  private selects(selector: Json, pod: RefPod): boolean {
    const labels = this.networkPolicies.labelsOfNamespace(pod.namespace);
    if (selector.namespaces) return selects(selector.namespaces, labels);
    return selects(selector.pods.namespaceSelector, labels) && selects(selector.pods.podSelector, pod.labels);
  }

  private peerMatches(peer: Json, end: RefEnd): boolean {
    if (end.kind === 'address') return (peer.networks ?? []).some((cidr: string) => ipBlockAdmits({ cidr }, end.ip));
    if (end.hostNetwork) return false;
    if (peer.networks) return peer.networks.includes('0.0.0.0/0') || peer.networks.includes('::/0');
    return this.selects(peer, end);
  }
}

function portMatches(p: Json, dst: RefEnd, protocol: RefProtocol, port: number): boolean {
  const name = p.destinationNamedPort ?? p.namedPort;
  if (name !== undefined) return dst.kind === 'pod' && !dst.hostNetwork && dst.namedPorts.some(n => n.name === name && n.protocol === protocol && n.port === port);
  for (const [key, proto] of [['tcp', 'TCP'], ['udp', 'UDP'], ['sctp', 'SCTP']] as const) {
    const d = p[key]?.destinationPort;
    if (d === undefined || proto !== protocol) continue;
    if (d.number !== undefined) return d.number === port;
    return d.range.start <= port && port <= d.range.end;
  }
  const v1 = p.portNumber ?? p.portRange;
  if (v1 === undefined || (v1.protocol ?? 'TCP') !== protocol) return false;
  return p.portNumber ? v1.port === port : v1.start <= port && port <= v1.end;
}

/**
 * One address in each range the NETWORKS pool cuts the address space into (before, at the start
 * of and inside 10.0.0.0/8 and 10.1.0.0/16, after both; before, inside and after 2001:db8::/32):
 * every network matches each range wholly or not at all, so these decide every case. Addresses
 * around ipBlocks are the NetworkPolicy property test's.
 */
const PROBE_ADDRESSES = ['8.8.8.8', '10.0.0.0', '10.1.2.3', '10.200.0.1', '11.0.0.1', '::1', '2001:db8::1', '2001:db9::'];

/**
 * The NetworkPolicy generator's numbered ports moved onto PORT_NUMBERS (endPort kept at or above
 * port): the layer between the tiers is what this test is about, and few distinct ports keep the
 * probes few; random numbers are the NetworkPolicy property test's.
 */
function onPortPool(policies: readonly Json[]): Json[] {
  const snap = (n: number) => PORT_NUMBERS[n % PORT_NUMBERS.length];
  const ports = (list: Json[] | undefined) => list?.map(p => typeof p.port !== 'number' ? p
    : { ...p, port: snap(p.port), ...p.endPort === undefined ? {} : { endPort: Math.max(snap(p.port), snap(p.endPort)) } });
  const snapRules = (list: Json[] | undefined) => list?.map(r => (r.ports === undefined ? r : { ...r, ports: ports(r.ports) }));
  return policies.map(p => ({
    ...p,
    spec: {
      ...p.spec,
      ...p.spec.ingress ? { ingress: snapRules(p.spec.ingress) } : {},
      ...p.spec.egress ? { egress: snapRules(p.spec.egress) } : {},
    },
  }));
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

test('the analyzer allows exactly what the tier-by-tier reference allows', () => {
  fc.assert(fc.property(
    clusterArbitrary({ hostNetwork: true }), fc.option(policyManifestsArbitrary, { nil: [] }), clusterPoliciesArbitrary,
    (cluster, generated, clusterPolicies) => {
      const networkPolicies = onPortPool(generated);
      const manifests = [...clusterManifests(cluster), ...networkPolicies, ...clusterPolicies];
      const analyzer = new AnalyzerView(manifests);
      const networkReference = new ReferenceCluster([...clusterManifests(cluster), ...networkPolicies]);
      const reference = new TieredReference(networkReference, clusterPolicies);
      const endpoints: RefEnd[] = [...networkReference.pods, ...PROBE_ADDRESSES.map(ip => ({ kind: 'address' as const, ip }))];
      const ports = [...new Set([...criticalPorts(manifests), ...portsAround(PORT_NUMBERS)])].sort((a, b) => a - b);
      expect(firstDisagreement(endpoints, ports, (s, d) => reference.pair(s, d), (s, d) => analyzer.allows(s, d))).toBeUndefined();
    }), propertySettings(NUM_RUNS));
});
