import { formatProblem, ValidationProblem } from '../../../src/analysis/validation/problem';
import { validateNetworkPolicy } from '../../../src/analysis/validation/validate-network-policy';

/** A valid policy with `spec` fields replaced or added. */
function policy(spec: Record<string, unknown> = {}, metadata: Record<string, unknown> = { name: 'np', namespace: 'shop' }): Record<string, unknown> {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata,
    spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'], ...spec },
  };
}

/** A policy whose only ingress rule has these peers and ports. */
function ingress(from?: unknown, ports?: unknown): Record<string, unknown> {
  return policy({ ingress: [{ ...from !== undefined ? { from } : {}, ...ports !== undefined ? { ports } : {} }] });
}

function peer(p: unknown): Record<string, unknown> {
  return ingress([p]);
}

function port(p: unknown): Record<string, unknown> {
  return ingress(undefined, [p]);
}

function ipBlock(cidr: unknown, except?: unknown): Record<string, unknown> {
  return peer({ ipBlock: { cidr, ...except !== undefined ? { except } : {} } });
}

function selector(s: unknown): Record<string, unknown> {
  return policy({ podSelector: s });
}

interface Expected {
  readonly field: string;
  readonly severity?: ValidationProblem['severity'];
  /** A part of the message. */
  readonly message?: string;
  /** A part of the fix. */
  readonly fix?: string;
}

const F = 'spec.ingress[0].from[0]';
const P = 'spec.ingress[0].ports[0]';

