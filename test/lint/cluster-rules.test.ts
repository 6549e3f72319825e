/**
 * The cluster-policy rules beyond their page's fixtures: what covers what (soundness checked
 * against the selector semantics with fast-check), priorities, ports, CIDRs, directions, and
 * the cases each rule must leave alone.
 */
import * as path from 'node:path';
import fc from 'fast-check';
import { lint } from '../../src/analysis/lint';
import { podsCover, selectorCovers, selectorsMayOverlap } from '../../src/analysis/lint/cluster-coverage';
import type { LabelSelectorRequirementSpec, LabelSelectorSpec } from '../../src/analysis/model';
import { buildModel } from '../../src/analysis/model-builder';
import { matchesSelector } from '../../src/analysis/selector';
import { loadModel } from '../../src/io';

const V2 = 'policy.networking.k8s.io/v1alpha2';
const ALL = { namespaces: {} };

function cnp(name: string, spec: object, metadata: object = {}): object {
  return { apiVersion: V2, kind: 'ClusterNetworkPolicy', metadata: { name, ...metadata }, spec: { tier: 'Admin', priority: 10, subject: ALL, ...spec } };
}

function deployment(namespace: string, name: string): object {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image: 'x' }] } } },
  };
}

function denyAll(namespace: string, policyTypes: string[]): object {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny', namespace }, spec: { podSelector: {}, policyTypes } };
}

/** The messages of one rule on these objects. */
function messages(ruleId: string, ...objects: object[]): string[] {
  const model = buildModel(objects.map((object, documentIndex) => ({ object, source: { documentIndex } })));
  return lint(model).filter(f => f.ruleId === ruleId).map(f => f.message);
}

const tcp = (number: number) => ({ tcp: { destinationPort: { number } } });

describe('cluster-coverage, checked against the selector semantics', () => {
  const keys = fc.constantFrom('a', 'b');
  const values = fc.constantFrom('1', '2', '3');
  const requirement: fc.Arbitrary<LabelSelectorRequirementSpec> = fc.oneof(
    fc.record({ key: keys, operator: fc.constantFrom('In' as const, 'NotIn' as const), values: fc.uniqueArray(values, { minLength: 1, maxLength: 2 }) }),
    fc.record({ key: keys, operator: fc.constantFrom('Exists' as const, 'DoesNotExist' as const) }),
  );
  const selector: fc.Arbitrary<LabelSelectorSpec> = fc.record({
    matchLabels: fc.dictionary(keys, values, { maxKeys: 1 }),
    matchExpressions: fc.array(requirement, { maxLength: 2 }),
  });
  const labels = fc.dictionary(keys, values, { maxKeys: 2 });

  test('a selector said to cover another selects every label set the other selects', () => {
    fc.assert(fc.property(selector, selector, labels, (wide, narrow, l) => {
      if (selectorCovers(wide, narrow) && matchesSelector(narrow, l)) expect(matchesSelector(wide, l)).toBe(true);
    }), { numRuns: 3000 });
  });

  test('selectors said not to overlap never select one label set together', () => {
    fc.assert(fc.property(selector, selector, labels, (a, b, l) => {
      if (matchesSelector(a, l) && matchesSelector(b, l)) expect(selectorsMayOverlap(a, b)).toBe(true);
    }), { numRuns: 3000 });
  });

  test('it finds the plain cases', () => {
    expect(selectorCovers({}, { matchLabels: { a: '1' } })).toBe(true);
    expect(selectorCovers({ matchExpressions: [{ key: 'a', operator: 'Exists' }] }, { matchLabels: { a: '1' } })).toBe(true);
    expect(selectorCovers({ matchLabels: { a: '1' } }, {})).toBe(false);
    expect(selectorsMayOverlap({ matchLabels: { a: '1' } }, { matchLabels: { a: '2' } })).toBe(false);
    expect(podsCover({ namespaceSelector: {} }, { namespaceSelector: { matchLabels: { a: '1' } }, podSelector: { matchLabels: { b: '1' } } })).toBe(true);
    expect(podsCover({ namespaceSelector: {}, podSelector: { matchLabels: { b: '1' } } }, { namespaceSelector: {} })).toBe(false);
  });
});

