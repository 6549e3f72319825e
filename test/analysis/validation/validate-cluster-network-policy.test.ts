import { formatProblem, ValidationProblem } from '../../../src/analysis/validation/problem';
import {
  clusterPolicyKind, validateAdminNetworkPolicy, validateBaselineAdminNetworkPolicy, validateClusterNetworkPolicy, validateClusterScopedPolicy,
} from '../../../src/analysis/validation/validate-cluster-network-policy';

/** A valid ClusterNetworkPolicy with `spec` fields replaced or added. */
function cnp(spec: Record<string, unknown> = {}, metadata: Record<string, unknown> = { name: 'guard' }): Record<string, unknown> {
  return {
    apiVersion: 'policy.networking.k8s.io/v1alpha2',
    kind: 'ClusterNetworkPolicy',
    metadata,
    spec: { tier: 'Admin', priority: 10, subject: { namespaces: {} }, ...spec },
  };
}

function ingressRule(rule: Record<string, unknown>): Record<string, unknown> {
  return cnp({ ingress: [{ action: 'Deny', from: [{ namespaces: {} }], ...rule }] });
}

function egressRule(rule: Record<string, unknown>): Record<string, unknown> {
  return cnp({ egress: [{ action: 'Deny', to: [{ namespaces: {} }], ...rule }] });
}

function protocol(entry: unknown): Record<string, unknown> {
  return ingressRule({ protocols: [entry] });
}

function anp(spec: Record<string, unknown> = {}, metadata: Record<string, unknown> = { name: 'guard' }): Record<string, unknown> {
  return {
    apiVersion: 'policy.networking.k8s.io/v1alpha1',
    kind: 'AdminNetworkPolicy',
    metadata,
    spec: { priority: 10, subject: { namespaces: {} }, ...spec },
  };
}

function banp(spec: Record<string, unknown> = {}, metadata: Record<string, unknown> = { name: 'default' }): Record<string, unknown> {
  return {
    apiVersion: 'policy.networking.k8s.io/v1alpha1',
    kind: 'BaselineAdminNetworkPolicy',
    metadata,
    spec: { subject: { namespaces: {} }, ...spec },
  };
}

function anpPort(entry: unknown): Record<string, unknown> {
  return anp({ ingress: [{ action: 'Allow', from: [{ namespaces: {} }], ports: [entry] }] });
}

const many = (n: number, f: (i: number) => unknown) => Array.from({ length: n }, (_, i) => f(i));

describe('ClusterNetworkPolicy accepted', () => {
  test.each<[string, Record<string, unknown>]>([
    ['the smallest policy', cnp()],
    ['Baseline tier, priority 0 and 1000', cnp({ tier: 'Baseline', priority: 1000 })],
    ['priority 0', cnp({ priority: 0 })],
    ['a pods subject without namespaceSelector (v1alpha2 defaults it)', cnp({ subject: { pods: { podSelector: { matchLabels: { app: 'web' } } } } })],
    ['every action, named rules of 100 characters', cnp({ ingress: ['Accept', 'Deny', 'Pass'].map(action => ({ name: 'x'.repeat(100), action, from: [{ namespaces: {} }] })) })],
    ['25 ingress rules', cnp({ ingress: many(25, () => ({ action: 'Deny', from: [{ namespaces: {} }] })) })],
    ['25 peers', ingressRule({ from: many(25, i => ({ namespaces: { matchLabels: { n: `${i}` } } })) })],
    ['tcp, udp, sctp numbers and ranges', ingressRule({
      protocols: [
        { tcp: { destinationPort: { number: 80 } } },
        { udp: { destinationPort: { range: { start: 1000, end: 2000 } } } },
        { sctp: { destinationPort: { number: 65535 } } },
      ],
    })],
    ['a named port to pods', egressRule({ to: [{ pods: { namespaceSelector: {}, podSelector: {} } }], protocols: [{ destinationNamedPort: 'http' }] })],
    ['egress networks, IPv4 and IPv6', egressRule({ to: [{ networks: ['169.254.169.254/32', 'fd00:ec2::254/128'] }] })],
    ['egress nodes (experimental)', egressRule({ to: [{ nodes: { matchLabels: { role: 'control-plane' } } }] })],
    ['egress domainNames with Accept', egressRule({ action: 'Accept', to: [{ domainNames: ['example.com', '*.example.org'] }] })],
    ['a status', { ...cnp(), status: { conditions: [] } }],
    ['v1beta1, the same API under its next name', { ...cnp(), apiVersion: 'policy.networking.k8s.io/v1beta1' }],
  ])('%s', (_, policy) => {
    expect(validateClusterNetworkPolicy(policy)).toEqual([]);
  });
});

