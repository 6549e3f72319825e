/**
 * Pattern · AllowMonitoring
 *
 * Prometheus (`app.kubernetes.io/name: prometheus` in namespace `monitoring`) may scrape the API's
 * metrics port, and nothing else of it; Grafana, in the same namespace, may not.
 */
import { Chart } from 'cdk8s';
import { app } from './demo-cluster';
import { AllowMonitoring, PodSelector, Port } from '../../src';

export function pattern(chart: Chart): void {
  new AllowMonitoring(chart, 'api-allow-scrape', {
    name: 'api-allow-scrape',
    pods: PodSelector.labels({ app: 'api' }),
    port: Port.tcp(9090),
  });
}

export function demo(chart: Chart): void {
  app(chart, 'monitoring/prometheus', { 'app.kubernetes.io/name': 'prometheus' });
  app(chart, 'monitoring/grafana', { 'app.kubernetes.io/name': 'grafana' });
  app(chart, 'default/api', { app: 'api' }, [{ name: 'http', port: 8080 }, { name: 'metrics', port: 9090 }]);
}
