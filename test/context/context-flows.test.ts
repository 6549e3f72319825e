/**
 * The presets against real policies: the example app's DNS egress proven against each DNS preset,
 * and controllers and scrapers admitted by namespace reaching the pods only with their preset.
 */
import { ApiObject, Chart, Testing } from 'cdk8s';
import { buildThreeTier } from '../../examples/three-tier/main';
import { AllowFromIngressController, AllowMonitoring, DefaultDeny, DnsEgress, DnsResolver, IngressController, NetworkAnalysis, PodSelector, Port } from '../../src';
import '../../src/testing';

const threeTier = () => buildThreeTier(Testing.app());

describe('the example app\'s DNS egress (kube-system, k8s-app=kube-dns, 53) against each DNS preset', () => {
  test.each([
    ['coredns', 'kube-system/coredns'],
    ['kube-dns', 'kube-system/kube-dns'],
    ['eks-coredns', 'kube-system/coredns'],
    ['aks-coredns', 'kube-system/coredns'],
  ])('%s: every tier reaches %s on 53/UDP and 53/TCP, nothing else', (preset, dns) => {
    const chart = threeTier();
    for (const tier of ['frontend', 'backend', 'database']) {
      expect(chart).toAllowTraffic({ from: `shop/${tier}`, to: dns, port: '53/UDP', context: [preset] });
      expect(chart).toAllowTraffic({ from: `shop/${tier}`, to: dns, port: '53/TCP', context: [preset] });
      expect(chart).toDenyTraffic({ from: `shop/${tier}`, to: dns, port: '9153/TCP', context: [preset] });
    }
  });

  test('without the preset the DNS server is no workload of the analysis, so the flow cannot be shown', () => {
    expect(() => NetworkAnalysis.fromChart(threeTier()).isAllowed('shop/frontend', 'kube-system/coredns', '53/UDP')).toThrow(/unknown workload 'kube-system\/coredns'/);
    expect(NetworkAnalysis.fromChart(threeTier(), { context: ['coredns'] }).flows()).toContainEqual(
      { src: 'shop/frontend[Deployment]', dst: 'kube-system/coredns[Deployment]', conn: 'TCP 53,UDP 53' });
  });

  test('openshift-dns: the kube-dns rule does not reach OpenShift\'s DNS; DnsResolver.openShift() does, on 5353', () => {
    expect(threeTier()).toDenyTraffic({ from: 'shop/frontend', to: 'openshift-dns/dns-default', port: '5353/UDP', context: ['openshift-dns'] });
    const chart = appWithDns(DnsResolver.openShift());
    expect(chart).toAllowTraffic({ from: 'app/web', to: 'openshift-dns/dns-default', port: '5353/UDP', context: ['openshift-dns'] });
    expect(chart).toAllowTraffic({ from: 'app/web', to: 'openshift-dns/dns-default', port: '5353/TCP', context: ['openshift-dns'] });
    expect(chart).toDenyTraffic({ from: 'app/web', to: 'openshift-dns/dns-default', port: '53/UDP', context: ['openshift-dns'] });
  });

  test('nodelocal-dns: a hostNetwork DaemonSet, reached at 169.254.20.10, which only an ipBlock allows', () => {
    const analysis = NetworkAnalysis.fromChart(appWithDns(DnsResolver.nodeLocal()), { context: ['nodelocal-dns'] });
    expect(analysis.isAllowed('app/web', '169.254.20.10', '53/UDP')).toBe(true);
    expect(analysis.isAllowed('app/web', '169.254.20.11', '53/UDP')).toBe(false);
    // Node traffic: no selector matches the DaemonSet, so the pod-to-pod flow is denied by the default deny.
    expect(analysis.isAllowed('app/web', 'kube-system/node-local-dns', '53/UDP')).toBe(false);
    expect(analysis.explain('app/web', 'kube-system/node-local-dns', '53/UDP')).toContain('uses hostNetwork');
    expect(NetworkAnalysis.fromChart(threeTier(), { context: ['nodelocal-dns'] }).isAllowed('shop/frontend', '169.254.20.10', '53/UDP')).toBe(false);
  });
});

