import * as path from 'path';
import { App, Chart, Include, Testing } from 'cdk8s';
import { buildOnlineBoutique } from '../../examples/online-boutique/main';
import { NetworkAnalysis } from '../../src';
import { validateNetworkPolicy } from '../../src/analysis/validation/validate-network-policy';
import '../../src/testing';

/** What the cluster already runs: CoreDNS and ingress-nginx (the three-tier example's), Prometheus. */
const CLUSTER = [
  path.join(__dirname, '../../examples/three-tier/cluster/existing.yaml'),
  path.join(__dirname, '../../examples/online-boutique/cluster/monitoring.yaml'),
];

const INGRESS_CONTROLLER = 'ingress-nginx/ingress-nginx-controller';
const PROMETHEUS = 'monitoring/prometheus-k8s';
const COREDNS = 'kube-system/coredns';

/** The twelve workloads, each with the container port its callers reach (its Service's target port) and its metrics port. */
const WORKLOADS: { readonly [name: string]: { readonly port?: number; readonly metrics?: number } } = {
  'frontend': { port: 8080, metrics: 9464 },
  'cartservice': { port: 7070, metrics: 9464 },
  'productcatalogservice': { port: 3550, metrics: 9464 },
  'currencyservice': { port: 7000, metrics: 9464 },
  'paymentservice': { port: 50051, metrics: 9464 },
  'shippingservice': { port: 50051, metrics: 9464 },
  'emailservice': { port: 8080, metrics: 9464 },
  'checkoutservice': { port: 5050, metrics: 9464 },
  'recommendationservice': { port: 8080, metrics: 9464 },
  'adservice': { port: 9555, metrics: 9464 },
  'redis-cart': { port: 6379, metrics: 9121 },
  'loadgenerator': {},
};
const NAMES = Object.keys(WORKLOADS);

/** The boutique's call graph, caller → callees, as its source code calls them. */
const CALLS: { readonly [caller: string]: readonly string[] } = {
  frontend: ['productcatalogservice', 'currencyservice', 'cartservice', 'recommendationservice', 'shippingservice', 'checkoutservice', 'adservice'],
  checkoutservice: ['productcatalogservice', 'shippingservice', 'paymentservice', 'emailservice', 'currencyservice', 'cartservice'],
  recommendationservice: ['productcatalogservice'],
  cartservice: ['redis-cart'],
  loadgenerator: ['frontend'],
};
const calls = (from: string, to: string) => (CALLS[from] ?? []).includes(to);
const ref = (name: string) => `boutique/${name}`;

function build() {
  const app = Testing.app();
  const chart = buildOnlineBoutique(app);
  return { app, chart, manifests: Testing.synth(chart) };
}

/** The example's app plus a chart that includes the cluster's manifests as they are. */
function withCluster(): App {
  const app = Testing.app();
  buildOnlineBoutique(app);
  const cluster = new Chart(app, 'cluster');
  CLUSTER.forEach((url, i) => new Include(cluster, `existing-${i}`, { url }));
  return app;
}

