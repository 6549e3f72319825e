/**
 * The network-policy-api v0.2.0 conformance expectations (kubernetes-sigs/network-policy-api
 * conformance/tests/*.go over conformance/base/**), encoded over condensed copies of their
 * manifests under test/fixtures/cluster/: every probe a conformance test makes (client pod,
 * server pod, protocol, port, allowed or not), asked of explain and of reachability, which must
 * agree. Mutations the Go tests make with a patch are made on the parsed objects.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { explain, resolveEndpoint } from '../../src/analysis/explain';
import type { ClusterModel } from '../../src/analysis/model';
import { computeReachability } from '../../src/analysis/reachability';
import { endpointId } from '../../src/analysis/results';
import { modelOf } from '../../src/io';
import { parsePortQuery } from '../../src/io/port-query';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'cluster');
const NS = (house: string) => `network-policy-conformance-${house}`;
const POD = { gryffindor: 'harry-potter', slytherin: 'draco-malfoy', hufflepuff: 'cedric-diggory', ravenclaw: 'luna-lovegood' } as const;
type House = keyof typeof POD;

/** The objects of fixtures, base estate first. */
function objects(...names: string[]): any[] {
  return ['conformance-base', ...names].flatMap(name =>
    parseAllDocuments(fs.readFileSync(path.join(FIXTURES, `${name}.yaml`), 'utf8')).map(d => d.toJS()).filter(o => o));
}

function modelFrom(objs: any[]): ClusterModel {
  return modelOf(objs.map((object, documentIndex) => ({ object, source: { documentIndex } }))).model;
}

/** Whether `from` may reach `to` on `port` (`80/TCP`), by explain; reachability must say the same. */
function allowed(model: ClusterModel, from: House, to: House, port: string): boolean {
  const src = resolveEndpoint(model, `${NS(from)}/${POD[from]}`);
  const dst = resolveEndpoint(model, `${NS(to)}/${POD[to]}`);
  const query = parsePortQuery(port);
  const verdict = explain(model, src, dst, query).allowed;
  const flow = computeReachability(model).flows.find(f => endpointId(f.src) === endpointId(src) && endpointId(f.dst) === endpointId(dst));
  expect(flow?.conns.contains(query.protocol, query.port) ?? false).toBe(verdict);
  return verdict;
}

type Probe = readonly [House, House, string, boolean];

function expectProbes(model: ClusterModel, probes: readonly Probe[]) {
  const got = probes.map(([from, to, port]) => [from, to, port, allowed(model, from, to, port)]);
  expect(got).toEqual(probes);
}

const policy = (objs: any[], name: string) => objs.find(o => o.metadata?.name === name && o.kind !== 'NetworkPolicy');

describe('CNPAdminTierGress (admin_tier/standard-gress-rules-combined.yaml)', () => {
  test("'allow-gress': rule 0 (Accept) wins over rule 1 (Deny), every protocol", () => {
    expectProbes(modelFrom(objects('admin-gress-rules')), [
      ['gryffindor', 'ravenclaw', '80/TCP', true], ['gryffindor', 'ravenclaw', '53/UDP', true], ['gryffindor', 'ravenclaw', '9003/SCTP', true],
      ['ravenclaw', 'gryffindor', '80/TCP', true], ['ravenclaw', 'gryffindor', '53/UDP', true], ['ravenclaw', 'gryffindor', '9003/SCTP', true],
    ]);
  });

  test("'allow-gress' at the specified ports: Accept on some ports, Deny for the rest", () => {
    expectProbes(modelFrom(objects('admin-gress-rules')), [
      ['gryffindor', 'hufflepuff', '8080/TCP', true], ['gryffindor', 'hufflepuff', '80/TCP', false],
      ['gryffindor', 'hufflepuff', '5353/UDP', true], ['gryffindor', 'hufflepuff', '53/UDP', false],
      ['gryffindor', 'hufflepuff', '9003/SCTP', true], ['gryffindor', 'hufflepuff', '9005/SCTP', false],
      ['hufflepuff', 'gryffindor', '80/TCP', true], ['hufflepuff', 'gryffindor', '8080/TCP', false],
      ['hufflepuff', 'gryffindor', '5353/UDP', true], ['hufflepuff', 'gryffindor', '53/UDP', false],
      ['hufflepuff', 'gryffindor', '9003/SCTP', true], ['hufflepuff', 'gryffindor', '9005/SCTP', false],
    ]);
  });

  test("'deny-gress': rules 0 and 1 swapped, Deny wins", () => {
    const objs = objects('admin-gress-rules');
    const spec = policy(objs, 'gress-rules').spec;
    for (const rules of [spec.egress, spec.ingress]) [rules[0], rules[1]] = [rules[1], rules[0]];
    expectProbes(modelFrom(objs), [
      ['gryffindor', 'ravenclaw', '80/TCP', false], ['gryffindor', 'ravenclaw', '53/UDP', false], ['gryffindor', 'ravenclaw', '9003/SCTP', false],
      ['ravenclaw', 'gryffindor', '80/TCP', false], ['ravenclaw', 'gryffindor', '53/UDP', false], ['ravenclaw', 'gryffindor', '9003/SCTP', false],
    ]);
  });

  test("'deny-gress' at the specified ports: Deny there; other ports match no rule and are allowed", () => {
    expectProbes(modelFrom(objects('admin-gress-rules')), [
      ['gryffindor', 'slytherin', '80/TCP', false], ['gryffindor', 'slytherin', '8080/TCP', true],
      ['gryffindor', 'slytherin', '53/UDP', false], ['gryffindor', 'slytherin', '5353/UDP', true],
      ['gryffindor', 'slytherin', '9003/SCTP', false], ['gryffindor', 'slytherin', '9005/SCTP', true],
      ['slytherin', 'gryffindor', '80/TCP', false], ['slytherin', 'gryffindor', '8080/TCP', true],
    ]);
  });

  test("'pass-gress': the Pass rule moved first; nothing in the later tiers, so the default allows", () => {
    const objs = objects('admin-gress-rules');
    const spec = policy(objs, 'gress-rules').spec;
    for (const rules of [spec.egress, spec.ingress]) [rules[0], rules[2]] = [rules[2], rules[0]];
    expectProbes(modelFrom(objs), [
      ['gryffindor', 'ravenclaw', '80/TCP', true], ['gryffindor', 'ravenclaw', '53/UDP', true],
      ['ravenclaw', 'gryffindor', '80/TCP', true], ['ravenclaw', 'gryffindor', '9003/SCTP', true],
    ]);
  });

  test('the same policy in the Baseline tier decides the same: no NetworkPolicy isolates these pods', () => {
    const objs = objects('admin-gress-rules');
    policy(objs, 'gress-rules').spec.tier = 'Baseline';
    expectProbes(modelFrom(objs), [
      ['gryffindor', 'ravenclaw', '80/TCP', true], ['gryffindor', 'hufflepuff', '80/TCP', false], ['gryffindor', 'hufflepuff', '8080/TCP', true],
      ['gryffindor', 'slytherin', '80/TCP', false], ['slytherin', 'gryffindor', '8080/TCP', true],
    ]);
  });
});

