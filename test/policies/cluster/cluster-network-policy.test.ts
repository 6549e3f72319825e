import { App, Chart, JsonPatch, Testing } from 'cdk8s';
import {
  ClusterAction, ClusterNetworkPolicy, ClusterNetworkPolicyProps, ClusterPeer, ClusterSubject, ClusterTier, LabelExpression,
  NamespaceSelector, PodSelector, Port,
} from '../../../src';
import { validateClusterNetworkPolicy } from '../../../src/analysis/validation/validate-cluster-network-policy';
import { errorOf, makeChart, synth } from '../helpers';

const EVERY_POD = ClusterSubject.namespaces(NamespaceSelector.all());

function guard(props: Partial<ClusterNetworkPolicyProps> = {}): ClusterNetworkPolicyProps {
  return { tier: ClusterTier.ADMIN, priority: 5, subject: EVERY_POD, ...props };
}

function only(chart: Chart): any {
  const objects = synth(chart);
  expect(objects).toHaveLength(1);
  return objects[0];
}

describe('ClusterNetworkPolicy', () => {
  test('writes tier, priority, subject and ordered rules with peers and ports', () => {
    const chart = makeChart();
    new ClusterNetworkPolicy(chart, 'guard', guard({
      name: 'tenant-a-guard',
      subject: ClusterSubject.pods(NamespaceSelector.labels({ tenant: 'a' }), PodSelector.labels({ app: 'web' })),
      ingress: [
        { name: 'from-b', action: ClusterAction.DENY, peers: [ClusterPeer.namespaces(NamespaceSelector.labels({ tenant: 'b' }))] },
        { action: ClusterAction.ACCEPT, peers: [ClusterPeer.pods(NamespaceSelector.named('ingress-nginx'), PodSelector.all())], ports: [Port.tcp(8080), Port.named('metrics')] },
      ],
      egress: [
        { action: ClusterAction.PASS, peers: [ClusterPeer.namespaces(NamespaceSelector.of({ expressions: [LabelExpression.exists('tenant')] }))] },
        { action: ClusterAction.DENY, peers: [ClusterPeer.networks('10.0.0.0/8', '2001:db8::/32')], ports: [Port.udpRange(1000, 2000), Port.allSctp()] },
      ],
    }));
    const policy = only(chart);
    expect(policy).toMatchSnapshot();
    expect(policy).toEqual({
      apiVersion: 'policy.networking.k8s.io/v1alpha2',
      kind: 'ClusterNetworkPolicy',
      metadata: { name: 'tenant-a-guard' },
      spec: {
        tier: 'Admin',
        priority: 5,
        subject: { pods: { namespaceSelector: { matchLabels: { tenant: 'a' } }, podSelector: { matchLabels: { app: 'web' } } } },
        ingress: [
          { name: 'from-b', action: 'Deny', from: [{ namespaces: { matchLabels: { tenant: 'b' } } }] },
          {
            action: 'Accept',
            from: [{ pods: { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } }, podSelector: {} } }],
            protocols: [{ tcp: { destinationPort: { number: 8080 } } }, { destinationNamedPort: 'metrics' }],
          },
        ],
        egress: [
          { action: 'Pass', to: [{ namespaces: { matchExpressions: [{ key: 'tenant', operator: 'Exists' }] } }] },
          {
            action: 'Deny',
            to: [{ networks: ['10.0.0.0/8', '2001:db8::/32'] }],
            // Every SCTP port: the CRD refuses `sctp: {}`, so it is the whole range.
            protocols: [
              { udp: { destinationPort: { range: { start: 1000, end: 2000 } } } },
              { sctp: { destinationPort: { range: { start: 1, end: 65535 } } } },
            ],
          },
        ],
      },
    });
    expect(validateClusterNetworkPolicy(policy)).toEqual([]);
  });

  test('cluster-scoped: no metadata.namespace, even in a chart with a namespace; the chart\'s labels stay', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'platform', { namespace: 'shop', labels: { team: 'platform' } });
    const policy = new ClusterNetworkPolicy(chart, 'guard', guard());
    const [written] = Testing.synth(chart);
    expect(written.metadata).toEqual({ name: policy.name, labels: { team: 'platform' } });
    expect(app.synthYaml()).not.toContain('namespace: shop');
  });

  test('a name cdk8s generates from the path, unique in the app', () => {
    const chart = makeChart();
    const policy = new ClusterNetworkPolicy(chart, 'guard', guard());
    expect(policy.name).toMatch(/^test-guard-[0-9a-f]{8}$/);
    expect(only(chart).metadata.name).toBe(policy.name);
  });

  describe('refuses what the API server would, naming the construct path, field, value and fix', () => {
    test.each<[string, Partial<ClusterNetworkPolicyProps>, string]>([
      ['priority above 1000', { priority: 1001 },
        'ClusterNetworkPolicy test/bad: spec.priority: 1001 must be between 0 and 1000, inclusive; use a priority from 0 (first) to 1000 (last)'],
      ['a fractional priority', { priority: 2.5 },
        'ClusterNetworkPolicy test/bad: spec.priority: 2.5 must be an integer; use a priority from 0 (first) to 1000 (last)'],
      ['networks on ingress', { ingress: [{ action: ClusterAction.DENY, peers: [ClusterPeer.networks('169.254.169.254/32')] }] },
        'ClusterNetworkPolicy test/bad: spec.ingress[0].from[0].networks: networks is a peer for egress only: an ingress rule\'s from takes only namespaces and pods; '
        + 'move it to an egress rule (to), or name the sources with namespaces or pods'],
      ['no peers', { egress: [{ action: ClusterAction.DENY, peers: [] }] },
        'ClusterNetworkPolicy test/bad: spec.egress[0].to: [] must have at least 1 item; list at least one peer (namespaces: {} for every pod)'],
      ['an empty port list (not read as every port)', { egress: [{ action: ClusterAction.DENY, peers: [ClusterPeer.namespaces(NamespaceSelector.all())], ports: [] }] },
        'ClusterNetworkPolicy test/bad: spec.egress[0].protocols: [] must have at least 1 item; list at least one port, or remove \'protocols\' to match every port'],
      ['an ambiguous CIDR', { egress: [{ action: ClusterAction.DENY, peers: [ClusterPeer.networks('10.0.0.1/8')] }] },
        'ClusterNetworkPolicy test/bad: spec.egress[0].to[0].networks[0]: 10.0.0.1/8 has bits set beyond the /8 prefix, so it is ambiguous; use 10.0.0.0/8 (the whole network) or 10.0.0.1/32 (this one address)'],
      ['a named port to networks (CEL)', { egress: [{ action: ClusterAction.DENY, peers: [ClusterPeer.networks('10.0.0.0/8')], ports: [Port.named('http')] }] },
        'ClusterNetworkPolicy test/bad: spec.egress[0].protocols: destinationNamedPort names a port in a rule with a networks, nodes or domainNames peer, which have no named ports; '
        + 'use port numbers, or split the rule: the named port for the pod peers, numbers for the others'],
      ['a rule name over 100 characters', { egress: [{ name: 'n'.repeat(101), action: ClusterAction.DENY, peers: [ClusterPeer.namespaces(NamespaceSelector.all())] }] },
        `ClusterNetworkPolicy test/bad: spec.egress[0].name: ${'n'.repeat(101)} is 101 characters long, more than the 100 a rule name may have; shorten it to at most 100 characters`],
      ['26 rules', { ingress: Array.from({ length: 26 }, () => ({ action: ClusterAction.DENY, peers: [ClusterPeer.namespaces(NamespaceSelector.all())] })) },
        'ClusterNetworkPolicy test/bad: spec.ingress: 26 items must have at most 25 items; split the rules into several rules or policies of at most 25'],
      ['an invalid label', { subject: ClusterSubject.namespaces(NamespaceSelector.labels({ tenant: 'a b' })) },
        'ClusterNetworkPolicy test/bad: spec.subject.namespaces.matchLabels: a b (the value of tenant) '],
    ])('%s', (_, props, message) => {
      const chart = makeChart();
      expect(errorOf(() => new ClusterNetworkPolicy(chart, 'bad', guard(props)))).toContain(message);
      // Nothing invalid is left in the tree for a caller that catches the error.
      expect(chart.node.tryFindChild('bad')).toBeUndefined();
    });

    test('an invalid name', () => {
      expect(errorOf(() => new ClusterNetworkPolicy(makeChart(), 'bad', guard({ name: 'Guard' })))).toMatch(
        /^ClusterNetworkPolicy test\/bad: metadata.name: Guard is not a DNS-1123 subdomain .*; use a name like guard$/);
    });
  });

  test('a name taken by another cluster policy of the app, in another chart, is refused', () => {
    const app = new App();
    new ClusterNetworkPolicy(new Chart(app, 'one'), 'guard', guard({ name: 'deny-metadata' }));
    expect(errorOf(() => new ClusterNetworkPolicy(new Chart(app, 'two'), 'guard', guard({ name: 'deny-metadata' })))).toBe(
      'ClusterNetworkPolicy two/guard: metadata.name: deny-metadata is already the name of one/guard; a ClusterNetworkPolicy is cluster-scoped, '
      + 'so the second would replace the first when applied; give one of them another \'name\'');
  });

  test('what synth writes is validated again: a JSON patch cannot add a namespace or break a field', () => {
    const chart = makeChart();
    const policy = new ClusterNetworkPolicy(chart, 'guard', guard());
    policy.addJsonPatch(JsonPatch.add('/metadata/namespace', 'shop'));
    expect(errorOf(() => synth(chart))).toContain('ClusterNetworkPolicy test/guard: metadata.namespace: shop is set, but ClusterNetworkPolicy is cluster-scoped');
    const other = makeChart();
    new ClusterNetworkPolicy(other, 'guard', guard()).addJsonPatch(JsonPatch.replace('/spec/tier', 'Platform'));
    expect(errorOf(() => synth(other))).toContain('ClusterNetworkPolicy test/guard: spec.tier: Platform is not a tier; use Admin (before NetworkPolicy) or Baseline (after it) (this is what synth would write');
  });
});

describe('NamespaceSelector', () => {
  test('refuses an empty selector, which would select every namespace', () => {
    expect(errorOf(() => NamespaceSelector.of({}))).toBe(
      'NamespaceSelector: no labels and no expressions, which selects every namespace; use NamespaceSelector.all() if that is what you mean');
  });

  test('refuses a name no namespace can have', () => {
    expect(errorOf(() => NamespaceSelector.named('Kube_System'))).toMatch(/^NamespaceSelector.named: namespace name 'Kube_System' is not a DNS-1123 label .*; use the namespace's exact name, e.g. kube-system$/);
  });
});