describe('cluster-rule-shadowed', () => {
  const ID = 'cluster-rule-shadowed';

  test('by a policy earlier in the tier over every pod of this one', () => {
    const early = cnp('early', { priority: 5, ingress: [{ action: 'Pass', from: [ALL] }] });
    const late = cnp('late', { priority: 20, subject: { namespaces: { matchLabels: { team: 'a' } } }, ingress: [{ action: 'Deny', from: [ALL] }] });
    expect(messages(ID, early, late)).toEqual([expect.stringContaining("'late': spec.ingress[0]: never matches: spec.ingress[0] (Pass) of ClusterNetworkPolicy 'early' (priority 5")]);
  });

  test('not by a policy at the same priority, one over fewer pods, one in the other tier or the other direction', () => {
    const late = cnp('late', { priority: 20, ingress: [{ action: 'Deny', from: [ALL] }] });
    expect(messages(ID, cnp('tie', { priority: 20, ingress: [{ action: 'Pass', from: [ALL] }] }), late)).toEqual([]);
    expect(messages(ID, cnp('narrow', { priority: 5, subject: { namespaces: { matchLabels: { team: 'a' } } }, ingress: [{ action: 'Pass', from: [ALL] }] }), late)).toEqual([]);
    expect(messages(ID, cnp('baseline', { tier: 'Baseline', priority: 5, ingress: [{ action: 'Pass', from: [ALL] }] }), late)).toEqual([]);
    expect(messages(ID, cnp('egress', { priority: 5, egress: [{ action: 'Pass', to: [ALL] }] }), late)).toEqual([]);
  });

  test('ports: a rule on other ports, or on a port range around it, is not covered by a narrower one', () => {
    const policy = (first: object, second: object) => cnp('p', { ingress: [{ action: 'Deny', from: [ALL], ...first }, { action: 'Accept', from: [ALL], ...second }] });
    expect(messages(ID, policy({ protocols: [tcp(80)] }, { protocols: [tcp(443)] }))).toEqual([]);
    expect(messages(ID, policy({ protocols: [tcp(80)] }, {}))).toEqual([]);
    const lowPorts = { tcp: { destinationPort: { range: { start: 1, end: 1024 } } } };
    expect(messages(ID, policy({ protocols: [lowPorts] }, { protocols: [tcp(443)] }))).toHaveLength(1);
    expect(messages(ID, policy({}, { protocols: [{ destinationNamedPort: 'http' }] }))).toHaveLength(1);
    expect(messages(ID, policy({ protocols: [{ destinationNamedPort: 'http' }] }, { protocols: [tcp(80)] }))).toEqual([]);
  });

  test('a Deny or Pass with a peer of a newer CRD is "Deny all" and covers every later rule; an Accept with one matches nothing', () => {
    const newer = { futurePeer: { x: 1 } };
    const later = { action: 'Accept', from: [ALL], protocols: [tcp(80)] };
    expect(messages(ID, cnp('p', { ingress: [{ action: 'Pass', from: [newer], protocols: [tcp(443)] }, later] }))).toHaveLength(1);
    expect(messages(ID, cnp('p', { ingress: [{ action: 'Accept', from: [newer] }, later] }))).toEqual([]);
  });

  test('by several earlier rules together, one per peer, across policies; not when one peer is left', () => {
    const ns = (team: string) => ({ namespaces: { matchLabels: { team } } });
    const early = cnp('early', { priority: 5, ingress: [{ action: 'Deny', from: [ns('a')] }] });
    const late = (...from: object[]) => cnp('late', { priority: 20, ingress: [{ action: 'Deny', from: [ns('b')], protocols: [tcp(80)] }, { action: 'Accept', from, protocols: [tcp(80)] }] });
    expect(messages(ID, early, late(ns('a'), ns('b')))).toEqual([
      "ClusterNetworkPolicy 'late': spec.ingress[1]: never matches: each of its peers is matched first, on all of its ports, by one of "
      + "spec.ingress[0] (Deny) of ClusterNetworkPolicy 'early' (priority 5), spec.ingress[0] (Deny) of this policy",
    ]);
    expect(messages(ID, early, late(ns('a'), ns('b'), ns('c')))).toEqual([]);
  });

  test('networks: a CIDR inside an earlier one is covered, one beside it is not', () => {
    const policy = (cidr: string) => cnp('p', { egress: [{ action: 'Deny', to: [{ networks: ['10.0.0.0/8'] }] }, { action: 'Accept', to: [{ networks: [cidr] }] }] });
    expect(messages(ID, policy('10.1.0.0/16'))).toHaveLength(1);
    expect(messages(ID, policy('11.0.0.0/16'))).toEqual([]);
  });
});