describe('CNPAdminTierPriorityField (admin_tier/standard-priority-field.yaml)', () => {
  test('priority 50 Deny comes before priority 60 Pass: slytherin denied both ways', () => {
    expectProbes(modelFrom(objects('admin-priority')), [
      ['gryffindor', 'slytherin', '80/TCP', false], ['gryffindor', 'slytherin', '53/UDP', false],
      ['slytherin', 'gryffindor', '80/TCP', false], ['slytherin', 'gryffindor', '9003/SCTP', false],
      // Not subjects or peers of any rule: allowed by default.
      ['gryffindor', 'ravenclaw', '80/TCP', true],
    ]);
  });

  test('the Pass policy moved to priority 40: it passes first, and the Baseline Accept allows', () => {
    const objs = objects('admin-priority');
    policy(objs, 'old-priority-60-new-priority-40-example').spec.priority = 40;
    expectProbes(modelFrom(objs), [
      ['gryffindor', 'slytherin', '80/TCP', true], ['gryffindor', 'slytherin', '53/UDP', true],
      ['slytherin', 'gryffindor', '80/TCP', true], ['slytherin', 'gryffindor', '9003/SCTP', true],
    ]);
  });
});

describe('CNPIntegration (api_integration/standard-anp-np-banp.yaml): Admin, NetworkPolicy, Baseline', () => {
  test('Admin Deny decides before the NetworkPolicy that allows slytherin', () => {
    expectProbes(modelFrom(objects('admin-np-baseline')), [
      ['gryffindor', 'slytherin', '80/TCP', false], ['slytherin', 'gryffindor', '80/TCP', false],
    ]);
  });

  test('Admin Pass: the NetworkPolicy decides (allows slytherin, isolates the rest)', () => {
    const objs = objects('admin-np-baseline');
    const admin = policy(objs, 'pass-example').spec;
    admin.ingress[0].action = 'Pass';
    admin.egress[0].action = 'Pass';
    expectProbes(modelFrom(objs), [
      ['gryffindor', 'slytherin', '80/TCP', true], ['slytherin', 'gryffindor', '53/UDP', true],
      ['hufflepuff', 'gryffindor', '80/TCP', false], ['gryffindor', 'ravenclaw', '80/TCP', false],
    ]);
  });

  test('Admin Pass without the NetworkPolicy: the Baseline Deny decides', () => {
    const objs = objects('admin-np-baseline').filter(o => o.kind !== 'NetworkPolicy');
    const admin = policy(objs, 'pass-example').spec;
    admin.ingress[0].action = 'Pass';
    admin.egress[0].action = 'Pass';
    expectProbes(modelFrom(objs), [
      ['gryffindor', 'slytherin', '80/TCP', false], ['slytherin', 'gryffindor', '80/TCP', false],
      ['hufflepuff', 'gryffindor', '80/TCP', true],
    ]);
  });
});

