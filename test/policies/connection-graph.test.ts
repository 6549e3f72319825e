import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { appPeer, errorOf, KUBE_DNS_RULE, makeChart, policies, synth, TestCluster } from './helpers';
import { ConnectionGraph, DnsResolver, Endpoint, Peer, PodSelector, Port, Protocol, Service, ServicePort } from '../../src';
import '../../src/testing';

const KUBE_DNS = KUBE_DNS_RULE;
const app = appPeer;
const inNamespace = (namespace: string, name: string) => ({
  namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': namespace } },
  podSelector: { matchLabels: { app: name } },
});
const tcp = (port: number | string) => ({ protocol: 'TCP', port });

const INGRESS_NGINX = Peer.podsInNamespace('ingress-nginx', PodSelector.labels({ 'app.kubernetes.io/name': 'ingress-nginx' }));
const PARTNER = '203.0.113.0/24';

/**
 * The shop: web (a cdk8s-plus Deployment) behind ingress-nginx calls cart through its Service
 * (80 → 7070) and payment on 50051; cart calls db in namespace `data`, where worker calls db too;
 * payment calls a partner's addresses on 443. Every member's pod serves one more port that no
 * edge allows.
 */
function shop() {
  const c = new TestCluster()
    .kubeDns()
    .pod('ingress-nginx/controller', { 'app.kubernetes.io/name': 'ingress-nginx' }, [{ port: 80 }])
    .pod('shop/cart', { app: 'cart' }, [{ port: 7070 }, { port: 80 }])
    .pod('shop/payment', { app: 'payment' }, [{ port: 50051 }, { port: 9000 }])
    .pod('data/db', { app: 'db' }, [{ port: 5432 }, { port: 9187 }])
    .pod('data/worker', { app: 'worker' }, [{ port: 8000 }])
    .pod('elsewhere/client', { app: 'client' }, [{ port: 80 }]);
  const web = new kplus.Deployment(c.chart, 'web', {
    metadata: { name: 'web' },
    containers: [{ image: 'registry.example/web:1', portNumber: 8080 }, { name: 'debug', image: 'registry.example/debug:1', portNumber: 6060 }],
  });
  const cart = Service.of({ name: 'cart', selector: { app: 'cart' }, ports: [ServicePort.tcp(80, 7070)] });
  const payment = PodSelector.labels({ app: 'payment' });
  const db = Endpoint.pods(PodSelector.labels({ app: 'db' }), { namespace: 'data' });
  const worker = Endpoint.pods(PodSelector.labels({ app: 'worker' }), { namespace: 'data' });

  const graph = new ConnectionGraph(c.chart, 'graph', { name: 'shop' });
  graph.allowFrom(INGRESS_NGINX, PodSelector.workload(web), [Port.tcp(8080)]);
  graph.connect(Endpoint.workload(web), Endpoint.service(cart));
  graph.allow(PodSelector.workload(web), payment, [Port.tcp(50051)]);
  graph.connect(Endpoint.service(cart), db, [Port.tcp(5432)]);
  graph.connect(worker, db, [Port.tcp(5432)]);
  graph.allowTo(payment, Peer.ipBlock(PARTNER), [Port.tcp(443)]);
  return { c, graph };
}

/** The members, and the ports each serves. */
const MEMBERS: { [ref: string]: number[] } = {
  'shop/web': [8080, 6060],
  'shop/cart': [7070, 80],
  'shop/payment': [50051, 9000],
  'data/db': [5432, 9187],
  'data/worker': [8000],
};
/** The edges between members, each on its one port. */
const EDGES: { [pair: string]: number } = {
  'shop/web -> shop/cart': 7070,
  'shop/web -> shop/payment': 50051,
  'shop/cart -> data/db': 5432,
  'data/worker -> data/db': 5432,
};
const PAIRS = Object.keys(MEMBERS).flatMap(from => Object.keys(MEMBERS).filter(to => to !== from).map(to => ({ from, to, port: EDGES[`${from} -> ${to}`] })));

