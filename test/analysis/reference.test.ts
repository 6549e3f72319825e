/**
 * computeReachability against a deliberately simple reference: for every ordered pair, loop
 * over every policy and rule, straight from reference §2, with no grouping and no indexes.
 */
import * as fc from 'fast-check';
import { fixtureModel, refinedFlowMap } from './helpers';
import { ConnectionSet } from '../../src/analysis/connection-set';
import { externalRanges, ipBlockCovers, rangeInterval } from '../../src/analysis/ip-ranges';
import type { ClusterModel, Direction, Policy, RuleSpec } from '../../src/analysis/model';
import { buildModel } from '../../src/analysis/model-builder';
import { computeReachability } from '../../src/analysis/reachability';
import { Endpoint, endpointId } from '../../src/analysis/results';
import { matchesSelector } from '../../src/analysis/selector';

function namespaceLabelsOf(model: ClusterModel, ns: string) {
  return model.namespaces.find(n => n.name === ns)?.labels ?? { 'kubernetes.io/metadata.name': ns };
}

function peerMatches(model: ClusterModel, policy: Policy, rule: RuleSpec, other: Endpoint): boolean {
  if (rule.peers === undefined) return true;
  for (const peer of rule.peers) {
    if (other.kind === 'external') {
      if (peer.ipBlock && ipBlockCovers(peer.ipBlock, rangeInterval(other.range))) return true;
      continue;
    }
    const w = other.workload;
    if (w.hostNetwork || peer.ipBlock) continue;
    let nsOk: boolean;
    if (peer.namespaceSelector) nsOk = matchesSelector(peer.namespaceSelector, namespaceLabelsOf(model, w.namespace));
    else nsOk = w.namespace === policy.namespace;
    const podOk = peer.podSelector ? matchesSelector(peer.podSelector, w.podLabels) : true;
    if (nsOk && podOk) return true;
  }
  return false;
}

function portsOf(rule: RuleSpec, dst: Endpoint): ConnectionSet {
  if (rule.ports === undefined) return ConnectionSet.all();
  let result = ConnectionSet.none();
  for (const port of rule.ports) {
    if (port.port === undefined) {
      result = result.union(ConnectionSet.protocol(port.protocol));
    } else if (typeof port.port === 'number') {
      result = result.union(ConnectionSet.ports(port.protocol, port.port, port.endPort ?? port.port));
    } else if (dst.kind === 'workload' && !dst.workload.hostNetwork) {
      for (const named of dst.workload.namedPorts) {
        if (named.name === port.port && named.protocol === port.protocol) result = result.union(ConnectionSet.ports(named.protocol, named.port));
      }
    }
  }
  return result;
}

/** What `self` allows in `direction` toward/from `other`. */
function allowedBy(model: ClusterModel, self: Endpoint, other: Endpoint, direction: Direction): ConnectionSet {
  if (self.kind === 'external' || self.workload.hostNetwork) return ConnectionSet.all();
  let isolated = false;
  let allowed = ConnectionSet.none();
  for (const policy of model.policies) {
    if (policy.namespace !== self.workload.namespace) continue;
    if (!policy.policyTypes.includes(direction)) continue;
    if (!matchesSelector(policy.podSelector, self.workload.podLabels)) continue;
    isolated = true;
    for (const rule of direction === 'Ingress' ? policy.ingress : policy.egress) {
      if (!peerMatches(model, policy, rule, other)) continue;
      allowed = allowed.union(portsOf(rule, direction === 'Ingress' ? self : other));
    }
  }
  return isolated ? allowed : ConnectionSet.all();
}

function referenceFlows(model: ClusterModel): Map<string, string> {
  const endpoints: Endpoint[] = [
    ...model.workloads.map(workload => ({ kind: 'workload' as const, workload })),
    ...externalRanges(model).map(range => ({ kind: 'external' as const, range })),
  ];
  const flows = new Map<string, string>();
  for (const src of endpoints) {
    for (const dst of endpoints) {
      if (src.kind === 'external' && dst.kind === 'external') continue;
      if (endpointId(src) === endpointId(dst)) continue;
      const conns = allowedBy(model, src, dst, 'Egress').intersect(allowedBy(model, dst, src, 'Ingress'));
      if (!conns.isEmpty()) flows.set(`${endpointId(src)} => ${endpointId(dst)}`, conns.toString());
    }
  }
  return flows;
}

const sorted = (m: Map<string, string>) => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