const rejected: Array<[string, unknown, Expected]> = [
  // the document and its type
  ['not an object', 5, { field: '(document)', message: 'must be an object' }],
  ['wrong apiVersion', { ...policy(), apiVersion: 'extensions/v1beta1' }, { field: 'apiVersion', fix: 'networking.k8s.io/v1' }],
  ['wrong kind', { ...policy(), kind: 'Networkpolicy' }, { field: 'kind' }],
  ['unknown top-level field', { ...policy(), specs: {} }, { field: 'specs', message: 'is not a known field' }],
  ['unknown spec field, with a suggestion', policy({ podselector: {} }), { field: 'spec.podselector', fix: 'did you mean podSelector?' }],
  ['a misspelt field: the closest known name', policy({ polcyTypes: [] }), { field: 'spec.polcyTypes', fix: 'did you mean policyTypes?' }],
  ['a misspelt peer field: closest first', policy({ ingress: [{ from: [{ ipBlok: { cidr: '10.0.0.0/8' } }] }] }), { field: `${F}.ipBlok`, fix: 'did you mean ipBlock?' }],
  ['`to` under ingress', policy({ ingress: [{ to: [{ podSelector: {} }] }] }), { field: 'spec.ingress[0].to', message: 'is not a known field' }],
  ['spec not an object', { ...policy(), spec: [] }, { field: 'spec', message: 'must be an object' }],
  ['ingress not a list', policy({ ingress: {} }), { field: 'spec.ingress', message: 'must be a list' }],
  ['rule not an object', policy({ egress: ['x'] }), { field: 'spec.egress[0]', message: 'must be an object' }],
  // §1.1 metadata
  ['no metadata', { ...policy(), metadata: undefined }, { field: 'metadata.name', message: 'is required' }],
  ['no name nor generateName', policy({}, { namespace: 'shop' }), { field: 'metadata.name', message: 'name or generateName is required' }],
  ['name not a string', policy({}, { name: 5 }), { field: 'metadata.name', message: 'must be a string' }],
  ['upper-case name', policy({}, { name: 'Allow-Web' }), { field: 'metadata.name', message: 'DNS-1123 subdomain', fix: 'allow-web' }],
  ['name ending in -', policy({}, { name: 'web-' }), { field: 'metadata.name' }],
  ['254-char name', policy({}, { name: 'a'.repeat(254) }), { field: 'metadata.name', message: 'more than the 253' }],
  ['generateName with two trailing -', policy({}, { generateName: 'np--' }), { field: 'metadata.generateName' }],
  ['namespace with a dot', policy({}, { name: 'np', namespace: 'my.ns' }), { field: 'metadata.namespace', message: 'DNS-1123 label' }],
  ['64-char namespace', policy({}, { name: 'np', namespace: 'a'.repeat(64) }), { field: 'metadata.namespace', message: 'more than the 63' }],
  ['label key with two /', policy({}, { name: 'np', labels: { 'a/b/c': 'x' } }), { field: 'metadata.labels', message: 'at most one \'/\'' }],
  ['label key with empty prefix', policy({}, { name: 'np', labels: { '/app': 'x' } }), { field: 'metadata.labels', message: 'prefix' }],
  ['label key with bad prefix', policy({}, { name: 'np', labels: { 'Example.com/app': 'x' } }), { field: 'metadata.labels', message: 'prefix' }],
  ['64-char label key name', policy({}, { name: 'np', labels: { ['a'.repeat(64)]: 'x' } }), { field: 'metadata.labels', message: 'more than 63' }],
  ['label value with a space', policy({}, { name: 'np', labels: { app: 'my app' } }), { field: 'metadata.labels', message: 'the value of app' }],
  ['64-char label value', policy({}, { name: 'np', labels: { app: 'a'.repeat(64) } }), { field: 'metadata.labels', message: 'more than 63' }],
  ['label value not a string', policy({}, { name: 'np', labels: { replicas: 3 } }), { field: 'metadata.labels', message: 'must be a string' }],
  ['annotations not a map', policy({}, { name: 'np', annotations: ['a'] }), { field: 'metadata.annotations', message: 'must be an object' }],
  ['annotation value not a string', policy({}, { name: 'np', annotations: { a: 1 } }), { field: 'metadata.annotations', message: 'must be a string' }],
  ['label key with an empty name', policy({}, { name: 'np', labels: { 'example.com/': 'x' } }), { field: 'metadata.labels', message: 'name part must not be empty' }],
  ['annotation key with a space', policy({}, { name: 'np', annotations: { 'my note': 'x' } }), { field: 'metadata.annotations' }],
  ['annotations over 256 KiB', policy({}, { name: 'np', annotations: { big: 'x'.repeat(256 * 1024) } }), { field: 'metadata.annotations', message: 'too long' }],
  ['unknown metadata field', policy({}, { name: 'np', label: {} }), { field: 'metadata.label', fix: 'labels' }],
  // §1.2 selectors
  ['matchLabels key invalid', selector({ matchLabels: { 'a b': 'x' } }), { field: 'spec.podSelector.matchLabels' }],
  ['matchLabels value invalid', selector({ matchLabels: { app: '-web' } }), { field: 'spec.podSelector.matchLabels' }],
  ['Gt operator', selector({ matchExpressions: [{ key: 'n', operator: 'Gt', values: ['1'] }] }),
    { field: 'spec.podSelector.matchExpressions[0].operator', message: 'not a valid selector operator (Gt and Lt exist only in node selectors)' }],
  ['lower-case operator', selector({ matchExpressions: [{ key: 'a', operator: 'in', values: ['x'] }] }), { field: 'spec.podSelector.matchExpressions[0].operator' }],
  ['In without values', selector({ matchExpressions: [{ key: 'a', operator: 'In' }] }), { field: 'spec.podSelector.matchExpressions[0].values', message: 'must be specified' }],
  ['NotIn with empty values', selector({ matchExpressions: [{ key: 'a', operator: 'NotIn', values: [] }] }), { field: 'spec.podSelector.matchExpressions[0].values', message: 'must be specified' }],
  ['Exists with values', selector({ matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] }), { field: 'spec.podSelector.matchExpressions[0].values', message: 'may not be specified' }],
  ['DoesNotExist with values', selector({ matchExpressions: [{ key: 'a', operator: 'DoesNotExist', values: ['x'] }] }), { field: 'spec.podSelector.matchExpressions[0].values', message: 'may not be specified' }],
  ['expression key invalid', selector({ matchExpressions: [{ key: 'a/b/c', operator: 'Exists' }] }), { field: 'spec.podSelector.matchExpressions[0].key' }],
  ['expression value invalid (since 1.26)', selector({ matchExpressions: [{ key: 'a', operator: 'In', values: ['ok', 'not ok'] }] }), { field: 'spec.podSelector.matchExpressions[0].values[1]' }],
  ['selector not an object', selector('app=web'), { field: 'spec.podSelector', message: 'must be an object' }],
  ['matchExpressions not a list', selector({ matchExpressions: { key: 'a' } }), { field: 'spec.podSelector.matchExpressions', message: 'must be a list' }],
  ['expression not an object', selector({ matchExpressions: ['a'] }), { field: 'spec.podSelector.matchExpressions[0]', message: 'must be an object' }],
  ['expression key missing', selector({ matchExpressions: [{ operator: 'Exists' }] }), { field: 'spec.podSelector.matchExpressions[0].key', message: 'must be a string' }],
  ['values not a list', selector({ matchExpressions: [{ key: 'a', operator: 'In', values: 'x' }] }), { field: 'spec.podSelector.matchExpressions[0].values', message: 'must be a list' }],
  ['a value not a string', selector({ matchExpressions: [{ key: 'a', operator: 'In', values: [1] }] }), { field: 'spec.podSelector.matchExpressions[0].values[0]', message: 'must be a string' }],
  ['peer namespaceSelector checked', peer({ namespaceSelector: { matchLabels: { 'a b': 'x' } } }), { field: `${F}.namespaceSelector.matchLabels` }],
  ['peer podSelector checked', peer({ podSelector: { matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] } }), { field: `${F}.podSelector.matchExpressions[0].values` }],
  // §1.3 ports
  ['lower-case protocol', port({ protocol: 'tcp', port: 80 }), { field: `${P}.protocol`, message: 'not a supported protocol' }],
  ['empty protocol', port({ protocol: '', port: 80 }), { field: `${P}.protocol` }],
  ['ICMP', port({ protocol: 'ICMP' }), { field: `${P}.protocol` }],
  ['port 0', port({ port: 0 }), { field: `${P}.port`, message: 'between 1 and 65535' }],
  ['port 65536', port({ port: 65536 }), { field: `${P}.port` }],
  ['negative port', port({ port: -1 }), { field: `${P}.port` }],
  ['fractional port', port({ port: 80.5 }), { field: `${P}.port` }],
  ['quoted number "80"', port({ port: '80' }), { field: `${P}.port`, message: 'at least one letter', fix: 'without quotes: 80' }],
  ['upper-case port name', port({ port: 'HTTP' }), { field: `${P}.port`, message: 'lower-case' }],
  ['16-char port name', port({ port: 'a'.repeat(16) }), { field: `${P}.port`, message: '1 to 15' }],
  ['port name with --', port({ port: 'a--b' }), { field: `${P}.port`, message: '--' }],
  ['port name starting with -', port({ port: '-http' }), { field: `${P}.port` }],
  ['port of another type', port({ port: true }), { field: `${P}.port`, message: 'a port number or a port name' }],
  ['endPort without port', port({ endPort: 90 }), { field: `${P}.endPort`, message: '`port` is not specified' }],
  ['endPort with a named port', port({ port: 'http', endPort: 90 }), { field: `${P}.endPort`, message: 'non-numeric' }],
  ['endPort below port', port({ port: 90, endPort: 80 }), { field: `${P}.endPort`, message: 'greater than or equal' }],
  ['endPort 65536', port({ port: 90, endPort: 65536 }), { field: `${P}.endPort`, message: 'between 1 and 65535' }],
  ['unknown port field', port({ port: 80, portName: 'x' }), { field: `${P}.portName` }],
  // §1.4 peers
  ['empty peer {}', peer({}), { field: F, message: 'must specify a peer' }],
  ['ipBlock with podSelector', peer({ podSelector: {}, ipBlock: { cidr: '10.0.0.0/8' } }), { field: F, message: 'may not specify both ipBlock and another peer' }],
  ['ipBlock with namespaceSelector', peer({ namespaceSelector: {}, ipBlock: { cidr: '10.0.0.0/8' } }), { field: F, message: 'may not specify both' }],
  ['peer not an object', ingress(['10.0.0.0/8']), { field: F, message: 'must be an object' }],
  ['from not a list', ingress({ podSelector: {} }), { field: 'spec.ingress[0].from', message: 'must be a list' }],
  ['endPort not a number', port({ port: 80, endPort: '90' }), { field: `${P}.endPort` }],
  ['ports not a list', ingress(undefined, { port: 80 }), { field: 'spec.ingress[0].ports', message: 'must be a list' }],
  ['port not an object', ingress(undefined, [80]), { field: `${P}`, message: 'must be an object' }],
  // §1.5 ipBlock
  ['ipBlock not an object', peer({ ipBlock: '10.0.0.0/8' }), { field: `${F}.ipBlock`, message: 'must be an object' }],
  ['cidr missing', peer({ ipBlock: {} }), { field: `${F}.ipBlock.cidr`, message: 'is required' }],
  ['bare IP', ipBlock('10.0.0.1'), { field: `${F}.ipBlock.cidr`, message: 'without a prefix length', fix: '10.0.0.1/32' }],
  ['garbage', ipBlock('ten/8'), { field: `${F}.ipBlock.cidr`, message: 'not a valid CIDR' }],
  ['IPv4 prefix 33', ipBlock('10.0.0.0/33'), { field: `${F}.ipBlock.cidr`, message: 'more than 32' }],
  ['IPv6 prefix 129', ipBlock('2001:db8::/129'), { field: `${F}.ipBlock.cidr`, message: 'more than 128' }],
  ['IPv6 zone', ipBlock('fe80::%eth0/64'), { field: `${F}.ipBlock.cidr`, message: 'zone' }],
  ['octet over 255', ipBlock('10.0.0.256/32'), { field: `${F}.ipBlock.cidr` }],
  ['leading zero in an octet', ipBlock('010.0.0.0/8'), { field: `${F}.ipBlock.cidr`, message: 'leading 0s', fix: '10.0.0.0/8' }],
  ['leading zero in the prefix', ipBlock('10.0.0.0/08'), { field: `${F}.ipBlock.cidr`, message: 'leading 0s', fix: '10.0.0.0/8' }],
  ['IPv4-mapped IPv6', ipBlock('::ffff:10.0.0.0/104'), { field: `${F}.ipBlock.cidr`, message: 'IPv4-mapped', fix: '10.0.0.0/8' }],
  ['bits beyond the prefix (both fixes)', ipBlock('10.0.0.1/8'), { field: `${F}.ipBlock.cidr`, message: 'bits set beyond the /8 prefix', fix: '10.0.0.0/8 (the whole network) or 10.0.0.1/32' }],
  ['IPv6 bits beyond the prefix', ipBlock('2001:db8::1/64'), { field: `${F}.ipBlock.cidr`, fix: '2001:db8::/64 (the whole network) or 2001:db8::1/128' }],
  ['cidr not a string', ipBlock(10), { field: `${F}.ipBlock.cidr`, message: 'must be a string' }],
  ['except equal to cidr', ipBlock('10.0.0.0/8', ['10.0.0.0/8']), { field: `${F}.ipBlock.except[0]`, message: 'strict subset' }],
  ['except a supernet', ipBlock('10.0.0.0/16', ['10.0.0.0/8']), { field: `${F}.ipBlock.except[0]`, message: 'strict subset' }],
  ['except outside cidr', ipBlock('10.0.0.0/8', ['11.0.0.0/16']), { field: `${F}.ipBlock.except[0]`, message: 'strict subset' }],
  ['except of the other family', ipBlock('0.0.0.0/0', ['::/1']), { field: `${F}.ipBlock.except[0]`, message: 'IPv6' }],
  ['except not canonical', ipBlock('10.0.0.0/8', ['10.1.0.1/16']), { field: `${F}.ipBlock.except[0]`, message: 'bits set beyond' }],
  ['except not a list', ipBlock('10.0.0.0/8', '10.1.0.0/16'), { field: `${F}.ipBlock.except`, message: 'must be a list' }],
  // §1.6 policyTypes
  ['three policyTypes', policy({ policyTypes: ['Ingress', 'Egress', 'Ingress'] }), { field: 'spec.policyTypes', message: 'more than two' }],
  ['lower-case policy type', policy({ policyTypes: ['ingress'] }), { field: 'spec.policyTypes[0]', message: 'not a supported policy type' }],
  ['policyTypes not a list', policy({ policyTypes: 'Ingress' }), { field: 'spec.policyTypes', message: 'must be a list' }],
];

