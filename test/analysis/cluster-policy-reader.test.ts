import { modelOf } from './helpers';
import { UnreadableObjectError } from '../../src/analysis/unreadable-object';
import { modelOf as loadedModelOf } from '../../src/io';
import { InputError } from '../../src/io/input-error';
import { parseDocuments } from '../../src/io/parse-documents';

const CNP = `
apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata: { name: tenants }
spec:
  tier: Admin
  priority: 10
  subject:
    namespaces: { matchLabels: { tenant: a } }
  ingress:
  - name: same-tenant
    action: Pass
    from: [ { namespaces: { matchLabels: { tenant: a } } } ]
  - action: Deny
    from: [ { pods: { namespaceSelector: {}, podSelector: { matchLabels: { app: x } } } } ]
    protocols: [ { tcp: { destinationPort: { number: 80 } } }, { udp: { destinationPort: { range: { start: 5000, end: 5010 } } } }, { destinationNamedPort: http } ]
  egress:
  - action: Accept
    to: [ { networks: [ 10.0.0.0/8 ] } ]
`;

describe('readClusterPolicy: ClusterNetworkPolicy v1alpha2', () => {
  const model = modelOf(CNP);
  const [policy] = model.clusterPolicies!;

  test('tier, priority, subject, rules in order with names, actions, peers and protocols', () => {
    expect(policy).toMatchObject({ kind: 'ClusterNetworkPolicy', name: 'tenants', tier: 'Admin', priority: 10 });
    expect(policy.subject).toEqual({ namespaceSelector: { matchLabels: { tenant: 'a' }, matchExpressions: [] } });
    expect(policy.ingress.map(r => [r.name, r.action])).toEqual([['same-tenant', 'Pass'], [undefined, 'Deny']]);
    expect(policy.ingress[1].peers[0].pods?.podSelector?.matchLabels).toEqual({ app: 'x' });
    expect(policy.ingress[1].ports).toEqual([
      { protocol: 'TCP', port: 80 },
      { protocol: 'UDP', port: 5000, endPort: 5010 },
      { namedPort: 'http' },
    ]);
    expect(policy.ingress[0].ports).toBeUndefined();
    expect(policy.egress[0].peers).toEqual([{ networks: ['10.0.0.0/8'] }]);
  });

  test('no longer ignored; a network that may hold pod IPs is warned about', () => {
    expect(model.ignored).toEqual([]);
    expect(model.warnings.join('\n')).toMatch(/tenants.*spec\.egress\[0\] networks 10\.0\.0\.0\/8 may also match pod IPs/);
  });

  test('v1beta1 is read as v1alpha2', () => {
    expect(modelOf(CNP.replace('v1alpha2', 'v1beta1')).clusterPolicies?.[0].ingress).toEqual(policy.ingress);
  });

  test('a peer with no known field fails closed, with a warning', () => {
    const m = modelOf(CNP.replace('{ networks: [ 10.0.0.0/8 ] }', '{ services: [ x ] }'));
    expect(m.clusterPolicies![0].egress[0].peers).toEqual([{ unknown: true }]);
    expect(m.warnings.join('\n')).toMatch(/no field this version knows.*Accept rule matches nothing/);
  });
});

