import * as path from 'path';
import { Chart, Include, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { TeamBaseline, TeamBaselineProps } from '../../examples/pattern-package';
import { ConnectionGraph, Endpoint, NetworkAnalysis, Port, PodSelector } from '../../src';
import '../../src/testing';

const CLUSTER = [
  path.join(__dirname, '../../examples/three-tier/cluster/existing.yaml'), // CoreDNS, ingress-nginx
  path.join(__dirname, '../../examples/online-boutique/cluster/monitoring.yaml'), // Prometheus
];

/** A team namespace `payments` with an `api` (http 8080, metrics 9464) and a `worker` (metrics 9464), and the baseline `props` say. */
function team(props: (api: kplus.Deployment) => TeamBaselineProps = () => ({})) {
  const app = Testing.app();
  const chart = new Chart(app, 'payments', { namespace: 'payments' });
  const api = workload(chart, 'api', [{ name: 'http', number: 8080 }, { name: 'metrics', number: 9464 }]);
  const worker = workload(chart, 'worker', [{ name: 'metrics', number: 9464 }]);
  const baseline = new TeamBaseline(chart, 'baseline', props(api));
  const cluster = new Chart(app, 'cluster');
  CLUSTER.forEach((url, i) => new Include(cluster, `existing-${i}`, { url }));
  return { app, chart, baseline, api, worker };
}

function workload(chart: Chart, name: string, ports: kplus.ContainerPort[]): kplus.Deployment {
  return new kplus.Deployment(chart, name, {
    metadata: { name },
    containers: [{ name, image: `registry.example/payments-${name}:1`, ports, securityContext: { ensureNonRoot: false } }],
  });
}

const names = (chart: Chart) => Testing.synth(chart).filter(o => o.kind === 'NetworkPolicy').map(p => p.metadata.name);

describe('examples/pattern-package: TeamBaseline', () => {
  test('writes a default deny, DNS, the ingress controller into the front pods and Prometheus into the metrics ports', () => {
    const { chart } = team(api => ({ name: 'payments', ingressPods: PodSelector.workload(api), ingressPorts: [Port.named('http')] }));
    expect(names(chart)).toEqual(['payments-default-deny', 'payments-dns', 'payments-ingress', 'payments-monitoring']);
    expect(Testing.synth(chart).filter(o => o.kind === 'NetworkPolicy')).toMatchSnapshot();
  });

  test('allows the ingress controller into the front pods on their http port, and nothing else of the namespace', () => {
    const { app } = team(api => ({ ingressPods: PodSelector.workload(api), ingressPorts: [Port.named('http')] }));
    const net = NetworkAnalysis.fromApp(app);
    const controller = 'ingress-nginx/ingress-nginx-controller';
    expect(net).toAllowTraffic({ from: controller, to: 'payments/api', port: 8080 });
    expect(net).toDenyTraffic({ from: controller, to: 'payments/api', port: 9464 });
    expect(net).toDenyTraffic({ from: controller, to: 'payments/worker' });
    expect(net).toDenyTraffic({ from: 'kube-system/coredns', to: 'payments/api', port: 8080 });
    expect(net).toDenyTraffic({ from: '1.1.1.1', to: 'payments/api', port: 8080 });
  });

  test('lets Prometheus scrape every pod\'s metrics port, and only that', () => {
    const { app } = team();
    const net = NetworkAnalysis.fromApp(app);
    const prometheus = 'monitoring/prometheus-k8s';
    for (const pod of ['payments/api', 'payments/worker']) {
      expect(net).toAllowTraffic({ from: prometheus, to: pod, port: 9464 });
      expect(net).toDenyTraffic({ from: prometheus, to: pod, port: 8080 });
      expect(net).toDenyTraffic({ from: 'ingress-nginx/ingress-nginx-controller', to: pod, port: 9464 });
    }
  });

  test('allows DNS to kube-dns and nothing else out; the team\'s pods do not reach each other until the team says so', () => {
    const { app } = team();
    const net = NetworkAnalysis.fromApp(app);
    for (const pod of ['payments/api', 'payments/worker']) {
      expect(net).toAllowTraffic({ from: pod, to: 'kube-system/coredns', port: '53/UDP' });
      expect(net).toAllowTraffic({ from: pod, to: 'kube-system/coredns', port: '53/TCP' });
      expect(net).toDenyTraffic({ from: pod, to: 'kube-system/coredns', port: 9153 });
      expect(net).toDenyTraffic({ from: pod, to: '1.1.1.1' });
    }
    expect(net).toDenyTraffic({ from: 'payments/api', to: 'payments/worker' });
    expect(net).toDenyTraffic({ from: 'payments/worker', to: 'payments/api' });
  });

  test('takes the team\'s own graph beside it: the graph\'s calls are allowed, the baseline still holds', () => {
    const { app, chart, api, worker } = team();
    // The baseline already allows DNS to every pod of the namespace.
    const graph = new ConnectionGraph(chart, 'graph', { name: 'payments', dns: false });
    graph.connect(Endpoint.workload(api), Endpoint.workload(worker), [Port.tcp(9000)]);
    expect(names(chart)).toEqual(['baseline-default-deny', 'baseline-dns', 'baseline-monitoring', 'payments-api', 'payments-worker']);
    const net = NetworkAnalysis.fromApp(app);
    expect(net).toAllowTraffic({ from: 'payments/api', to: 'payments/worker', port: 9000 });
    expect(net).toDenyTraffic({ from: 'payments/api', to: 'payments/worker', port: 9464 });
    expect(net).toDenyTraffic({ from: 'payments/worker', to: 'payments/api' });
    expect(net).toAllowTraffic({ from: 'payments/worker', to: 'kube-system/coredns', port: '53/UDP' });
    expect(net).toAllowTraffic({ from: 'monitoring/prometheus-k8s', to: 'payments/worker', port: 9464 });
    expect(() => app.synthYaml()).not.toThrow();
  });

  test('synthesizes through the synth-time lint', () => {
    const { app } = team(api => ({ ingressPods: PodSelector.workload(api), ingressPorts: [Port.tcp(8080)] }));
    expect(() => app.synthYaml()).not.toThrow();
  });

  describe('without DNS', () => {
    test('acknowledges the missing DNS on the default deny, with the team\'s reason, and synthesizes', () => {
      const { app, chart, baseline } = team(() => ({ withoutDnsBecause: 'batch jobs that only read mounted files' }));
      expect(baseline.dns).toBeUndefined();
      expect(names(chart)).toEqual(['baseline-default-deny', 'baseline-monitoring']);
      expect(baseline.defaultDeny.toJson().metadata.annotations).toEqual({
        'acknowledge.cdk8s-netpol.io/dns-egress-missing': 'batch jobs that only read mounted files',
      });
      expect(app).toDenyTraffic({ from: 'payments/api', to: 'kube-system/coredns', port: '53/UDP' });
      expect(() => app.synthYaml()).not.toThrow();
    });

    test('refuses an empty reason, naming the construct', () => {
      expect(() => team(() => ({ withoutDnsBecause: ' ' }))).toThrow(/NetworkLint.acknowledge\(payments\/baseline\/default-deny, 'dns-egress-missing'\): give a reason/);
    });
  });

  test('refuses front pods without ports, and ports without front pods', () => {
    expect(() => team(api => ({ ingressPods: PodSelector.workload(api) })))
      .toThrow('TeamBaseline payments/baseline: \'ingressPods\' is given without \'ingressPorts\'; name the container ports the ingress controller connects to, e.g. [Port.named(\'http\')]');
    expect(() => team(() => ({ ingressPorts: [Port.tcp(8080)] })))
      .toThrow('TeamBaseline payments/baseline: \'ingressPorts\' is given without \'ingressPods\'; say which pods the ingress controller forwards to');
    expect(() => team(api => ({ ingressPods: PodSelector.workload(api), ingressPorts: [] })))
      .toThrow(/'ports' is empty/);
  });
});