const traps: Array<[string, unknown, Expected]> = [
  ['from: [] (everyone, not nobody)', ingress([]), { field: 'spec.ingress[0].from', message: 'allow from everyone' }],
  ['to: [] (everyone, not nobody)', policy({ egress: [{ to: [] }] }), { field: 'spec.egress[0].to', message: 'allow to everyone' }],
  ['duplicate policyTypes', policy({ policyTypes: ['Ingress', 'Ingress'] }), { field: 'spec.policyTypes[1]', message: 'listed twice' }],
  ['egress rules under policyTypes [Ingress]', policy({ policyTypes: ['Ingress'], egress: [{}] }), { field: 'spec.egress', message: 'Kubernetes ignores them' }],
  ['ingress rules under policyTypes [Egress]', policy({ policyTypes: ['Egress'], ingress: [{}] }), { field: 'spec.ingress', message: 'does not include Ingress' }],
  ['named port with an ipBlock peer', ingress([{ ipBlock: { cidr: '10.0.0.0/8' } }], [{ port: 'http' }]), { field: `${P}.port`, message: 'named port', fix: 'port number' }],
];

const accepted: Array<[string, unknown]> = [
  // The API server refuses only a non-empty list with these operators.
  ['Exists with values: []', selector({ matchExpressions: [{ key: 'a', operator: 'Exists', values: [] }] })],
  ['DoesNotExist with values: []', selector({ matchExpressions: [{ key: 'a', operator: 'DoesNotExist', values: [] }] })],
  ['DoesNotExist with values: null', selector({ matchExpressions: [{ key: 'a', operator: 'DoesNotExist', values: null }] })],
  ['the docs\' test-network-policy', {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'test-network-policy', namespace: 'default' },
    spec: {
      podSelector: { matchLabels: { role: 'db' } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{
        from: [
          { ipBlock: { cidr: '172.17.0.0/16', except: ['172.17.1.0/24'] } },
          { namespaceSelector: { matchLabels: { project: 'myproject' } } },
          { podSelector: { matchLabels: { role: 'frontend' } } },
        ],
        ports: [{ protocol: 'TCP', port: 6379 }],
      }],
      egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/24' } }], ports: [{ protocol: 'TCP', port: 5978 }] }],
    },
  }],
  ['no namespace, generateName with trailing -', policy({}, { generateName: 'np-' })],
  ['253-char name of dotted labels', policy({}, { name: `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}` })],
  ['empty label value', policy({}, { name: 'np', labels: { flag: '' } })],
  ['prefixed label key, mixed case name', policy({}, { name: 'np', labels: { 'app.kubernetes.io/Name': 'Web_1.0' } })],
  ['upper-case annotation key (lower-cased first)', policy({}, { name: 'np', annotations: { 'Example.com/Owner': 'Team A, room 2' } })],
  ['kubectl status and server fields', { ...policy({}, { name: 'np', uid: 'x', resourceVersion: '1' }), status: {} }],
  ['empty podSelector', selector({})],
  ['no spec at all', { ...policy(), spec: undefined }],
  ['every operator', selector({
    matchExpressions: [
      { key: 'a', operator: 'In', values: ['x', ''] },
      { key: 'b', operator: 'NotIn', values: ['y'] },
      { key: 'example.com/c', operator: 'Exists' },
      { key: 'd', operator: 'DoesNotExist' },
    ],
  })],
  ['port 1 and 65535', ingress(undefined, [{ port: 1 }, { port: 65535 }])],
  ['protocol omitted (TCP)', port({ port: 80 })],
  ['SCTP', port({ protocol: 'SCTP', port: 9000 })],
  ['protocol only (every port of it)', port({ protocol: 'UDP' })],
  ['port name dns-tcp', port({ port: 'dns-tcp', protocol: 'TCP' })],
  ['15-char port name', port({ port: 'a'.repeat(15) })],
  ['endPort equal to port', port({ port: 32000, endPort: 32000 })],
  ['endPort range', port({ protocol: 'TCP', port: 32000, endPort: 32768 })],
  ['podSelector: {} peer', peer({ podSelector: {} })],
  ['namespaceSelector: {} peer', peer({ namespaceSelector: {} })],
  ['namespace AND pods in one peer', peer({ namespaceSelector: { matchLabels: { team: 'ops' } }, podSelector: { matchLabels: { type: 'monitoring' } } })],
  ['no from (everyone, on purpose)', ingress(undefined, [{ port: 80 }])],
  ['ingress: [{}] allows all', policy({ ingress: [{}] })],
  ['0.0.0.0/0 with except', ipBlock('0.0.0.0/0', ['10.0.0.0/8', '192.168.0.0/16'])],
  ['IPv6 canonical', ipBlock('2001:db8::/32', ['2001:db8:1::/48'])],
  ['IPv6 ::/0', ipBlock('::/0')],
  ['IPv6 upper-case / uncompressed (a warning only)', ipBlock('2001:DB8:0:0::/64')],
  ['a /32 host', ipBlock('10.0.0.1/32')],
  ['named port with a pod peer', ingress([{ podSelector: {} }], [{ port: 'http' }])],
  ['policyTypes omitted', { ...policy(), spec: { podSelector: {}, egress: [{}] } }],
  ['single policy type', policy({ policyTypes: ['Egress'], egress: [] })],
  ['null fields read as absent', policy({ ingress: null, egress: [{ to: null, ports: null }] })],
];