describe('examples/online-boutique', () => {
  test('synthesizes (snapshot)', () => {
    expect(build().manifests).toMatchSnapshot();
  });

  test('has the twelve Deployments and eleven Services of the boutique, with their real ports', () => {
    const { manifests } = build();
    expect(manifests.filter(o => o.kind === 'Deployment').map(d => d.metadata.name)).toEqual(NAMES);
    const services = manifests.filter(o => o.kind === 'Service');
    expect(services.map(s => [s.metadata.name, s.spec.selector, s.spec.ports.map((p: any) => `${p.port}->${p.targetPort}`)])).toEqual([
      ['frontend', { app: 'frontend' }, ['80->8080']],
      ['cartservice', { app: 'cartservice' }, ['7070->7070']],
      ['productcatalogservice', { app: 'productcatalogservice' }, ['3550->3550']],
      ['currencyservice', { app: 'currencyservice' }, ['7000->7000']],
      ['paymentservice', { app: 'paymentservice' }, ['50051->50051']],
      ['shippingservice', { app: 'shippingservice' }, ['50051->50051']],
      ['emailservice', { app: 'emailservice' }, ['5000->8080']],
      ['checkoutservice', { app: 'checkoutservice' }, ['5050->5050']],
      ['recommendationservice', { app: 'recommendationservice' }, ['8080->8080']],
      ['adservice', { app: 'adservice' }, ['9555->9555']],
      ['redis-cart', { app: 'redis-cart' }, ['6379->6379']],
    ]);
  });

  test('writes one valid policy per workload, and no other', () => {
    const policies = build().manifests.filter(o => o.kind === 'NetworkPolicy');
    expect(policies.map(p => p.metadata.name).sort()).toEqual(NAMES.map(name => `boutique-${name}`).sort());
    expect(policies.map(p => p.spec.podSelector).sort((a, b) => a.matchLabels.app.localeCompare(b.matchLabels.app)))
      .toEqual([...NAMES].sort().map(name => ({ matchLabels: { app: name } })));
    for (const policy of policies) {
      expect(policy.metadata.namespace).toBe('boutique');
      expect(policy.spec.policyTypes).toEqual(['Ingress', 'Egress']);
      expect(validateNetworkPolicy(policy)).toEqual([]);
    }
  });

  test('synthesizes through the synth-time lint', () => {
    const app = Testing.app();
    buildOnlineBoutique(app);
    expect(() => app.synthYaml()).not.toThrow();
  });

  describe('what it allows and denies, beside what the cluster already runs', () => {
    /** Analysed once, for the many assertions below. */
    let net: NetworkAnalysis;
    beforeAll(() => {
      net = NetworkAnalysis.fromApp(withCluster());
    });

    test.each(NAMES.flatMap(from => NAMES.filter(to => to !== from && calls(from, to)).map(to => [from, to])))(
      '%s calls %s on its target port, and on no other port', (from, to) => {
        const { port, metrics } = WORKLOADS[to];
        expect(net).toAllowTraffic({ from: ref(from), to: ref(to), port });
        expect(net).toAllowTraffic({ from: ref(from), to: ref(to), port: `${port}/TCP` });
        expect(net).toDenyTraffic({ from: ref(from), to: ref(to), port: `${port}/UDP` });
        expect(net).toDenyTraffic({ from: ref(from), to: ref(to), port: port! + 1 });
        expect(net).toDenyTraffic({ from: ref(from), to: ref(to), port: metrics });
      });

    test.each(NAMES.flatMap(from => NAMES.filter(to => to !== from && !calls(from, to)).map(to => [from, to])))(
      '%s cannot reach %s at all', (from, to) => {
        expect(net).toDenyTraffic({ from: ref(from), to: ref(to) });
      });

    test('the call graph has its 16 edges; every other ordered pair of the 12 workloads (116) is denied', () => {
      const pairs = NAMES.flatMap(from => NAMES.filter(to => to !== from).map(to => [from, to]));
      expect(pairs).toHaveLength(132);
      expect(pairs.filter(([from, to]) => calls(from, to))).toHaveLength(16);
    });

    test('allows exactly the call graph, the ingress controller, the scrapes and DNS into and out of the boutique: every flow, with its ports', () => {
      const deployment = (name: string) => `${ref(name)}[Deployment]`;
      const expected = [
        ...Object.entries(CALLS).flatMap(([from, callees]) => callees.map(to => `${deployment(from)} => ${deployment(to)} : TCP ${WORKLOADS[to].port}`)),
        ...NAMES.map(name => `${deployment(name)} => ${COREDNS}[Deployment] : TCP 53,UDP 53`),
        `${INGRESS_CONTROLLER}[Deployment] => ${deployment('frontend')} : TCP 8080`,
        ...NAMES.filter(name => WORKLOADS[name].metrics !== undefined)
          .map(name => `${PROMETHEUS}[StatefulSet] => ${deployment(name)} : TCP ${WORKLOADS[name].metrics}`),
      ];
      const actual = net.flows()
        .filter(flow => flow.src.startsWith('boutique/') || flow.dst.startsWith('boutique/'))
        .map(flow => `${flow.src} => ${flow.dst} : ${flow.conn}`);
      expect(actual.sort()).toEqual(expected.sort());
      expect(actual).toHaveLength(16 + 12 + 1 + 11);
    });

    test('the Service ports that differ from their target ports are not what the policies open', () => {
      expect(net).toDenyTraffic({ from: ref('checkoutservice'), to: ref('emailservice'), port: 5000 });
      expect(net).toDenyTraffic({ from: ref('loadgenerator'), to: ref('frontend'), port: 80 });
      expect(net).toDenyTraffic({ from: INGRESS_CONTROLLER, to: ref('frontend'), port: 80 });
    });

    test('ingress-nginx reaches the frontend on 8080, and nothing else of the boutique', () => {
      expect(net).toAllowTraffic({ from: INGRESS_CONTROLLER, to: ref('frontend'), port: 8080 });
      expect(net).toDenyTraffic({ from: INGRESS_CONTROLLER, to: ref('frontend'), port: 9464 });
      for (const name of NAMES.filter(n => n !== 'frontend')) {
        expect(net).toDenyTraffic({ from: INGRESS_CONTROLLER, to: ref(name) });
      }
      expect(net).toDenyTraffic({ from: '1.1.1.1', to: ref('frontend'), port: 8080 });
      expect(net).toDenyTraffic({ from: COREDNS, to: ref('frontend'), port: 8080 });
    });

    test('Prometheus scrapes every service\'s metrics port (redis-cart\'s exporter on 9121), and nothing else', () => {
      for (const [name, { port, metrics }] of Object.entries(WORKLOADS)) {
        if (metrics === undefined) {
          expect(net).toDenyTraffic({ from: PROMETHEUS, to: ref(name) });
          continue;
        }
        expect(net).toAllowTraffic({ from: PROMETHEUS, to: ref(name), port: metrics });
        expect(net).toDenyTraffic({ from: PROMETHEUS, to: ref(name), port: port });
        expect(net).toDenyTraffic({ from: ref(name), to: PROMETHEUS });
      }
      expect(net).toDenyTraffic({ from: PROMETHEUS, to: ref('redis-cart'), port: 9464 });
    });

    test('every workload resolves names through CoreDNS, and reaches nothing else outside the call graph', () => {
      for (const name of NAMES) {
        expect(net).toAllowTraffic({ from: ref(name), to: COREDNS, port: '53/UDP' });
        expect(net).toAllowTraffic({ from: ref(name), to: COREDNS, port: '53/TCP' });
        expect(net).toDenyTraffic({ from: ref(name), to: COREDNS, port: 9153 });
        expect(net).toDenyTraffic({ from: ref(name), to: '1.1.1.1' });
        expect(net).toDenyTraffic({ from: ref(name), to: '8.8.8.8', port: '53/UDP' });
        expect(net).toDenyTraffic({ from: ref(name), to: INGRESS_CONTROLLER });
      }
    });
  });
});