describe('computeReachability equals the reference evaluator', () => {
  for (const fixture of ['mixed', 'peers', 'named-ports', 'hostnetwork', 'ipblock', 'union-both-ends', 'policy-types', 'empty-lists', 'ports']) {
    test(fixture, () => {
      const model = fixtureModel(fixture);
      expect(sorted(refinedFlowMap(computeReachability(model)))).toEqual(sorted(referenceFlows(model)));
    });
  }

  test('mixed has flows of every shape (the comparison is not vacuous)', () => {
    const flows = referenceFlows(fixtureModel('mixed'));
    expect(flows.size).toBeGreaterThan(20);
    expect(flows.get('web/frontend[Deployment] => api/orders[Deployment]')).toBe('TCP 9000');
    expect(flows.get('web/frontend-canary[Deployment] => api/orders[Deployment]')).toBeUndefined();
  });
});

describe('computeReachability equals the reference evaluator on random clusters', () => {
  const label = fc.record({ app: fc.constantFrom('a', 'b', 'c'), tier: fc.constantFrom('x', 'y') }, { requiredKeys: [] });
  const selector = fc.record({
    matchLabels: label,
    matchExpressions: fc.array(fc.record({
      key: fc.constantFrom('app', 'tier'),
      operator: fc.constantFrom('In', 'NotIn', 'Exists', 'DoesNotExist'),
      values: fc.array(fc.constantFrom('a', 'b', 'x'), { minLength: 1, maxLength: 2 }),
    }).map(e => (e.operator === 'Exists' || e.operator === 'DoesNotExist' ? { key: e.key, operator: e.operator } : e)), { maxLength: 2 }),
  }, { requiredKeys: [] });
  const namespace = fc.constantFrom('n1', 'n2', 'n3');
  const peer = fc.oneof(
    fc.record({ podSelector: selector }),
    fc.record({ namespaceSelector: selector }),
    fc.record({ podSelector: selector, namespaceSelector: selector }),
    fc.record({ ipBlock: fc.constantFrom({ cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] }, { cidr: '0.0.0.0/0' }, { cidr: '2001:db8::/32' }) }),
  );
  const port = fc.oneof(
    fc.record({ protocol: fc.constantFrom('TCP', 'UDP'), port: fc.constantFrom(80, 443, 'http', 'dns') }, { requiredKeys: ['port'] }),
    fc.record({ port: fc.constantFrom(8000), endPort: fc.constantFrom(8000, 8100) }),
    fc.constant({}),
  );
  const rule = (key: 'from' | 'to') => fc.record({ [key]: fc.array(peer, { maxLength: 2 }), ports: fc.array(port, { maxLength: 2 }) }, { requiredKeys: [] });
  const policy = fc.record({
    apiVersion: fc.constant('networking.k8s.io/v1'),
    kind: fc.constant('NetworkPolicy'),
    metadata: fc.record({ name: fc.string({ minLength: 1, maxLength: 4 }), namespace }),
    spec: fc.record({
      podSelector: selector,
      policyTypes: fc.subarray(['Ingress', 'Egress']),
      ingress: fc.array(rule('from'), { maxLength: 2 }),
      egress: fc.array(rule('to'), { maxLength: 2 }),
    }, { requiredKeys: ['podSelector'] }),
  });
  const pod = fc.record({
    apiVersion: fc.constant('v1'),
    kind: fc.constant('Pod'),
    metadata: fc.record({ name: fc.constantFrom('p1', 'p2', 'p3', 'p4', 'p5'), namespace, labels: label }),
    spec: fc.record({
      hostNetwork: fc.boolean(),
      containers: fc.constant([{ name: 'c', ports: [{ name: 'http', containerPort: 8080 }, { name: 'dns', containerPort: 53, protocol: 'UDP' }] }]),
    }, { requiredKeys: [] }),
  });
  const nsObject = fc.record({
    apiVersion: fc.constant('v1'), kind: fc.constant('Namespace'), metadata: fc.record({ name: namespace, labels: label }),
  });

  test('property', () => {
    const cluster = fc.tuple(fc.array(nsObject, { maxLength: 3 }), fc.array(pod, { maxLength: 6 }), fc.array(policy, { maxLength: 4 }));
    fc.assert(fc.property(cluster, ([nss, pods, policies]) => {
      const model = buildModel([...nss, ...pods, ...policies].map((object, documentIndex) => ({ object, source: { documentIndex } })));
      expect(sorted(refinedFlowMap(computeReachability(model)))).toEqual(sorted(referenceFlows(model)));
    }), { numRuns: 300, seed: 20261126 });
  });
});
