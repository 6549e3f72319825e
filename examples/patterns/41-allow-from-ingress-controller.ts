/**
 * Pattern · AllowFromIngressController
 *
 * The web pods accept the ingress-nginx controller on their HTTP port and nothing else; other pods
 * of the controller's namespace (here its default backend) are not the controller. For another
 * controller pass `controller: IngressController.traefik('traefik')` or
 * `IngressController.custom(namespace, pods)`.
 */
import { Chart } from 'cdk8s';
import { app } from './demo-cluster';
import { AllowFromIngressController, PodSelector, Port } from '../../src';

export function pattern(chart: Chart): void {
  new AllowFromIngressController(chart, 'web-allow-ingress', {
    name: 'web-allow-ingress',
    pods: PodSelector.labels({ app: 'web' }),
    ports: [Port.tcp(8080)],
  });
}

export function demo(chart: Chart): void {
  app(chart, 'ingress-nginx/ingress-nginx-controller', {
    'app.kubernetes.io/name': 'ingress-nginx',
    'app.kubernetes.io/component': 'controller',
  });
  app(chart, 'ingress-nginx/default-backend', {
    'app.kubernetes.io/name': 'ingress-nginx',
    'app.kubernetes.io/component': 'default-backend',
  });
  app(chart, 'default/web', { app: 'web' }, [{ name: 'http', port: 8080 }]);
  app(chart, 'default/client', { app: 'client' });
}