interface Expected {
  readonly field: string;
  readonly severity?: ValidationProblem['severity'];
  readonly message?: string;
  readonly fix?: string;
}

const I = 'spec.ingress[0]';
const E = 'spec.egress[0]';

const refused: Array<[string, unknown, Expected]> = [
  ['not an object', 'x', { field: '(document)', message: 'must be an object' }],
  ['the v1alpha1 version', { ...cnp(), apiVersion: 'policy.networking.k8s.io/v1alpha1' }, { field: 'apiVersion', fix: 'v1alpha2' }],
  ['no name', cnp({}, {}), { field: 'metadata.name', message: 'is required' }],
  ['an invalid name', cnp({}, { name: 'Guard_1' }), { field: 'metadata.name', message: 'DNS-1123' }],
  ['a namespace: cluster-scoped', cnp({}, { name: 'g', namespace: 'shop' }), { field: 'metadata.namespace', severity: 'trap', message: 'cluster-scoped' }],
  ['no spec', { ...cnp(), spec: undefined }, { field: 'spec', message: 'is required' }],
  ['no tier', cnp({ tier: undefined }), { field: 'spec.tier', message: 'is required' }],
  ['an unknown tier', cnp({ tier: 'admin' }), { field: 'spec.tier', fix: 'Admin' }],
  ['no priority', cnp({ priority: undefined }), { field: 'spec.priority', message: 'is required' }],
  ['priority 1001', cnp({ priority: 1001 }), { field: 'spec.priority', message: 'between 0 and 1000' }],
  ['priority -1', cnp({ priority: -1 }), { field: 'spec.priority', message: 'between 0 and 1000' }],
  ['priority 1.5', cnp({ priority: 1.5 }), { field: 'spec.priority', message: 'must be an integer' }],
  ['priority as a string', cnp({ priority: '5' }), { field: 'spec.priority', message: 'must be an integer' }],
  ['an unknown spec field', cnp({ prority: 3 }), { field: 'spec.prority', fix: 'did you mean priority?' }],
  ['no subject', cnp({ subject: undefined }), { field: 'spec.subject', message: 'is required' }],
  ['an empty subject', cnp({ subject: {} }), { field: 'spec.subject', message: 'exactly one of namespaces, pods' }],
  ['a subject with both fields', cnp({ subject: { namespaces: {}, pods: { podSelector: {} } } }), { field: 'spec.subject', message: 'exactly one of them' }],
  ['a pods subject without podSelector', cnp({ subject: { pods: { namespaceSelector: {} } } }), { field: 'spec.subject.pods.podSelector', message: 'is required' }],
  ['a bad subject selector', cnp({ subject: { namespaces: { matchLabels: { 'a b': 'x' } } } }), { field: 'spec.subject.namespaces.matchLabels' }],
  ['26 ingress rules', cnp({ ingress: many(26, () => ({ action: 'Deny', from: [{ namespaces: {} }] })) }), { field: 'spec.ingress', message: 'at most 25' }],
  ['26 egress rules', cnp({ egress: many(26, () => ({ action: 'Deny', to: [{ namespaces: {} }] })) }), { field: 'spec.egress', message: 'at most 25' }],
  ['no action', ingressRule({ action: undefined }), { field: `${I}.action`, message: 'is required' }],
  ['the v1alpha1 action Allow', ingressRule({ action: 'Allow' }), { field: `${I}.action`, fix: 'use Accept' }],
  ['a rule name of 101 characters', ingressRule({ name: 'x'.repeat(101) }), { field: `${I}.name`, message: 'more than the 100' }],
  ['no from', ingressRule({ from: undefined }), { field: `${I}.from`, message: 'is required' }],
  ['an empty from', ingressRule({ from: [] }), { field: `${I}.from`, message: 'at least 1' }],
  ['26 peers', ingressRule({ from: many(26, () => ({ namespaces: {} })) }), { field: `${I}.from`, message: 'at most 25' }],
  ['an empty peer', ingressRule({ from: [{}] }), { field: `${I}.from[0]`, message: 'exactly one of namespaces, pods' }],
  ['a peer of a newer CRD (or a typo): read fail-closed, so a trap', egressRule({ to: [{ services: ['a'] }] }),
    { field: `${E}.to[0].services`, severity: 'trap', message: 'fail-closed' }],
  ['a misspelt peer field alone', ingressRule({ from: [{ namespace: {} }] }), { field: `${I}.from[0].namespace`, severity: 'trap', fix: 'did you mean namespaces?' }],
  ['an unknown field beside a known one', ingressRule({ from: [{ namespaces: {}, services: {} }] }), { field: `${I}.from[0].services`, message: 'is not a known field' }],
  ['a peer with two fields', egressRule({ to: [{ namespaces: {}, networks: ['10.0.0.0/8'] }] }), { field: `${E}.to[0]`, message: 'exactly one of them' }],
  ['networks on ingress', ingressRule({ from: [{ networks: ['10.0.0.0/8'] }] }), { field: `${I}.from[0].networks`, message: 'egress only' }],
  ['nodes on ingress', ingressRule({ from: [{ nodes: {} }] }), { field: `${I}.from[0].nodes`, message: 'egress only' }],
  ['domainNames on ingress', ingressRule({ from: [{ domainNames: ['a.com'] }] }), { field: `${I}.from[0].domainNames`, message: 'egress only' }],
  ['domainNames in a Deny rule', egressRule({ to: [{ domainNames: ['a.com'] }] }), { field: `${E}.to[0].domainNames`, severity: 'trap', message: 'only supported in Accept rules' }],
  ['a bad domain name', egressRule({ action: 'Accept', to: [{ domainNames: ['a.*.com'] }] }), { field: `${E}.to[0].domainNames[0]`, message: 'not a domain name' }],
  ['an ambiguous CIDR', egressRule({ to: [{ networks: ['10.0.0.1/8'] }] }), { field: `${E}.to[0].networks[0]`, fix: '10.0.0.0/8' }],
  ['an address without prefix', egressRule({ to: [{ networks: ['169.254.169.254'] }] }), { field: `${E}.to[0].networks[0]`, fix: '169.254.169.254/32' }],
  ['an empty networks', egressRule({ to: [{ networks: [] }] }), { field: `${E}.to[0].networks`, message: 'at least 1' }],
  ['26 networks', egressRule({ to: [{ networks: many(26, i => `10.0.${i}.0/24`) }] }), { field: `${E}.to[0].networks`, message: 'at most 25' }],
  ['a CIDR listed twice', egressRule({ to: [{ networks: ['10.0.0.0/8', '10.0.0.0/8'] }] }), { field: `${E}.to[0].networks[1]`, message: 'listed twice' }],
  ['an empty protocols', ingressRule({ protocols: [] }), { field: `${I}.protocols`, message: 'at least 1' }],
  ['26 protocols', ingressRule({ protocols: many(26, i => ({ tcp: { destinationPort: { number: i + 1 } } })) }), { field: `${I}.protocols`, message: 'at most 25' }],
  ['an empty protocol entry', protocol({}), { field: `${I}.protocols[0]`, message: 'exactly one of tcp, udp, sctp, destinationNamedPort' }],
  ['two protocols in one entry', protocol({ tcp: { destinationPort: { number: 1 } }, udp: { destinationPort: { number: 1 } } }), { field: `${I}.protocols[0]`, message: 'exactly one' }],
  ['an unknown protocol', protocol({ icmp: {} }), { field: `${I}.protocols[0].icmp`, message: 'is not a known field' }],
  ['tcp: {}', protocol({ tcp: {} }), { field: `${I}.protocols[0].tcp.destinationPort`, message: 'is required' }],
  ['port 0', protocol({ tcp: { destinationPort: { number: 0 } } }), { field: `${I}.protocols[0].tcp.destinationPort.number`, message: 'between 1 and 65535' }],
  ['port 65536', protocol({ udp: { destinationPort: { number: 65536 } } }), { field: `${I}.protocols[0].udp.destinationPort.number`, message: 'between 1 and 65535' }],
  ['number and range', protocol({ tcp: { destinationPort: { number: 1, range: { start: 1, end: 2 } } } }), { field: `${I}.protocols[0].tcp.destinationPort`, message: 'exactly one' }],
  ['a range with start = end', protocol({ sctp: { destinationPort: { range: { start: 80, end: 80 } } } }), { field: `${I}.protocols[0].sctp.destinationPort.range.end`, message: 'Start port must be less than End port', fix: 'number: 80' }],
  ['a range with start > end', protocol({ tcp: { destinationPort: { range: { start: 90, end: 80 } } } }), { field: `${I}.protocols[0].tcp.destinationPort.range.end`, fix: 'swap' }],
  ['a range without end', protocol({ tcp: { destinationPort: { range: { start: 90 } } } }), { field: `${I}.protocols[0].tcp.destinationPort.range.end`, message: 'is required' }],
  ['a named port that is no IANA name', protocol({ destinationNamedPort: 'HTTP' }), { field: `${I}.protocols[0].destinationNamedPort`, severity: 'trap', message: 'can match no container port' }],
  ['a named port to networks (CEL)', egressRule({ to: [{ networks: ['10.0.0.0/8'] }], protocols: [{ destinationNamedPort: 'http' }] }), { field: `${E}.protocols`, message: 'no named ports' }],
  ['a named port to nodes (CEL)', egressRule({ to: [{ namespaces: {} }, { nodes: {} }], protocols: [{ destinationNamedPort: 'http' }] }), { field: `${E}.protocols`, message: 'no named ports' }],
];

