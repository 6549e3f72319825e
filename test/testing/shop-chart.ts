/** A small chart built from raw objects: web may reach api on 8080, nothing else reaches api. */
import { ApiObject, App, Chart, Testing } from 'cdk8s';

export function deployment(chart: Chart, name: string, containerPort?: number): void {
  new ApiObject(chart, name, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'shop' },
    spec: {
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name, image: name, ports: containerPort ? [{ containerPort }] : undefined }] },
      },
    },
  });
}

export function networkPolicy(chart: Chart, name: string, spec: object): void {
  new ApiObject(chart, name, { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace: 'shop' }, spec });
}

export function shopChart(app: App = Testing.app()): Chart {
  const chart = new Chart(app, 'shop');
  deployment(chart, 'web');
  deployment(chart, 'api', 8080);
  networkPolicy(chart, 'deny-ingress', { podSelector: {}, policyTypes: ['Ingress'] });
  networkPolicy(chart, 'api-from-web', {
    podSelector: { matchLabels: { app: 'api' } },
    ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 8080 }] }],
  });
  return chart;
}