describe('ingress controllers admitted by namespace', () => {
  test('the example admits only the ingress-nginx namespace: the controller reaches the frontend with its preset, Traefik does not', () => {
    const chart = threeTier();
    expect(chart).toAllowTraffic({ from: 'ingress-nginx/ingress-nginx-controller', to: 'shop/frontend', port: 8080, context: ['ingress-nginx'] });
    expect(chart).toDenyTraffic({ from: 'ingress-nginx/ingress-nginx-controller', to: 'shop/backend', port: 9000, context: ['ingress-nginx'] });
    expect(chart).toDenyTraffic({ from: 'traefik/traefik', to: 'shop/frontend', port: 8080, context: ['traefik'] });
  });

  test('the AllowFromIngressController pattern matches each controller preset it names', () => {
    const chart = appChart();
    new AllowFromIngressController(chart, 'nginx', { pods: PodSelector.labels({ app: 'web' }), controller: IngressController.ingressNginx() });
    new AllowFromIngressController(chart, 'traefik', { pods: PodSelector.labels({ app: 'web' }), controller: IngressController.traefik('traefik') });
    expect(chart).toAllowTraffic({ from: 'ingress-nginx/ingress-nginx-controller', to: 'app/web', port: 8080, context: ['ingress-nginx'] });
    expect(chart).toAllowTraffic({ from: 'traefik/traefik', to: 'app/web', port: 8080, context: ['traefik'] });
    expect(chart).toDenyTraffic({ from: 'openshift-ingress/router-default', to: 'app/web', port: 8080, context: ['openshift-ingress'] });
  });

  test('openshift-ingress: a rule on the namespace label network.openshift.io/policy-group=ingress admits the router', () => {
    const chart = appChart();
    new ApiObject(chart, 'from-router', {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'from-router' },
      spec: {
        podSelector: { matchLabels: { app: 'web' } },
        policyTypes: ['Ingress'],
        ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'network.openshift.io/policy-group': 'ingress' } } }] }],
      },
    });
    expect(chart).toAllowTraffic({ from: 'openshift-ingress/router-default', to: 'app/web', port: 8080, context: ['openshift-ingress'] });
    expect(chart).toDenyTraffic({ from: 'ingress-nginx/ingress-nginx-controller', to: 'app/web', port: 8080, context: ['ingress-nginx'] });
  });
});

test('prometheus: AllowMonitoring\'s default scrapers are the preset\'s pods', () => {
  const chart = appChart();
  new AllowMonitoring(chart, 'metrics', { pods: PodSelector.labels({ app: 'web' }), port: Port.tcp(9102) });
  expect(chart).toAllowTraffic({ from: 'monitoring/prometheus-k8s', to: 'app/web', port: 9102, context: ['prometheus'] });
  expect(chart).toDenyTraffic({ from: 'monitoring/prometheus-k8s', to: 'app/web', port: 8080, context: ['prometheus'] });
});

test('a context on a NetworkAnalysis already built is refused, and an unknown preset names the known ones', () => {
  const analysis = NetworkAnalysis.fromChart(appChart(), { context: ['coredns'] });
  expect(() => expect(analysis).toAllowTraffic({ from: 'app/web', to: 'kube-system/coredns', context: ['coredns'] })).toThrow(/already built/);
  expect(() => NetworkAnalysis.fromChart(appChart(), { context: ['coredsn'] })).toThrow(/unknown cluster context preset 'coredsn'; use one of coredns, kube-dns/);
});

/** Namespace `app` with Deployment `web` (app=web, http 8080), every pod default-denied both ways. */
function appChart(): Chart {
  const chart = new Chart(Testing.app(), 'app', { namespace: 'app' });
  new ApiObject(chart, 'web', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'web:1', ports: [{ name: 'http', containerPort: 8080 }] }] } },
    },
  });
  new DefaultDeny(chart, 'deny');
  return chart;
}

function appWithDns(resolver: DnsResolver): Chart {
  const chart = appChart();
  new DnsEgress(chart, 'dns', { resolver });
  return chart;
}