describe('ClusterNetworkPolicy refused', () => {
  test.each(refused)('%s', (_, policy, expected) => {
    const problems = validateClusterNetworkPolicy(policy);
    expect(problems).toContainEqual(expect.objectContaining({
      field: expected.field,
      severity: expected.severity ?? 'rejected',
      ...expected.message ? { message: expect.stringContaining(expected.message) } : {},
      ...expected.fix ? { fix: expect.stringContaining(expected.fix) } : {},
    }));
  });
});

test('a problem reads field, value, what is wrong and the fix', () => {
  const [problem] = validateClusterNetworkPolicy(cnp({ priority: 1001 }));
  expect(formatProblem(problem)).toBe('spec.priority: 1001 must be between 0 and 1000, inclusive; use a priority from 0 (first) to 1000 (last)');
});

test('every problem of a badly broken policy, without throwing', () => {
  const fields = validateClusterNetworkPolicy({ apiVersion: 1, kind: [], metadata: 'x', spec: { tier: 3, priority: null, subject: [], ingress: [null, { from: 'x', protocols: {} }] } })
    .map(p => p.field);
  expect(fields).toEqual(expect.arrayContaining(['apiVersion', 'kind', 'metadata', 'spec.tier', 'spec.priority', 'spec.subject', 'spec.ingress[0]', 'spec.ingress[1].action', 'spec.ingress[1].from', 'spec.ingress[1].protocols']));
});

