import '../../src/testing';
import { Testing } from 'cdk8s';
import * as example from '../../examples/patterns/42-allow-monitoring';
import { exampleChart } from '../../examples/patterns/example-chart';
import { AllowMonitoring, PodSelector, Port } from '../../src';
import { makeChart, onlyPolicy } from '../policies/helpers';

describe('AllowMonitoring', () => {
  test('Prometheus of namespace monitoring by default, on the port given', () => {
    const chart = makeChart();
    new AllowMonitoring(chart, 'scrape', { pods: PodSelector.labels({ app: 'api' }), port: Port.named('metrics') });
    expect(onlyPolicy(chart).spec).toEqual({
      podSelector: { matchLabels: { app: 'api' } },
      ingress: [{
        from: [{
          namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } },
          podSelector: { matchLabels: { 'app.kubernetes.io/name': 'prometheus' } },
        }],
        ports: [{ protocol: 'TCP', port: 'metrics' }],
      }],
      policyTypes: ['Ingress'],
    });
  });

  test('another scraper in another namespace', () => {
    const chart = makeChart();
    new AllowMonitoring(chart, 'scrape', {
      pods: PodSelector.all(),
      port: Port.tcp(9100),
      monitoringNamespace: 'observability',
      scrapers: PodSelector.labels({ 'app.kubernetes.io/name': 'vmagent' }),
    });
    expect(onlyPolicy(chart).spec.ingress[0].from).toEqual([{
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'observability' } },
      podSelector: { matchLabels: { 'app.kubernetes.io/name': 'vmagent' } },
    }]);
  });

  describe('example: Prometheus scrapes the API', () => {
    const chart = exampleChart(example);

    test('Prometheus reaches the metrics port and nothing else', () => {
      expect(chart).toAllowTraffic({ from: 'monitoring/prometheus', to: 'default/api', port: 9090 });
      expect(chart).toDenyTraffic({ from: 'monitoring/prometheus', to: 'default/api', port: 8080 });
    });

    test('other pods of the monitoring namespace do not', () => {
      expect(chart).toDenyTraffic({ from: 'monitoring/grafana', to: 'default/api', port: 9090 });
    });

    test('snapshot', () => expect(Testing.synth(chart)).toMatchSnapshot());
  });
});