describe('readClusterPolicy: v1alpha1', () => {
  test('AdminNetworkPolicy: tier Admin, Allow read as Accept, ports of all three shapes', () => {
    const [anp] = modelOf(`
apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: { name: anp }
spec:
  priority: 3
  subject: { pods: { namespaceSelector: {}, podSelector: { matchLabels: { app: a } } } }
  egress:
  - action: Allow
    to: [ { pods: { namespaceSelector: {}, podSelector: {} } } ]
    ports: [ { portNumber: { port: 80 } }, { portRange: { protocol: UDP, start: 53, end: 53 } }, { namedPort: dns } ]
`).clusterPolicies!;
    expect(anp).toMatchObject({ kind: 'AdminNetworkPolicy', tier: 'Admin', priority: 3 });
    expect(anp.egress[0].action).toBe('Accept');
    // v0.1.x has no CEL rule on portRange: start == end is one port.
    expect(anp.egress[0].ports).toEqual([{ protocol: 'TCP', port: 80 }, { protocol: 'UDP', port: 53, endPort: 53 }, { namedPort: 'dns' }]);
  });

  test('BaselineAdminNetworkPolicy: tier Baseline, priority 0; only the one named default', () => {
    const banp = (name: string) => `
apiVersion: policy.networking.k8s.io/v1alpha1
kind: BaselineAdminNetworkPolicy
metadata: { name: ${name} }
spec:
  subject: { namespaces: {} }
  ingress: [ { action: Deny, from: [ { namespaces: {} } ] } ]
`;
    expect(modelOf(banp('default')).clusterPolicies![0]).toMatchObject({ tier: 'Baseline', priority: 0 });
    expect(() => modelOf(banp('other'))).toThrow(/BaselineAdminNetworkPolicy other: metadata\.name: 'other' is refused: .*singleton named default/);
  });
});

describe('readClusterPolicy: what it refuses', () => {
  test.each([
    ['an action of the other version', CNP.replace('action: Pass', 'action: Allow'), /spec\.ingress\[0\]\.action: 'Allow' is not an action of ClusterNetworkPolicy; v1alpha2 says Accept; write Accept, Deny, Pass/],
    ['a missing tier', CNP.replace('tier: Admin', ''), /spec\.tier: \(missing\) is not a tier; write Admin or Baseline/],
    ['a priority out of range', CNP.replace('priority: 10', 'priority: 1001'), /spec\.priority: 1001 is not a priority/],
    ['a subject with both fields', CNP.replace('namespaces: { matchLabels: { tenant: a } }\n  ingress', 'namespaces: {}\n    pods: { podSelector: {} }\n  ingress'), /spec\.subject: 'namespaces and pods' sets more than one field/],
    ['an empty v1alpha2 range', CNP.replace('start: 5000, end: 5010', 'start: 5000, end: 5000'), /range\.end: 5000 is not above start 5000/],
    ['a peer with two fields', CNP.replace('{ networks: [ 10.0.0.0/8 ] }', '{ networks: [ 10.0.0.0/8 ], namespaces: {} }'), /spec\.egress\[0\]\.to\[0\]: 'namespaces and networks' are both set/],
    ['a CIDR the API refuses', CNP.replace('10.0.0.0/8', '10.0.0.1/8'), /spec\.egress\[0\]\.to\[0\]\.networks\[0\]: '10\.0\.0\.1\/8' cannot be read/],
    ['a selector field of an older shape', CNP.replace('{ namespaces: { matchLabels: { tenant: a } } }', '{ namespaces: { namespaceSelector: {} } }'), /from\[0\]\.namespaces\.namespaceSelector: 'namespaceSelector' is not a field/],
    ['a version never released', CNP.replace('v1alpha2', 'v1alpha1'), /apiVersion: 'policy\.networking\.k8s\.io\/v1alpha1' is not a version ClusterNetworkPolicy was released in; use policy\.networking\.k8s\.io\/v1alpha2 or policy\.networking\.k8s\.io\/v1beta1/],
  ])('%s', (_, text, message) => {
    expect(() => modelOf(text)).toThrow(UnreadableObjectError);
    expect(() => modelOf(text)).toThrow(message);
  });

  test('the load pipeline names file, line and column of the field', () => {
    const text = CNP.replace('action: Pass', 'action: Allow');
    let error: unknown;
    try {
      loadedModelOf(parseDocuments(text, 'cnp.yaml'));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    // The shared validator (the CRD's rules) refuses it before the reader sees it, in the words of every other refusal.
    expect((error as Error).message).toMatch(
      /^cnp\.yaml:12:13: document 0: ClusterNetworkPolicy tenants would be rejected by the API server: spec\.ingress\[0\]\.action: Allow is not an action of ClusterNetworkPolicy; use Accept/);
  });
});