describe('AdminNetworkPolicy (v1alpha1)', () => {
  test.each<[string, Record<string, unknown>]>([
    ['the smallest policy', anp()],
    ['Allow, Deny, Pass; 100 rules', anp({ ingress: many(100, i => ({ action: ['Allow', 'Deny', 'Pass'][i % 3], from: [{ namespaces: {} }] })) })],
    ['portNumber, portRange, namedPort', anp({
      ingress: [{
        action: 'Allow',
        from: [{ pods: { namespaceSelector: {}, podSelector: {} } }],
        ports: [
          { portNumber: { protocol: 'TCP', port: 80 } }, { portRange: { protocol: 'UDP', start: 1, end: 2 } }, { namedPort: 'dns' },
        ],
      }],
    })],
    ['egress networks', anp({ egress: [{ action: 'Deny', to: [{ networks: ['0.0.0.0/0'] }] }] })],
  ])('accepts %s', (_, policy) => {
    expect(validateAdminNetworkPolicy(policy)).toEqual([]);
  });

  test('the older v1alpha1 peers are traps, not refusals (a cluster with that CRD accepts them)', () => {
    expect(validateAdminNetworkPolicy(anp({ ingress: [{ action: 'Deny', from: [{ namespaces: { notSameLabels: ['tenant'] } }] }] }))
      .map(p => p.severity)).toEqual(['trap']);
    // In v1alpha2 they are only unknown fields.
    expect(validateClusterNetworkPolicy(ingressRule({ from: [{ namespaces: { sameLabels: ['tenant'] } }] })).map(p => [p.field, p.severity]))
      .toEqual([[`${I}.from[0].namespaces.sameLabels`, 'rejected']]);
  });

  test.each<[string, unknown, Expected]>([
    ['Accept, the v1alpha2 word', anp({ ingress: [{ action: 'Accept', from: [{ namespaces: {} }] }] }), { field: `${I}.action`, fix: 'use Allow' }],
    ['a tier (v1alpha2 only)', anp({ tier: 'Admin' }), { field: 'spec.tier', message: 'is not a known field' }],
    ['101 rules', anp({ egress: many(101, () => ({ action: 'Deny', to: [{ namespaces: {} }] })) }), { field: 'spec.egress', message: 'at most 100' }],
    ['protocols (v1alpha2 only)', anp({ ingress: [{ action: 'Deny', from: [{ namespaces: {} }], protocols: [] }] }), { field: `${I}.protocols`, message: 'is not a known field' }],
    ['pods without namespaceSelector', anp({ subject: { pods: { podSelector: {} } } }), { field: 'spec.subject.pods.namespaceSelector', message: 'is required' }],
    ['portNumber without port', anpPort({ portNumber: { protocol: 'TCP' } }), { field: `${I}.ports[0].portNumber.port`, message: 'is required' }],
    ['portNumber 70000', anpPort({ portNumber: { protocol: 'TCP', port: 70000 } }), { field: `${I}.ports[0].portNumber.port`, message: 'between 1 and 65535' }],
    ['a lower-case protocol', anpPort({ portNumber: { protocol: 'tcp', port: 80 } }), { field: `${I}.ports[0].portNumber.protocol`, severity: 'trap' }],
    ['portRange start = end: documented, not checked by its CRD', anpPort({ portRange: { start: 80, end: 80 } }), { field: `${I}.ports[0].portRange.end`, severity: 'trap', fix: 'portNumber: {port: 80}' }],
    ['an empty ports entry', anpPort({}), { field: `${I}.ports[0]`, message: 'exactly one of portNumber, portRange, namedPort' }],
    ['sameLabels, a peer of the first v1alpha1 CRDs', anp({ ingress: [{ action: 'Deny', from: [{ namespaces: { sameLabels: ['tenant'] } }] }] }),
      { field: `${I}.from[0].namespaces.sameLabels`, severity: 'trap', message: 'first v1alpha1 CRDs' }],
    ['pods.namespaces, a peer of the first v1alpha1 CRDs', anp({ ingress: [{ action: 'Deny', from: [{ pods: { namespaces: { namespaceSelector: {} }, podSelector: {} } }] }] }),
      { field: `${I}.from[0].pods.namespaces`, severity: 'trap', fix: 'namespaceSelector' }],
    ['a namedPort to networks (CEL)', anp({ egress: [{ action: 'Deny', to: [{ networks: ['10.0.0.0/8'] }], ports: [{ namedPort: 'http' }] }] }), { field: `${E}.ports`, message: 'no named ports' }],
  ])('refuses %s', (_, policy, expected) => {
    expect(validateAdminNetworkPolicy(policy)).toContainEqual(expect.objectContaining({
      field: expected.field,
      severity: expected.severity ?? 'rejected',
      ...expected.message ? { message: expect.stringContaining(expected.message) } : {},
      ...expected.fix ? { fix: expect.stringContaining(expected.fix) } : {},
    }));
  });
});