describe('cluster-equal-priority-overlap', () => {
  const ID = 'cluster-equal-priority-overlap';

  test('not for subjects that cannot share a pod, nor for rules in different directions', () => {
    const a = cnp('a', { subject: { namespaces: { matchLabels: { team: 'a' } } }, ingress: [{ action: 'Deny', from: [ALL] }] });
    expect(messages(ID, a, cnp('b', { subject: { namespaces: { matchLabels: { team: 'b' } } }, ingress: [{ action: 'Accept', from: [ALL] }] }))).toEqual([]);
    expect(messages(ID, a, cnp('c', { egress: [{ action: 'Accept', to: [ALL] }] }))).toEqual([]);
    expect(messages(ID, a, cnp('d', { ingress: [{ action: 'Accept', from: [ALL] }] }))).toHaveLength(1);
  });

  test('three at one priority: each later one once', () => {
    const rule = { ingress: [{ action: 'Deny', from: [ALL] }] };
    expect(messages(ID, cnp('a', rule), cnp('b', rule), cnp('c', rule))).toEqual([
      expect.stringMatching(/^ClusterNetworkPolicy 'b': .* as ClusterNetworkPolicy 'a'/),
      expect.stringMatching(/^ClusterNetworkPolicy 'c': .* as ClusterNetworkPolicy 'a'/),
    ]);
  });
});

describe('cluster-pass-in-baseline', () => {
  test('Pass in the Admin tier is what Pass is for', () => {
    expect(messages('cluster-pass-in-baseline', cnp('admin', { egress: [{ action: 'Pass', to: [ALL] }] }))).toEqual([]);
    expect(messages('cluster-pass-in-baseline', cnp('base', { tier: 'Baseline', egress: [{ action: 'Pass', to: [ALL] }] }))).toEqual([
      "ClusterNetworkPolicy 'base': spec.egress[0].action: Pass in the Baseline tier skips the rest of the tier, and what comes next is the default: the traffic is allowed",
    ]);
  });
});

describe('cluster-networks-catch-pods', () => {
  const ID = 'cluster-networks-catch-pods';
  const egress = (...rules: object[]) => cnp('p', { egress: rules });
  const deny = (...networks: string[]) => ({ action: 'Deny', to: [{ networks }] });

  test('private and full ranges may hold pods; a public one does not', () => {
    expect(messages(ID, egress(deny('10.2.0.0/16', '8.8.8.8/32')))).toEqual([expect.stringContaining('networks 10.2.0.0/16 may hold pod IPs')]);
    expect(messages(ID, egress(deny('::/0')))).toHaveLength(1);
    expect(messages(ID, egress(deny('8.8.8.8/32', '2001:db8::/32')))).toEqual([]);
  });

  test('not after a rule of the policy, or of a policy before it over its pods, that decides every pod on every port; not for Pass', () => {
    expect(messages(ID, egress({ action: 'Pass', to: [ALL] }, deny('0.0.0.0/0')))).toEqual([]);
    expect(messages(ID, egress({ action: 'Pass', to: [ALL], protocols: [tcp(53)] }, deny('0.0.0.0/0')))).toHaveLength(1);
    expect(messages(ID, cnp('first', { priority: 1, egress: [{ action: 'Pass', to: [ALL] }] }), egress(deny('0.0.0.0/0')))).toEqual([]);
    expect(messages(ID, egress({ action: 'Pass', to: [{ networks: ['0.0.0.0/0'] }] }))).toEqual([]);
  });
});