describe('CNPAdminTierEgressInlineCIDRPeers (admin_tier/standard-egress-inline-cidr-rules.yaml)', () => {
  test('Deny to 0.0.0.0/0 and ::/0 also denies pod IPs, after the Accept for slytherin', () => {
    const model = modelFrom(objects('admin-networks'));
    expectProbes(model, [
      ['gryffindor', 'slytherin', '80/TCP', true], ['gryffindor', 'slytherin', '53/UDP', true],
      ['gryffindor', 'hufflepuff', '80/TCP', false], ['gryffindor', 'ravenclaw', '9003/SCTP', false],
      // Ingress is not touched.
      ['ravenclaw', 'gryffindor', '80/TCP', true],
    ]);
    expect(computeReachability(model).flows.filter(f => f.src.kind === 'workload' && f.src.workload.namespace === NS('gryffindor') && f.dst.kind === 'external')).toEqual([]);
  });
});

describe('named ports (destinationNamedPort, v1alpha1 namedPort)', () => {
  test('resolve on the destination pod\'s container ports, of whatever protocol', () => {
    expectProbes(modelFrom(objects('named-ports')), [
      // CNP: Deny destinationNamedPort dns (UDP 53) to slytherin; the rest matches nothing.
      ['gryffindor', 'slytherin', '53/UDP', false], ['gryffindor', 'slytherin', '5353/UDP', true], ['gryffindor', 'slytherin', '53/TCP', true],
      // ANP v1alpha1: Allow namedPort web from hufflepuff into ravenclaw, then Deny the rest.
      ['hufflepuff', 'ravenclaw', '80/TCP', true], ['hufflepuff', 'ravenclaw', '8080/TCP', false],
    ]);
  });
});

describe('equal priorities', () => {
  test('overlapping policies of one tier and priority: a warning naming both, analysed in name order', () => {
    const objs = objects('admin-priority');
    policy(objs, 'old-priority-60-new-priority-40-example').spec.priority = 50;
    const model = modelFrom(objs);
    expect(model.warnings.join('\n')).toMatch(
      /ClusterNetworkPolicy 'old-priority-60-new-priority-40-example' and ClusterNetworkPolicy 'priority-50-example' both have priority 50 in the Admin tier.*name order \('old-priority-60-new-priority-40-example' first\)/);
    // 'old-…' (Pass) sorts before 'priority-50-…' (Deny): passed to the Baseline Accept.
    expectProbes(model, [['gryffindor', 'slytherin', '80/TCP', true]]);
  });
});

describe('a peer of a newer CRD fails closed (ClusterNetworkPolicyEgressPeer comment)', () => {
  const withUnknownPeer = (action: string) => {
    const objs = objects('admin-networks');
    const spec = policy(objs, 'inline-cidr-as-peers-example').spec;
    spec.egress = [{ name: 'newer', action, to: [{ services: ['x'] }], protocols: [{ tcp: { destinationPort: { number: 80 } } }] }];
    return modelFrom(objs);
  };

  test('an Accept rule matches no traffic: the default allows', () => {
    expectProbes(withUnknownPeer('Accept'), [['gryffindor', 'slytherin', '80/TCP', true], ['gryffindor', 'slytherin', '53/UDP', true]]);
  });

  test.each(['Deny', 'Pass'])('a %s rule is "Deny all": every peer, every port', action => {
    const model = withUnknownPeer(action);
    expectProbes(model, [['gryffindor', 'slytherin', '80/TCP', false], ['gryffindor', 'ravenclaw', '53/UDP', false], ['slytherin', 'gryffindor', '80/TCP', true]]);
    expect(model.warnings.join('\n')).toMatch(new RegExp(`read fail-closed, as the API says, so this ${action} rule denies every peer on every port`));
  });
});

describe('hostNetwork pods are never subject nor peer (ClusterNetworkPolicySubject and peer comments)', () => {
  test('a hostNetwork pod in a selected namespace is not held by the Admin rules', () => {
    const objs = objects('admin-gress-rules');
    const harry = objs.find(o => o.metadata?.name === 'harry-potter');
    harry.spec.template.spec.hostNetwork = true;
    expectProbes(modelFrom(objs), [
      // As subject: the Deny to slytherin on 80 and to hufflepuff on 80 do not apply to it.
      ['gryffindor', 'slytherin', '80/TCP', true], ['gryffindor', 'hufflepuff', '80/TCP', true],
    ]);
  });

  test('a hostNetwork peer matches no rule: the Deny to slytherin on 80 does not reach a hostNetwork slytherin pod', () => {
    const objs = objects('admin-gress-rules');
    objs.find(o => o.metadata?.name === 'draco-malfoy').spec.template.spec.hostNetwork = true;
    expectProbes(modelFrom(objs), [['gryffindor', 'slytherin', '80/TCP', true], ['gryffindor', 'hufflepuff', '80/TCP', false]]);
  });
});