describe('ConnectionGraph', () => {
  describe('a shop of five members in two namespaces', () => {
    const { c } = shop();
    const m = c.manifests();

    test.each(PAIRS.filter(p => p.port !== undefined))('$from -> $to: allowed on its port only', ({ from, to, port }) => {
      expect(m).toAllowTraffic({ from, to, port });
      for (const other of MEMBERS[to].filter(p => p !== port)) {
        expect(m).toDenyTraffic({ from, to, port: other });
      }
    });

    test.each(PAIRS.filter(p => p.port === undefined))('$from -> $to: denied on every port', ({ from, to }) => {
      expect(m).toDenyTraffic({ from, to });
    });

    test('the Service is reached on its target port, never its Service port', () => {
      expect(m).toAllowTraffic({ from: 'shop/web', to: 'shop/cart', port: 7070 });
      expect(m).toDenyTraffic({ from: 'shop/web', to: 'shop/cart', port: 80 });
    });

    test.each(Object.keys(MEMBERS))('%s resolves names (UDP and TCP 53), and reaches nothing else outside', member => {
      expect(m).toAllowTraffic({ from: member, to: 'kube-system/coredns', port: '53/UDP' });
      expect(m).toAllowTraffic({ from: member, to: 'kube-system/coredns', port: '53/TCP' });
      expect(m).toDenyTraffic({ from: member, to: 'kube-system/coredns', port: 9153 });
      expect(m).toDenyTraffic({ from: member, to: 'elsewhere/client' });
      expect(m).toDenyTraffic({ from: member, to: '8.8.8.8' });
    });

    test('the declared outside peers, on their ports only', () => {
      expect(m).toAllowTraffic({ from: 'ingress-nginx/controller', to: 'shop/web', port: 8080 });
      expect(m).toDenyTraffic({ from: 'ingress-nginx/controller', to: 'shop/web', port: 6060 });
      for (const member of Object.keys(MEMBERS).filter(ref => ref !== 'shop/web')) {
        expect(m).toDenyTraffic({ from: 'ingress-nginx/controller', to: member });
      }
      expect(m).toAllowTraffic({ from: 'shop/payment', to: '203.0.113.10', port: 443 });
      expect(m).toDenyTraffic({ from: 'shop/payment', to: '203.0.113.10', port: 80 });
      for (const member of Object.keys(MEMBERS).filter(ref => ref !== 'shop/payment')) {
        expect(m).toDenyTraffic({ from: member, to: '203.0.113.10' });
      }
    });

    test.each(Object.keys(MEMBERS))('nothing from outside the graph reaches %s but what is declared', member => {
      expect(m).toDenyTraffic({ from: 'elsewhere/client', to: member });
      expect(m).toDenyTraffic({ from: '8.8.8.8', to: member });
    });
  });

  test('one policy per member, <name>-<member>, in the member\'s namespace, rules merged (snapshot)', () => {
    const { c, graph } = shop();
    const written = policies(c.chart);
    expect(written.map(p => `${p.metadata.namespace}/${p.metadata.name}`)).toEqual([
      'shop/shop-web', 'shop/shop-cart', 'shop/shop-payment', 'data/shop-db', 'data/shop-worker',
    ]);
    expect(graph.apiObjects.map(p => p.name)).toEqual(['shop-web', 'shop-cart', 'shop-payment', 'shop-db', 'shop-worker']);
    expect(written).toMatchSnapshot();
    const policy = (name: string) => written.find(p => p.metadata.name === name);
    // Two edges of web with different ports stay two rules; cart is selected by its Service's selector.
    expect(policy('shop-web').spec.egress).toEqual([{ to: [app('cart')], ports: [tcp(7070)] }, { to: [app('payment')], ports: [tcp(50051)] }, KUBE_DNS]);
    // Two callers on the same port share one rule; a caller in another namespace is namespace AND pods.
    expect(policy('shop-db').spec).toEqual({
      podSelector: { matchLabels: { app: 'db' } },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [inNamespace('shop', 'cart'), app('worker')], ports: [tcp(5432)] }],
      egress: [KUBE_DNS],
    });
    expect(policy('shop-cart').spec.egress[0]).toEqual({ to: [inNamespace('data', 'db')], ports: [tcp(5432)] });
  });

  test('the synth-time lint passes the graph\'s chart', () => {
    const { c } = shop();
    expect(() => Testing.synth(c.chart)).not.toThrow();
  });

  test('one peer on several ports is one rule with every port; a connection on every port wins over ports', () => {
    const chart = makeChart();
    const graph = new ConnectionGraph(chart, 'g');
    const [a, b, x] = ['a', 'b', 'x'].map(name => PodSelector.labels({ app: name }));
    graph.allow(a, b, [Port.tcp(80)]);
    graph.allow(a, b, [Port.tcp(443), Port.tcp(80)]);
    graph.allow(x, b);
    graph.allow(x, b, [Port.tcp(8080)]);
    const [, bPolicy] = policies(chart);
    expect(bPolicy.metadata.name).toBe('g-b');
    expect(bPolicy.spec.ingress).toEqual([{ from: [app('a')], ports: [tcp(80), tcp(443)] }, { from: [app('x')] }]);
  });

  test('a policy rendered before a later connection renders the new rules', () => {
    const graph = new ConnectionGraph(makeChart(), 'g');
    const [a, b, c] = ['a', 'b', 'c'].map(name => PodSelector.labels({ app: name }));
    graph.allow(a, b, [Port.tcp(80)]);
    const [aPolicy] = graph.apiObjects;
    expect(aPolicy.toJson().spec.egress).toEqual([{ to: [app('b')], ports: [tcp(80)] }, KUBE_DNS]);
    graph.allow(a, c, [Port.tcp(81)]);
    expect(graph.apiObjects[0]).toBe(aPolicy);
    expect(aPolicy.toJson().spec.egress).toEqual([{ to: [app('b')], ports: [tcp(80)] }, { to: [app('c')], ports: [tcp(81)] }, KUBE_DNS]);
  });

  test('a member with no connection yet is isolated both ways, DNS only', () => {
    const c = new TestCluster().kubeDns().pod('shop/batch', { app: 'batch' }, [{ port: 80 }]).pod('shop/web', { app: 'web' });
    const graph = new ConnectionGraph(c.chart, 'g');
    graph.addMember(Endpoint.pods(PodSelector.labels({ app: 'batch' })));
    expect(policies(c.chart)[0].spec).toEqual({ podSelector: { matchLabels: { app: 'batch' } }, policyTypes: ['Ingress', 'Egress'], egress: [KUBE_DNS] });
    expect(c.manifests()).toDenyTraffic({ from: 'shop/web', to: 'shop/batch' });
    expect(c.manifests()).toAllowTraffic({ from: 'shop/batch', to: 'kube-system/coredns', port: '53/UDP' });
  });

  test('connectSelf lets a member\'s pods call each other, on its ports', () => {
    const c = new TestCluster().pod('shop/cache-0', { app: 'cache' }, [{ port: 6379 }, { port: 80 }]).pod('shop/cache-1', { app: 'cache' }, [{ port: 6379 }, { port: 80 }]);
    new ConnectionGraph(c.chart, 'g').connectSelf(Endpoint.pods(PodSelector.labels({ app: 'cache' })), [Port.tcp(6379)]);
    expect(c.manifests()).toAllowTraffic({ from: 'shop/cache-0', to: 'shop/cache-1', port: 6379 });
    expect(c.manifests()).toDenyTraffic({ from: 'shop/cache-0', to: 'shop/cache-1', port: 80 });
  });

  test('dns: false writes no DNS; resolver chooses it', () => {
    const none = makeChart();
    new ConnectionGraph(none, 'g', { dns: false }).allow(PodSelector.labels({ app: 'a' }), PodSelector.labels({ app: 'b' }), [Port.tcp(80)]);
    expect(policies(none).map(p => p.spec.egress)).toEqual([[{ to: [app('b')], ports: [tcp(80)] }], undefined]);
    expect(policies(none).map(p => p.spec.policyTypes)).toEqual([['Ingress', 'Egress'], ['Ingress', 'Egress']]);

    const local = makeChart();
    new ConnectionGraph(local, 'g', { resolver: DnsResolver.nodeLocal() }).addMember(Endpoint.pods(PodSelector.labels({ app: 'a' })));
    expect(policies(local)[0].spec.egress).toEqual([{ to: [{ ipBlock: { cidr: '169.254.20.10/32' } }], ports: [{ protocol: 'UDP', port: 53 }, tcp(53)] }]);
  });

  test('members are named by their endpoint, their workload or Service, or their selector\'s labels', () => {
    const chart = makeChart();
    const deployment = new kplus.Deployment(chart, 'frontend', { containers: [{ image: 'registry.example/web:1', portNumber: 80 }] });
    const named = new kplus.Deployment(chart, 'x', { metadata: { name: 'checkout' }, containers: [{ image: 'registry.example/web:1', portNumber: 80 }] });
    const graph = new ConnectionGraph(chart, 'g', { name: 'shop' });
    graph.allow(PodSelector.workload(deployment), PodSelector.workload(named), [Port.tcp(80)]);
    graph.allow(PodSelector.labels({ 'app.kubernetes.io/name': 'api', 'app.kubernetes.io/part-of': 'shop' }), PodSelector.labels({ app: 'db', tier: 'data' }), [Port.tcp(5432)]);
    graph.connect(Endpoint.pods(PodSelector.labels({ team: 'x' }), { name: 'reports' }),
      Endpoint.service(Service.of({ name: 'search', selector: { component: 'search' }, ports: [ServicePort.tcp(80, 9200)] })));
    expect(policies(chart).map(p => p.metadata.name)).toEqual(['shop-frontend', 'shop-checkout', 'shop-api', 'shop-db', 'shop-reports', 'shop-search']);
  });

  test('a workload and its Service are one member, named as it was first', () => {
    const chart = makeChart();
    const cart = new kplus.Deployment(chart, 'cart', { metadata: { name: 'cart' }, select: false, podMetadata: { labels: { app: 'cart' } }, containers: [{ image: 'registry.example/cart:1', portNumber: 7070 }] });
    cart.select(kplus.LabelSelector.of({ labels: { app: 'cart' } }));
    const service = new kplus.Service(chart, 'cart-service', { selector: cart, ports: [{ port: 80, targetPort: 7070 }] });
    const graph = new ConnectionGraph(chart, 'g');
    graph.connect(Endpoint.pods(PodSelector.labels({ app: 'web' })), Endpoint.service(Service.fromKplus(service)));
    graph.allowTo(PodSelector.workload(cart), Peer.ipBlock(PARTNER), [Port.tcp(443)]);
    const written = policies(chart);
    expect(written.map(p => p.metadata.name)).toEqual(['g-web', 'g-cart-service']);
    expect(written[1].spec.ingress).toEqual([{ from: [app('web')], ports: [tcp(7070)] }]);
    expect(written[1].spec.egress[0]).toEqual({ to: [{ ipBlock: { cidr: PARTNER } }], ports: [tcp(443)] });
  });

  test('a workload is one member with a Service of its selector, and with its address label, in either order', () => {
    const chart = makeChart();
    const cart = new kplus.Deployment(chart, 'cart', { metadata: { name: 'cart' }, select: false, podMetadata: { labels: { app: 'cart' } }, containers: [{ image: 'registry.example/cart:1', portNumber: 7070 }] });
    cart.select(kplus.LabelSelector.of({ labels: { app: 'cart' } }));
    const address = PodSelector.labels({ 'cdk8s.io/metadata.addr': cart.podMetadata.getLabel('cdk8s.io/metadata.addr')! });
    const graph = new ConnectionGraph(chart, 'g');
    graph.connect(Endpoint.pods(PodSelector.labels({ app: 'web' })), Endpoint.service(Service.of({ name: 'cart', selector: { app: 'cart' }, ports: [ServicePort.tcp(80, 7070)] })));
    graph.allowTo(PodSelector.workload(cart), Peer.ipBlock(PARTNER), [Port.tcp(443)]);
    graph.allowTo(address, Peer.ipBlock(PARTNER), [Port.tcp(8443)]);
    expect(policies(chart).map(p => p.metadata.name)).toEqual(['g-web', 'g-cart']);
    expect(policies(chart)[1].spec.egress[0]).toEqual({ to: [{ ipBlock: { cidr: PARTNER } }], ports: [tcp(443), tcp(8443)] });
  });

  test('a Service endpoint with chosen ports allows their targets only; a named target port stays named', () => {
    const chart = makeChart();
    const api = Service.of({
      name: 'api',
      selector: { app: 'api' },
      ports: [ServicePort.of({ name: 'http', port: 80, targetPortName: 'http' }), ServicePort.of({ name: 'grpc', port: 9090, targetPort: 50051 }), ServicePort.udp(514, 5514)],
    });
    const graph = new ConnectionGraph(chart, 'g');
    graph.connect(Endpoint.pods(PodSelector.labels({ app: 'a' })), Endpoint.service(api, { portNames: ['http'] }));
    graph.connect(Endpoint.pods(PodSelector.labels({ app: 'b' })), Endpoint.service(api, { ports: [9090, 514] }));
    graph.connect(Endpoint.pods(PodSelector.labels({ app: 'c' })), Endpoint.service(api));
    expect(policies(chart).find(p => p.metadata.name === 'g-api').spec.ingress).toEqual([
      { from: [app('a')], ports: [tcp('http')] },
      { from: [app('b')], ports: [tcp(50051), { protocol: 'UDP', port: 5514 }] },
      { from: [app('c')], ports: [tcp('http'), tcp(50051), { protocol: 'UDP', port: 5514 }] },
    ]);
  });

  test('members in a namespace of their own are written there, with both ends naming the other\'s namespace', () => {
    const chart = makeChart();
    const graph = new ConnectionGraph(chart, 'g', { namespace: 'web' });
    const orders = new kplus.Deployment(chart, 'orders', { metadata: { namespace: 'orders' }, select: false, podMetadata: { labels: { app: 'orders' } }, containers: [{ image: 'registry.example/o:1', portNumber: 80 }] });
    orders.select(kplus.LabelSelector.of({ labels: { app: 'orders' } }));
    graph.allow(PodSelector.labels({ app: 'site' }), PodSelector.workload(orders), [Port.tcp(80)]);
    const [site, ordersPolicy] = policies(chart);
    expect(site.metadata).toEqual({ name: 'g-site', namespace: 'web' });
    expect(site.spec.egress[0].to).toEqual([inNamespace('orders', 'orders')]);
    expect(ordersPolicy.metadata).toEqual({ name: 'g-orders', namespace: 'orders' });
    expect(ordersPolicy.spec.ingress[0].from).toEqual([inNamespace('web', 'site')]);
  });

  describe('refuses', () => {
    const a = PodSelector.labels({ app: 'a' });
    const b = PodSelector.labels({ app: 'b' });
    const graphIn = (chart = makeChart()) => new ConnectionGraph(chart, 'g');

    test('an edge from a member to itself, unless connectSelf', () => {
      expect(errorOf(() => graphIn().allow(a, PodSelector.labels({ app: 'a' }), [Port.tcp(80)])))
        .toBe('ConnectionGraph test/g: connect(pods app=a → pods app=a): both ends are member \'a\' (the same pods in namespace \'shop\'); if its pods call each other, use connectSelf');
    });

    test('an empty port list', () => {
      expect(errorOf(() => graphIn().allow(a, b, [])))
        .toBe('ConnectionGraph test/g: connect(pods app=a → pods app=b): \'ports\' is empty, which Kubernetes reads as "every port of every protocol"; leave \'ports\' out if that is what you mean');
    });

    test('ports given to a Service destination, and Service ports chosen on the sending side', () => {
      const cart = Service.of({ name: 'cart', selector: { app: 'cart' }, ports: [ServicePort.tcp(80, 7070)] });
      expect(errorOf(() => graphIn().connect(Endpoint.pods(a), Endpoint.service(cart), [Port.tcp(80)])))
        .toBe('ConnectionGraph test/g: connect(pods app=a → Service \'cart\'): \'ports\' is given, but Service \'cart\' forwards to its target ports, which are what a policy must allow; leave \'ports\' out, and choose the Service ports in Endpoint.service(service, { ports: [...] }) if not all of them');
      expect(errorOf(() => graphIn().connect(Endpoint.service(cart, { ports: [80] }), Endpoint.pods(a))))
        .toBe('ConnectionGraph test/g: connect(Service \'cart\' → pods app=a): Service ports are chosen on the sending side, where they mean nothing (a connection uses the receiver\'s ports); choose them on the receiving Service');
    });

    test('a Service port that forwards elsewhere, given with the Service\'s pods', () => {
      const cart = Service.of({ name: 'cart', selector: { app: 'cart' }, ports: [ServicePort.tcp(80, 7070), ServicePort.tcp(9090)] });
      expect(errorOf(() => graphIn().allow(a, cart.pods, [Port.tcp(80)])))
        .toBe('ConnectionGraph test/g: connect(pods app=a → pods app=cart): port 80/TCP is Service \'cart\'\'s port, which forwards to 7070, and policies see the target port, so the connection would be denied; use Endpoint.service(cart), which allows its target ports');
      // The target port itself, and a Service port that forwards to the same number, are what the pods serve.
      const graph = graphIn();
      graph.allow(a, cart.pods, [Port.tcp(7070), Port.tcp(9090)]);
      expect(graph.apiObjects).toHaveLength(2);
    });

    test('a member named as another whose pods are the same', () => {
      const graph = graphIn();
      graph.allow(a, b, [Port.tcp(80)]);
      expect(errorOf(() => graph.connect(Endpoint.pods(PodSelector.labels({ app: 'a' }), { name: 'alpha' }), Endpoint.pods(b))))
        .toBe('ConnectionGraph test/g: connect(pods app=a → pods app=b): member \'alpha\' selects the same pods as member \'a\' ({"matchLabels":{"app":"a"}} in namespace \'shop\'), and one set of pods has one policy; use the name \'a\', or select other pods');
    });

    test('two members of one name with different pods', () => {
      const graph = graphIn();
      graph.allow(a, b, [Port.tcp(80)]);
      expect(errorOf(() => graph.allow(PodSelector.labels({ app: 'a', tier: 'x' }), b, [Port.tcp(80)])))
        .toBe('ConnectionGraph test/g: connect(pods app=a,tier=x → pods app=b): the member name \'a\' in namespace \'shop\' is already that of other pods ({"matchLabels":{"app":"a"}}), while pods app=a,tier=x selects {"matchLabels":{"app":"a","tier":"x"}}; give one of them another name: Endpoint.pods(selector, { name: \'...\' })');
    });

    test('pods that give no name, or an invalid one', () => {
      expect(errorOf(() => graphIn().allow(PodSelector.labels({ team: 'x', tier: 'y' }), b)))
        .toBe('ConnectionGraph test/g: connect(pods team=x,tier=y → pods app=b): the pods {"matchLabels":{"team":"x","tier":"y"}} give no member name (neither one label nor an app.kubernetes.io/name, app, k8s-app label); name them: Endpoint.pods(selector, { name: \'cart\' })');
      expect(errorOf(() => graphIn().allow(PodSelector.labels({ app: 'Cart_Service' }), b)))
        .toBe('ConnectionGraph test/g: connect(pods app=Cart_Service → pods app=b): the member name \'Cart_Service\', taken from label \'app\' of the pods {"matchLabels":{"app":"Cart_Service"}}, is not a DNS-1123 label (lower-case letters, digits and \'-\', starting and ending with a letter or digit); name them: Endpoint.pods(selector, { name: \'cart\' })');
    });

    test('an endpoint named or placed where its pods cannot be', () => {
      const chart = makeChart();
      const web = new kplus.Deployment(chart, 'web', { containers: [{ image: 'registry.example/web:1', portNumber: 80 }] });
      expect(errorOf(() => Endpoint.workload(web, { namespace: 'other' })))
        .toBe('Endpoint.pods(PodSelector.workload(test/web)): \'namespace\' is \'other\', but the workload\'s pods are in \'shop\'; leave \'namespace\' out');
      expect(errorOf(() => Endpoint.pods(a, { name: 'Web' })))
        .toBe('Endpoint.pods: \'name\' \'Web\' is not a DNS-1123 label (lower-case letters, digits and \'-\', starting and ending with a letter or digit); use a short lower-case name such as cart');
      expect(errorOf(() => Endpoint.pods(a, { namespace: 'Data' })))
        .toBe('Endpoint.pods: \'namespace\' \'Data\' is not a DNS-1123 label (lower-case letters, digits and \'-\', starting and ending with a letter or digit); use the namespace\'s exact name');
    });

    test('a cross-namespace edge whose other side has no namespace', () => {
      const chart = makeChart(null);
      const graph = graphIn(chart);
      expect(errorOf(() => graph.connect(Endpoint.pods(a), Endpoint.pods(b, { namespace: 'data' }), [Port.tcp(80)])))
        .toBe('ConnectionGraph test/g: connect(pods app=a → pods app=b): member \'a\' has no namespace while member \'b\' is in another, so neither end can name the other\'s namespace; set the graph\'s \'namespace\' (or its chart\'s), or the endpoint\'s');
      expect(policies(chart)).toEqual([]);
    });

    test('an outside peer that is a member (one end would not be written)', () => {
      const graph = graphIn();
      graph.allow(a, b, [Port.tcp(80)]);
      expect(errorOf(() => graph.allowFrom(Peer.pods(PodSelector.labels({ app: 'a' })), PodSelector.labels({ app: 'c' }), [Port.tcp(80)])))
        .toBe('ConnectionGraph test/g: connectFrom(peer → pods app=c): \'peer\' is member \'a\' of this graph, whose own policy would not allow this connection; use allow/connect between \'a\' and \'c\', which writes both ends');
      expect(errorOf(() => graph.allowTo(b, Peer.podsInNamespace('shop', PodSelector.labels({ app: 'b' })), [Port.tcp(80)])))
        .toBe('ConnectionGraph test/g: connectTo(pods app=b → peer): \'peer\' is member \'b\' of this graph, whose own policy would not allow this connection; use connectSelf if its pods call each other');
    });

    test('a prefix that cannot start a policy name; a resolver with dns off', () => {
      expect(errorOf(() => new ConnectionGraph(makeChart(), 'Shop')))
        .toBe('ConnectionGraph test/Shop: the construct id \'Shop\', the default \'name\', is not a DNS-1123 label (lower-case letters, digits and \'-\', starting and ending with a letter or digit), and it starts every policy name; set \'name\' to a short lower-case name such as shop');
      expect(errorOf(() => new ConnectionGraph(makeChart(), 'g', { dns: false, resolver: DnsResolver.kubeDns() })))
        .toBe('ConnectionGraph test/g: \'resolver\' is set while \'dns\' is false, so the members may not resolve names at all; leave \'resolver\' out, or \'dns\'');
    });

    test('a policy the builder refuses leaves the graph as it was', () => {
      const chart = makeChart();
      const graph = graphIn(chart);
      graph.allow(a, b, [Port.tcp(80)]);
      const before = JSON.stringify(synth(chart));
      expect(errorOf(() => graph.allowTo(a, Peer.anywhere(), [Port.named('http')])))
        .toMatch(/^ConnectionGraph test\/g, member 'a': 'ports' has the named port 'http' in an egress rule to Peer.anywhere\(\)/);
      expect(errorOf(() => graph.allowTo(PodSelector.labels({ app: 'c' }), Peer.anywhere(), [Port.named('http')])))
        .toMatch(/^ConnectionGraph test\/g, member 'c': /);
      expect(JSON.stringify(synth(chart))).toBe(before);
      expect(graph.apiObjects.map(p => p.name)).toEqual(['g-a', 'g-b']);
      // A failed call leaves no member behind: 'c' can join afresh.
      graph.allow(PodSelector.labels({ app: 'c' }), b, [Port.tcp(80)]);
      expect(graph.apiObjects.map(p => p.name)).toEqual(['g-a', 'g-b', 'g-c']);
    });

    test('a Service port number on two protocols, unless the protocol is said', () => {
      const dns = Service.of({ name: 'dns', selector: { app: 'dns' }, ports: [ServicePort.udp(53, 5353), ServicePort.tcp(53, 5353)] });
      expect(errorOf(() => Endpoint.service(dns, { ports: [53] })))
        .toBe('Service \'dns\' has port 53 on UDP and TCP; choose it by its name (Endpoint.service(service, { portNames })), or by number and protocol: port(53, Protocol.UDP)');
      expect(dns.port(53, Protocol.TCP).target.portNumber).toBe(5353);
    });
  });
});
