import { BASELINE_NAME, BASELINE_PRIORITY, MigrationError, migrateManifests } from '../../src/migrate';

const V1 = 'policy.networking.k8s.io/v1alpha1';

function anp(spec: object, name = 'anp'): object {
  return { apiVersion: V1, kind: 'AdminNetworkPolicy', metadata: { name }, spec };
}

function banp(spec: object, name = 'default'): object {
  return { apiVersion: V1, kind: 'BaselineAdminNetworkPolicy', metadata: { name }, spec };
}

const ALL = { namespaces: {} };

/** The one migrated object of the input. */
function migrated(object: object): any {
  return migrateManifests([object]).objects[0];
}

/** The field and reason of the refusal. */
function refusal(...objects: object[]): MigrationError {
  try {
    migrateManifests(objects);
  } catch (error) {
    if (error instanceof MigrationError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('AdminNetworkPolicy → ClusterNetworkPolicy, tier Admin', () => {
  test('keeps name, labels and priority; Allow → Accept, Deny and Pass as written, rules in order', () => {
    const out = migrated({
      ...anp({
        priority: 42,
        subject: { pods: { namespaceSelector: { matchLabels: { team: 'a' } }, podSelector: { matchLabels: { app: 'x' } } } },
        ingress: [
          { name: 'ok', action: 'Allow', from: [ALL] },
          { action: 'Pass', from: [{ pods: { namespaceSelector: {}, podSelector: { matchLabels: { app: 'y' } } } }] },
          { action: 'Deny', from: [ALL] },
        ],
      }),
      metadata: { name: 'anp', labels: { owner: 'me' }, uid: 'u-1', resourceVersion: '7', annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}' } },
      status: { conditions: [] },
    });
    expect(out).toEqual({
      apiVersion: 'policy.networking.k8s.io/v1alpha2',
      kind: 'ClusterNetworkPolicy',
      metadata: { name: 'anp', labels: { owner: 'me' } },
      spec: {
        tier: 'Admin',
        priority: 42,
        subject: { pods: { namespaceSelector: { matchLabels: { team: 'a' } }, podSelector: { matchLabels: { app: 'x' } } } },
        ingress: [
          { name: 'ok', action: 'Accept', from: [ALL] },
          { action: 'Pass', from: [{ pods: { namespaceSelector: {}, podSelector: { matchLabels: { app: 'y' } } } }] },
          { action: 'Deny', from: [ALL] },
        ],
      },
    });
  });

  test('egress peers: namespaces, pods, networks, nodes and domainNames keep their names and values', () => {
    const to = [
      { namespaces: { matchExpressions: [{ key: 'k', operator: 'In', values: ['v'] }] } },
      { pods: { namespaceSelector: {}, podSelector: {} } },
      { networks: ['10.0.0.0/8', 'fd00::/8'] },
      { nodes: { matchLabels: { role: 'control-plane' } } },
    ];
    const out = migrated(anp({ priority: 1, subject: ALL, egress: [{ action: 'Deny', to }, { action: 'Allow', to: [{ domainNames: ['*.example.com'] }] }] }));
    expect(out.spec.egress).toEqual([{ action: 'Deny', to }, { action: 'Accept', to: [{ domainNames: ['*.example.com'] }] }]);
    expect(out.spec.ingress).toBeUndefined();
  });

  test('ports → protocols: portNumber and portRange per protocol (TCP by default), namedPort → destinationNamedPort', () => {
    const out = migrated(anp({
      priority: 1,
      subject: ALL,
      ingress: [{
        action: 'Allow',
        from: [ALL],
        ports: [
          { portNumber: { port: 80 } },
          { portNumber: { protocol: 'UDP', port: 53 } },
          { portRange: { protocol: 'SCTP', start: 9000, end: 9005 } },
          { portRange: { start: 8080, end: 8080 } },
          { namedPort: 'http' },
        ],
      }],
    }));
    expect(out.spec.ingress[0].protocols).toEqual([
      { tcp: { destinationPort: { number: 80 } } },
      { udp: { destinationPort: { number: 53 } } },
      { sctp: { destinationPort: { range: { start: 9000, end: 9005 } } } },
      // v1alpha2 requires start < end: a one-port range is that port.
      { tcp: { destinationPort: { number: 8080 } } },
      { destinationNamedPort: 'http' },
    ]);
  });

  test('an empty list of rules is no rules, in both versions', () => {
    expect(migrated(anp({ priority: 1, subject: ALL, ingress: [], egress: [{ action: 'Deny', to: [ALL] }] })).spec).toEqual({
      tier: 'Admin', priority: 1, subject: ALL, egress: [{ action: 'Deny', to: [ALL] }],
    });
  });

  test('the output shares no object with the input', () => {
    const selector = { matchLabels: { a: 'b' } };
    const out = migrated(anp({ priority: 1, subject: { namespaces: selector } }));
    expect(out.spec.subject.namespaces).toEqual(selector);
    expect(out.spec.subject.namespaces).not.toBe(selector);
  });
});

describe('BaselineAdminNetworkPolicy → ClusterNetworkPolicy, tier Baseline', () => {
  test(`"default" becomes "${BASELINE_NAME}" at priority ${BASELINE_PRIORITY}`, () => {
    const out = migrated(banp({ subject: ALL, ingress: [{ action: 'Deny', from: [ALL] }], egress: [{ action: 'Allow', to: [ALL] }] }));
    expect(out.metadata).toEqual({ name: BASELINE_NAME });
    expect(out.spec).toEqual({
      tier: 'Baseline',
      priority: BASELINE_PRIORITY,
      subject: ALL,
      ingress: [{ action: 'Deny', from: [ALL] }],
      egress: [{ action: 'Accept', to: [ALL] }],
    });
  });

  test('Pass, which a BaselineAdminNetworkPolicy never had, is refused', () => {
    expect(refusal(banp({ subject: ALL, ingress: [{ action: 'Pass', from: [ALL] }] })).field).toBe('spec.ingress[0].action');
  });

  test('another name than "default" (the server never accepted it) is refused', () => {
    expect(refusal(banp({ subject: ALL }, 'mine')).reason).toMatch(/must be named "default"/);
  });
});

describe('other objects', () => {
  test('pass through as the same objects, in their place; List items are migrated in place', () => {
    const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } };
    const cnp = { apiVersion: 'policy.networking.k8s.io/v1alpha2', kind: 'ClusterNetworkPolicy', metadata: { name: 'x' }, spec: { tier: 'Admin', priority: 3, subject: ALL } };
    const anpV2 = { ...anp({ priority: 1, subject: ALL }), apiVersion: 'policy.networking.k8s.io/v1alpha2' };
    const list = { apiVersion: 'v1', kind: 'List', items: [anp({ priority: 5, subject: ALL }, 'in-list'), ns] };
    const result = migrateManifests([ns, list, cnp, anpV2]);
    expect(result.objects[0]).toBe(ns);
    expect(result.objects[2]).toBe(cnp);
    expect(result.objects[3]).toBe(anpV2);
    const items = (result.objects[1] as any).items;
    expect(items[0]).toMatchObject({ kind: 'ClusterNetworkPolicy', metadata: { name: 'in-list' }, spec: { priority: 5 } });
    expect(items[1]).toBe(ns);
    expect(result).toMatchObject({ adminPolicies: 1, baselinePolicies: 0, unchanged: 4 });
  });

  test('a typed AdminNetworkPolicyList becomes a v1 List, which kubectl reads for any kind', () => {
    const typed = { apiVersion: V1, kind: 'AdminNetworkPolicyList', metadata: { resourceVersion: '1' }, items: [anp({ priority: 5, subject: ALL })] };
    expect(migrateManifests([typed]).objects[0]).toMatchObject({ apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '1' }, items: [{ kind: 'ClusterNetworkPolicy' }] });
  });
});