describe('BaselineAdminNetworkPolicy (v1alpha1)', () => {
  test('accepts the singleton named default, Allow and Deny', () => {
    expect(validateBaselineAdminNetworkPolicy(banp({ ingress: [{ action: 'Allow', from: [{ namespaces: {} }] }, { action: 'Deny', from: [{ namespaces: {} }] }] }))).toEqual([]);
  });

  test('refuses another name', () => {
    expect(validateBaselineAdminNetworkPolicy(banp({}, { name: 'baseline' }))).toEqual([expect.objectContaining({
      field: 'metadata.name', value: 'baseline', severity: 'rejected', fix: 'set metadata.name: default',
    })]);
  });

  test('refuses Pass (nothing comes after the baseline) and a priority', () => {
    const problems = validateBaselineAdminNetworkPolicy(banp({ priority: 1, egress: [{ action: 'Pass', to: [{ namespaces: {} }] }] }));
    expect(problems.map(p => [p.field, p.severity])).toEqual([['spec.priority', 'rejected'], [`${E}.action`, 'rejected']]);
    expect(problems[1].fix).toContain('nothing to pass to');
  });
});

describe('which objects are cluster-scoped policies', () => {
  test.each<[unknown, string | undefined]>([
    [cnp(), 'ClusterNetworkPolicy'],
    [anp(), 'AdminNetworkPolicy'],
    [banp(), 'BaselineAdminNetworkPolicy'],
    [{ kind: 'ClusterNetworkPolicy' }, 'ClusterNetworkPolicy'],
    [{ ...cnp(), apiVersion: 'policy.networking.k8s.io/v1beta1' }, 'ClusterNetworkPolicy'],
    [{ ...cnp(), apiVersion: 'crd.projectcalico.org/v1' }, undefined],
    [{ kind: 'NetworkPolicy', apiVersion: 'networking.k8s.io/v1' }, undefined],
    [null, undefined],
  ])('%j', (obj, kind) => {
    expect(clusterPolicyKind(obj)).toBe(kind);
  });

  test('validateClusterScopedPolicy validates each kind by its own CRD, and nothing else', () => {
    expect(validateClusterScopedPolicy(anp({ tier: 'Admin' })).map(p => p.field)).toEqual(['spec.tier']);
    expect(validateClusterScopedPolicy({ ...cnp(), apiVersion: 'policy.networking.k8s.io/v2' }).map(p => p.field)).toEqual(['apiVersion']);
    expect(validateClusterScopedPolicy({ kind: 'NetworkPolicy', spec: 5 })).toEqual([]);
  });
});
