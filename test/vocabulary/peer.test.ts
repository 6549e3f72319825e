import * as kplus from 'cdk8s-plus-28';
import { AllowFrom, AllowTo, LabelExpression, Peer, PodSelector, Port } from '../../src';
import { egressRule, errorOf, ingressRule, makeChart, onlyPolicy, synth } from '../policies/helpers';

const byName = (name: string) => ({ matchLabels: { 'kubernetes.io/metadata.name': name } });

describe('Peer', () => {
  test('renders every kind of peer (snapshot)', () => {
    const chart = makeChart();
    new AllowFrom(chart, 'allow', {
      pods: PodSelector.labels({ app: 'web' }),
      from: [
        Peer.pods(PodSelector.labels({ app: 'frontend' })),
        Peer.namespace('monitoring'),
        Peer.namespaces({ team: 'ops' }),
        Peer.podsInNamespace('monitoring', PodSelector.labels({ app: 'prometheus' })),
        Peer.podsInNamespaces({ team: 'ops' }, PodSelector.labels({ type: 'monitoring' })),
        Peer.ipBlock('172.17.0.0/16', ['172.17.1.0/24']),
      ],
      ports: [Port.tcp(8080)],
    });
    expect(synth(chart)).toMatchSnapshot();
  });

  test.each([
    ['pods', Peer.pods(PodSelector.labels({ app: 'frontend' })), { podSelector: { matchLabels: { app: 'frontend' } } }],
    ['pods(all) is every pod of the policy\'s namespace', Peer.pods(PodSelector.all()), { podSelector: {} }],
    ['namespace selects kubernetes.io/metadata.name', Peer.namespace('monitoring'), { namespaceSelector: byName('monitoring') }],
    ['namespaces', Peer.namespaces({ team: 'ops' }), { namespaceSelector: { matchLabels: { team: 'ops' } } }],
    ['allNamespaces', Peer.allNamespaces(), { namespaceSelector: {} }],
    ['podsInNamespace is one AND peer', Peer.podsInNamespace('db', PodSelector.labels({ app: 'pg' })),
      { namespaceSelector: byName('db'), podSelector: { matchLabels: { app: 'pg' } } }],
    ['podsInNamespaces is one AND peer', Peer.podsInNamespaces({ team: 'ops' }, PodSelector.all()),
      { namespaceSelector: { matchLabels: { team: 'ops' } }, podSelector: {} }],
    ['ipBlock', Peer.ipBlock('10.0.0.0/8'), { ipBlock: { cidr: '10.0.0.0/8' } }],
    ['ipBlock with except', Peer.ipBlock('10.0.0.0/8', ['10.1.0.0/16']), { ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }],
    ['ipBlock with an empty except list', Peer.ipBlock('10.0.0.0/8', []), { ipBlock: { cidr: '10.0.0.0/8' } }],
    ['ipBlock IPv6', Peer.ipBlock('2001:db8::/32', ['2001:db8:1::/48']), { ipBlock: { cidr: '2001:db8::/32', except: ['2001:db8:1::/48'] } }],
    ['anyIpv4', Peer.anyIpv4(), { ipBlock: { cidr: '0.0.0.0/0' } }],
    ['anyIpv4 except private ranges', Peer.anyIpv4(['10.0.0.0/8', '192.168.0.0/16']), { ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '192.168.0.0/16'] } }],
    ['anyIpv6', Peer.anyIpv6(), { ipBlock: { cidr: '::/0' } }],
  ])('%s', (_name, peer, rendered) => {
    expect(ingressRule([peer]).from).toEqual([rendered]);
    expect(egressRule([peer]).to).toEqual([rendered]);
  });

  test('several peers are alternatives (OR), in order', () => {
    expect(ingressRule([Peer.namespace('a'), Peer.namespace('b')]).from).toEqual([{ namespaceSelector: byName('a') }, { namespaceSelector: byName('b') }]);
  });

  test('anywhere() leaves out from/to, the only form that means every peer (nodes and external included)', () => {
    expect(ingressRule([Peer.anywhere()], [Port.tcp(443)])).toEqual({ ports: [{ port: 443, protocol: 'TCP' }] });
    expect(egressRule([Peer.anywhere()])).toEqual({});
    // Anything next to anywhere() is redundant.
    expect(ingressRule([Peer.namespace('a'), Peer.anywhere()])).toEqual({});
  });

  test('the same peer object can be used twice', () => {
    const chart = makeChart();
    const frontend = Peer.pods(PodSelector.labels({ app: 'frontend' }));
    new AllowFrom(chart, 'a', { pods: PodSelector.labels({ app: 'a' }), from: [frontend] });
    new AllowFrom(chart, 'b', { pods: PodSelector.labels({ app: 'b' }), from: [frontend] });
    expect(synth(chart).map(p => p.spec.ingress[0].from)).toEqual([[{ podSelector: { matchLabels: { app: 'frontend' } } }], [{ podSelector: { matchLabels: { app: 'frontend' } } }]]);
  });

  test('refuses a namespace name that no namespace can have', () => {
    expect(errorOf(() => Peer.namespace('My_NS'))).toBe(
      "Peer.namespace: namespace name 'My_NS' is not a DNS-1123 label (lower-case letters, digits and '-', starting and ending with a letter or digit); use the namespace's exact name, e.g. my-ns");
    expect(errorOf(() => Peer.podsInNamespace('a.b', PodSelector.all()))).toContain("Peer.podsInNamespace: namespace name 'a.b' is not a DNS-1123 label");
  });

  test('refuses empty namespace labels: that would be every namespace', () => {
    expect(errorOf(() => Peer.namespaces({}))).toBe(
      'Peer.namespaces: the namespace labels are empty, which selects every namespace; use Peer.allNamespaces() if that is what you mean');
    expect(errorOf(() => Peer.podsInNamespaces({}, PodSelector.all()))).toContain('Peer.podsInNamespaces: the namespace labels are empty');
    expect(errorOf(() => Peer.podsInNamespaces({}, PodSelector.all(), []))).toBe(
      'Peer.podsInNamespaces: the namespace labels are empty, which selects every namespace; use Peer.podsInAllNamespaces(selector) if that is what you mean');
  });

  test('namespaces by expressions, and pods in every namespace', () => {
    expect(ingressRule([
      Peer.namespaces({}, [LabelExpression.exists('env')]),
      Peer.podsInNamespaces({ team: 'ops' }, PodSelector.labels({ app: 'x' }), [LabelExpression.notIn('env', ['dev'])]),
      Peer.podsInAllNamespaces(PodSelector.labels({ app: 'prometheus' })),
    ]).from).toEqual([
      { namespaceSelector: { matchExpressions: [{ key: 'env', operator: 'Exists' }] } },
      { namespaceSelector: { matchLabels: { team: 'ops' }, matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['dev'] }] }, podSelector: { matchLabels: { app: 'x' } } },
      { namespaceSelector: {}, podSelector: { matchLabels: { app: 'prometheus' } } },
    ]);
  });

  describe('refuses at construction, naming path, field, value and fix', () => {
    function error(peer: Peer, ports?: Port[]): string {
      return errorOf(() => new AllowFrom(makeChart(), 'allow', { pods: PodSelector.all(), from: [Peer.namespace('x'), peer], ports }));
    }

    test('a CIDR with bits beyond its prefix, suggesting both fixes', () => {
      expect(error(Peer.ipBlock('10.0.0.1/8'))).toBe(
        'AllowFrom test/allow: spec.ingress[0].from[1].ipBlock.cidr: 10.0.0.1/8 has bits set beyond the /8 prefix, so it is ambiguous; use 10.0.0.0/8 (the whole network) or 10.0.0.1/32 (this one address)');
    });

    test.each([
      ['010.0.0.0/8', 'must not have leading 0s', 'use 10.0.0.0/8'],
      ['10.0.0.1', 'is an IP address without a prefix length', 'use 10.0.0.1/32'],
      ['::ffff:10.0.0.0/104', 'is an IPv4-mapped', 'use the IPv4 form 10.0.0.0/8'],
      ['10.0.0.0/33', 'is not a valid CIDR: the prefix length is more than 32', 'prefix length from 0 to 32'],
    ])('cidr %s', (cidr, message, fix) => {
      const e = error(Peer.ipBlock(cidr));
      expect(e).toContain(`AllowFrom test/allow: spec.ingress[0].from[1].ipBlock.cidr: ${cidr} ${message}`);
      expect(e).toContain(fix);
    });

    test.each([
      ['10.0.0.0/8', '10.0.0.0/8'],
      ['10.0.0.0/16', '10.0.0.0/8'],
      ['10.0.0.0/8', '192.168.0.0/16'],
      ['0.0.0.0/0', '::/1'],
    ])('cidr %s except %s (not strictly inside)', (cidr, except) => {
      expect(error(Peer.ipBlock(cidr, [except]))).toContain(`AllowFrom test/allow: spec.ingress[0].from[1].ipBlock.except[0]: ${except} is not a strict subset of cidr`);
    });

    test('a named port with an ipBlock peer', () => {
      expect(error(Peer.ipBlock('10.0.0.0/8'), [Port.named('http')])).toBe(
        'AllowFrom test/allow: spec.ingress[0].ports[0].port: http is a named port in a rule with an ipBlock peer; named ports are resolved on pods, and what they mean for external addresses is left to each network plugin; use the port number');
    });

    test('a named port in egress to anywhere', () => {
      expect(errorOf(() => new AllowTo(makeChart(), 'out', { pods: PodSelector.all(), to: [Peer.anywhere()], ports: [Port.named('https')] }))).toBe(
        "AllowTo test/out: 'ports' has the named port 'https' in an egress rule to Peer.anywhere(); a named port is resolved on destination pods, and without them each network plugin decides what it means; use the port number");
    });

    test('a namespace label that is not valid', () => {
      expect(error(Peer.namespaces({ team: 'a b' }))).toContain('AllowFrom test/allow: spec.ingress[0].from[1].namespaceSelector.matchLabels: a b (the value of team) is not a valid label value');
    });
  });

  test('a named port with a pod peer in ingress is fine (resolved on the selected pods)', () => {
    expect(ingressRule([Peer.namespace('ingress-nginx')], [Port.named('http')]).ports).toEqual([{ port: 'http', protocol: 'TCP' }]);
    expect(ingressRule([Peer.anywhere()], [Port.named('http')]).ports).toEqual([{ port: 'http', protocol: 'TCP' }]);
  });

  describe('workload()', () => {
    test('in the policy\'s namespace: its pods only', () => {
      const chart = makeChart();
      const api = new kplus.Deployment(chart, 'api', { containers: [{ image: 'api' }] });
      new AllowFrom(chart, 'allow', { pods: PodSelector.all(), from: [Peer.workload(api)] });
      expect(onlyPolicy(chart).spec.ingress[0].from).toEqual([{ podSelector: { matchLabels: api.matchLabels } }]);
    });

    test('in another namespace: that namespace AND its pods, in one peer', () => {
      const chart = makeChart();
      const db = new kplus.Deployment(chart, 'db', { metadata: { namespace: 'data' }, containers: [{ image: 'pg' }] });
      new AllowTo(chart, 'allow', { pods: PodSelector.all(), to: [Peer.workload(db)], ports: [Port.tcp(5432)] });
      expect(onlyPolicy(chart).spec.egress[0].to).toEqual([{ namespaceSelector: byName('data'), podSelector: { matchLabels: db.matchLabels } }]);
    });

    test('a policy placed in another namespace than the workload\'s chart', () => {
      const chart = makeChart();
      const web = new kplus.Deployment(chart, 'web', { containers: [{ image: 'web' }] });
      new AllowTo(chart, 'allow', { namespace: 'jobs', pods: PodSelector.all(), to: [Peer.workload(web)] });
      expect(onlyPolicy(chart).spec.egress[0].to[0].namespaceSelector).toEqual(byName('shop'));
    });

    test('refuses a workload of unknown namespace when the policy has one', () => {
      const chart = makeChart(null);
      const web = new kplus.Deployment(chart, 'web', { containers: [{ image: 'web' }] });
      expect(errorOf(() => new AllowTo(chart, 'allow', { namespace: 'jobs', pods: PodSelector.all(), to: [Peer.workload(web)] }))).toBe(
        "AllowTo test/allow: Peer.workload(test/web) has no namespace while the policy is in 'jobs', so its namespace is unknown; set the workload's metadata.namespace (or its chart's namespace)");
    });
  });
});