describe('validateNetworkPolicy', () => {
  test.each(rejected)('rejects %s', (_name, manifest, expected) => {
    expectProblem(manifest, { severity: 'rejected', ...expected });
  });

  test.each(traps)('flags the trap %s', (_name, manifest, expected) => {
    expectProblem(manifest, { severity: 'trap', ...expected });
  });

  test.each(accepted)('accepts %s', (_name, manifest) => {
    expect(validateNetworkPolicy(manifest).map(formatProblem)).toEqual([]);
  });

  test('renders values plainly: strings as they are, others as JSON, empty strings quoted', () => {
    expect(validateNetworkPolicy(ipBlock('10.0.0.1/8'))[0].value).toBe('10.0.0.1/8');
    expect(validateNetworkPolicy(port({ port: 0 }))[0].value).toBe('0');
    expect(validateNetworkPolicy(port({ protocol: '' }))[0].value).toBe('""');
    expect(validateNetworkPolicy(peer({}))[0].value).toBe('{}');
  });

  test('reports every problem in document order, never throws on odd shapes', () => {
    const problems = validateNetworkPolicy(policy({
      ingress: [{ from: [{}, { ipBlock: { cidr: '10.0.0.1/8' } }], ports: [{ port: 0 }] }],
      egress: 'all',
      policyTypes: [1, 'Egress'],
    }));
    expect(problems.map(p => p.field)).toEqual([
      'spec.ingress[0].from[0]',
      'spec.ingress[0].from[1].ipBlock.cidr',
      'spec.ingress[0].ports[0].port',
      'spec.egress',
      'spec.policyTypes[0]',
    ]);
    for (const odd of [null, [], 'NetworkPolicy', { spec: 'x' }, { metadata: [], spec: { ingress: [null] } }]) {
      expect(() => validateNetworkPolicy(odd)).not.toThrow();
      expect(validateNetworkPolicy(odd).length).toBeGreaterThan(0);
    }
  });

  test('a problem of an expression names the label key it is about, which its field path does not', () => {
    const expression = (e: Record<string, unknown>) => validateNetworkPolicy(selector({ matchExpressions: [{ key: 'app', ...e }] })).map(formatProblem);
    expect(expression({ operator: 'In', values: [] })).toEqual([
      'spec.podSelector.matchExpressions[0].values: [] (for key app) must be specified when operator is In; list at least one value',
    ]);
    expect(expression({ operator: 'Exists', values: ['x'] })[0]).toContain('(for key app) may not be specified when operator is Exists');
    expect(expression({ operator: 'in', values: ['x'] })[0]).toContain('(for key app) is not a valid selector operator');
    expect(expression({ operator: 'In', values: ['-x'] })[0]).toMatch(/values\[0\]: -x is not a valid label value.* \(a value for key app\); /);
    // No key to name: the message stays whole.
    expect(validateNetworkPolicy(selector({ matchExpressions: [{ operator: 'In', values: [] }] })).map(formatProblem)[1])
      .toBe('spec.podSelector.matchExpressions[0].values: [] must be specified when operator is In; list at least one value');
  });

  test('formats a problem as field: value message; fix', () => {
    const [problem] = validateNetworkPolicy(ipBlock('10.0.0.1/8'));
    expect(formatProblem(problem)).toBe(
      'spec.ingress[0].from[0].ipBlock.cidr: 10.0.0.1/8 has bits set beyond the /8 prefix, so it is ambiguous; use 10.0.0.0/8 (the whole network) or 10.0.0.1/32 (this one address)');
  });
});

function expectProblem(manifest: unknown, expected: Expected): void {
  const problems = validateNetworkPolicy(manifest);
  const match = problems.find(p => p.field === expected.field);
  expect({ problems: problems.map(formatProblem), found: match !== undefined }).toEqual({ problems: expect.anything(), found: true });
  expect(match!.severity).toBe(expected.severity);
  if (expected.message) {
    expect(match!.message).toContain(expected.message);
  }
  if (expected.fix) {
    expect(match!.fix).toContain(expected.fix);
  }
  expect(match!.fix.length).toBeGreaterThan(0);
}