describe('what v1alpha2 cannot say the same way is refused, naming the field', () => {
  test.each([
    ['sameLabels', { namespaces: { sameLabels: ['tenant'] } }, 'spec.ingress[0].from[0].namespaces.sameLabels', /no v1alpha2 equivalent/],
    ['notSameLabels as a peer', { notSameLabels: ['tenant'] }, 'spec.ingress[0].from[0].notSameLabels', /no v1alpha2 equivalent/],
    ['v0.1.0 NamespaceSet', { namespaces: { namespaceSelector: {} } }, 'spec.ingress[0].from[0].namespaces.namespaceSelector', /select every namespace/],
    ['v0.1.0 namespacedPods', { namespacedPods: {} }, 'spec.ingress[0].from[0].namespacedPods', /write `pods`/],
    ['networks in ingress', { networks: ['10.0.0.0/8'] }, 'spec.ingress[0].from[0].networks', /not a field/],
    ['two fields in one peer', { namespaces: {}, pods: { namespaceSelector: {}, podSelector: {} } }, 'spec.ingress[0].from[0]', /exactly one/],
    ['pods without podSelector', { pods: { namespaceSelector: {} } }, 'spec.ingress[0].from[0].pods.podSelector', /found nothing/],
  ])('%s', (_what, peer, field, reason) => {
    const error = refusal(anp({ priority: 1, subject: ALL, ingress: [{ action: 'Deny', from: [peer] }] }));
    expect(error.field).toBe(field);
    expect(error.reason).toMatch(reason);
    expect(error.objectIndex).toBe(0);
  });

  test.each([
    ['an unknown port protocol', { portNumber: { protocol: 'ICMP', port: 1 } }, 'spec.ingress[0].ports[0].portNumber.protocol'],
    ['a port out of range', { portNumber: { port: 0 } }, 'spec.ingress[0].ports[0].portNumber.port'],
    ['a reversed range', { portRange: { start: 90, end: 80 } }, 'spec.ingress[0].ports[0].portRange.end'],
    ['an unknown port field', { allPorts: true }, 'spec.ingress[0].ports[0].allPorts'],
  ])('%s', (_what, port, field) => {
    expect(refusal(anp({ priority: 1, subject: ALL, ingress: [{ action: 'Deny', from: [ALL], ports: [port] }] })).field).toBe(field);
  });

  test('an empty ports list (v1alpha2 has no such thing, and "no port" is not "every port")', () => {
    expect(refusal(anp({ priority: 1, subject: ALL, ingress: [{ action: 'Deny', from: [ALL], ports: [] }] })).field).toBe('spec.ingress[0].ports');
  });

  test('more than 25 rules, peers or ports (v0.1.x allowed 100)', () => {
    const many = <T>(x: T) => Array.from({ length: 26 }, () => x);
    expect(refusal(anp({ priority: 1, subject: ALL, egress: many({ action: 'Deny', to: [ALL] }) })).reason).toMatch(/at most 25 egress rules/);
    expect(refusal(anp({ priority: 1, subject: ALL, egress: [{ action: 'Deny', to: many(ALL) }] })).field).toBe('spec.egress[0].to');
    expect(refusal(anp({ priority: 1, subject: ALL, egress: [{ action: 'Deny', to: [ALL], ports: many({ namedPort: 'x' }) }] })).field).toBe('spec.egress[0].ports');
  });

  test('a named port next to a networks peer (v1alpha2 rejects it)', () => {
    const error = refusal(anp({ priority: 1, subject: ALL, egress: [{ action: 'Allow', to: [ALL, { networks: ['10.0.0.0/8'] }], ports: [{ portNumber: { port: 1 } }, { namedPort: 'dns' }] }] }));
    expect(error.field).toBe('spec.egress[0].ports[1].namedPort');
    expect(error.reason).toMatch(/networks peer/);
  });

  test('domainNames in a Deny rule', () => {
    expect(refusal(anp({ priority: 1, subject: ALL, egress: [{ action: 'Deny', to: [{ domainNames: ['a.example.com'] }] }] })).field).toBe('spec.egress[0].action');
  });

  test.each([
    ['a missing priority', { subject: ALL }, 'spec.priority'],
    ['a priority over 1000', { priority: 1001, subject: ALL }, 'spec.priority'],
    ['a pre-v0.1.0 subject', { priority: 1, subject: { namespaceSelector: {} } }, 'spec.subject.namespaceSelector'],
    ['an unknown spec field', { priority: 1, subject: ALL, tier: 'Admin' }, 'spec.tier'],
    ['an unknown action', { priority: 1, subject: ALL, ingress: [{ action: 'Accept', from: [ALL] }] }, 'spec.ingress[0].action'],
  ])('%s', (_what, spec, field) => {
    expect(refusal(anp(spec)).field).toBe(field);
  });

  test('two objects that would share a name, at the second, with the index of its object', () => {
    const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } };
    const existing = { apiVersion: 'policy.networking.k8s.io/v1alpha2', kind: 'ClusterNetworkPolicy', metadata: { name: 'dup' }, spec: {} };
    const error = refusal(existing, ns, anp({ priority: 1, subject: ALL }, 'dup'));
    expect(error).toMatchObject({ field: 'metadata.name', objectIndex: 2 });
    expect(error.reason).toMatch(/AdminNetworkPolicy dup would be a ClusterNetworkPolicy named "dup", as the ClusterNetworkPolicy dup already is/);
    expect(refusal(anp({ priority: 1, subject: ALL }, BASELINE_NAME), banp({ subject: ALL })).reason).toMatch(/BaselineAdminNetworkPolicy always becomes/);
  });

  test('a BaselineAdminNetworkPolicy next to Baseline ClusterNetworkPolicies (no API orders them), at the first of those', () => {
    const cnp = (name: string, tier: string) => ({ apiVersion: 'policy.networking.k8s.io/v1alpha2', kind: 'ClusterNetworkPolicy', metadata: { name }, spec: { tier, priority: 5 } });
    const error = refusal(cnp('admin', 'Admin'), banp({ subject: ALL }), cnp('late', 'Baseline'));
    expect(error).toMatchObject({ field: 'spec.tier', objectIndex: 2 });
    expect(error.reason).toMatch(/no API orders against each other/);
    expect(migrateManifests([banp({ subject: ALL }), cnp('admin', 'Admin')]).baselinePolicies).toBe(1);
    expect(migrateManifests([cnp('late', 'Baseline')]).unchanged).toBe(1);
  });

  test('an item of a List: the field path starts at the List', () => {
    const list = { apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'Namespace' }, anp({ subject: ALL })] };
    expect(refusal(list)).toMatchObject({ field: 'items[1].spec.priority', objectIndex: 0 });
  });
});