describe('cluster-baseline-deny-overridden', () => {
  const ID = 'cluster-baseline-deny-overridden';
  const baseline = (namespaces: object) => cnp('base', { tier: 'Baseline', subject: { namespaces }, ingress: [{ action: 'Deny', from: [ALL] }], egress: [{ action: 'Deny', to: [ALL] }] });

  test('per direction: only the direction NetworkPolicy isolates', () => {
    expect(messages(ID, deployment('shop', 'api'), denyAll('shop', ['Egress']), baseline({}))).toEqual([
      expect.stringMatching(/^ClusterNetworkPolicy 'base': spec\.egress\[0\]: .* egress-isolated/),
    ]);
  });

  test('not judged while a namespace it selects has no workload in the input, nor when it selects no pod', () => {
    const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'empty' } };
    expect(messages(ID, ns, deployment('shop', 'api'), denyAll('shop', ['Ingress', 'Egress']), baseline({}))).toEqual([]);
    expect(messages(ID, deployment('shop', 'api'), denyAll('shop', ['Ingress']), baseline({ matchLabels: { team: 'none' } }))).toEqual([]);
  });
});

test('a finding about a cluster policy is acknowledged on the policy', () => {
  const annotations = { 'acknowledge.cdk8s-netpol.io/cluster-pass-in-baseline': 'monitoring is allowed on purpose' };
  const policy = cnp('base', { tier: 'Baseline', ingress: [{ action: 'Pass', from: [ALL] }] }, { annotations });
  const model = buildModel([{ object: policy, source: { documentIndex: 0 } }]);
  const [finding] = lint(model).filter(f => f.ruleId === 'cluster-pass-in-baseline');
  expect(finding.acknowledged).toBe('monitoring is allowed on purpose');
});

describe('on estates after np-guard/netpol-analyzer and the conformance suite (test/fixtures/migrate, test/fixtures/cluster)', () => {
  const findings = (...paths: string[]) => lint(loadModel(paths.map(p => path.join(__dirname, '..', 'fixtures', p))).model)
    .filter(f => f.ruleId.startsWith('cluster-')).map(f => [f.ruleId, f.subject.name, f.field]);

  test('core-priority-field: the Pass at priority 40 leaves nothing for the Deny at 50', () => {
    expect(findings('cluster/conformance-base.yaml', 'migrate/priorities')).toEqual([
      ['cluster-rule-shadowed', 'priority-50-example', 'spec.egress[0]'],
      ['cluster-rule-shadowed', 'priority-50-example', 'spec.ingress[0]'],
    ]);
  });

  test('CNPAdminTierGress: the rules the conformance test swaps to the front are the ones that never match in place', () => {
    expect(findings('cluster/conformance-base.yaml', 'cluster/admin-gress-rules.yaml').map(([, , field]) => field)).toEqual([
      'spec.egress[1]', 'spec.egress[2]', 'spec.egress[4]', 'spec.ingress[1]', 'spec.ingress[2]', 'spec.ingress[4]',
    ]);
  });

  test('CNPAdminTierEgressInlineCIDRPeers: the Deny of 0.0.0.0/0 and ::/0 catches pod traffic', () => {
    expect(findings('cluster/conformance-base.yaml', 'cluster/admin-networks.yaml')).toEqual([['cluster-networks-catch-pods', 'inline-cidr-as-peers-example', 'spec.egress[1].to']]);
  });

  test('anp_with_np_and_banp_pass_test: the NetworkPolicy isolating ns1 leaves nothing for the baseline deny', () => {
    expect(findings('migrate/np-and-baseline-pass')).toEqual([['cluster-baseline-deny-overridden', 'default', 'spec.ingress[0]']]);
  });

  test('anp_banp_blog_demo: bar has no NetworkPolicy, so the baseline deny still applies there', () => {
    expect(findings('migrate/blog-demo')).toEqual([]);
  });
});
