import '../../src/testing';
import { Testing } from 'cdk8s';
import * as example from '../../examples/patterns/41-allow-from-ingress-controller';
import { exampleChart } from '../../examples/patterns/example-chart';
import { AllowFromIngressController, IngressController, PodSelector } from '../../src';
import { errorOf, makeChart, onlyPolicy } from '../policies/helpers';

/** The `from` an AllowFromIngressController with this controller writes. */
function fromOf(controller?: IngressController): unknown {
  const chart = makeChart();
  new AllowFromIngressController(chart, 'ingress', { pods: PodSelector.labels({ app: 'web' }), controller });
  return onlyPolicy(chart).spec.ingress[0].from;
}

const byName = (name: string) => ({ matchLabels: { 'kubernetes.io/metadata.name': name } });

describe('AllowFromIngressController', () => {
  test('ingress-nginx by default: its controller pods AND its namespace, in one peer', () => {
    expect(fromOf()).toEqual([{
      namespaceSelector: byName('ingress-nginx'),
      podSelector: { matchLabels: { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' } },
    }]);
  });

  test('ingress-nginx installed in another namespace', () => {
    expect(fromOf(IngressController.ingressNginx({ namespace: 'ingress' }))).toEqual([
      expect.objectContaining({ namespaceSelector: byName('ingress') }),
    ]);
  });

  test('Traefik in the namespace given', () => {
    expect(fromOf(IngressController.traefik('kube-system'))).toEqual([{
      namespaceSelector: byName('kube-system'),
      podSelector: { matchLabels: { 'app.kubernetes.io/name': 'traefik' } },
    }]);
  });

  test('any other controller', () => {
    expect(fromOf(IngressController.custom('haproxy', PodSelector.labels({ app: 'haproxy-ingress' })))).toEqual([{
      namespaceSelector: byName('haproxy'),
      podSelector: { matchLabels: { app: 'haproxy-ingress' } },
    }]);
  });

  test('refuses an empty ports list, which would mean every port', () => {
    expect(errorOf(() => new AllowFromIngressController(makeChart(), 'ingress', { pods: PodSelector.all(), ports: [] })))
      .toMatch(/^AllowFromIngressController test\/ingress: 'ports' is empty/);
  });

  describe('example: web behind ingress-nginx', () => {
    const chart = exampleChart(example);

    test('the controller reaches the web port only', () => {
      expect(chart).toAllowTraffic({ from: 'ingress-nginx/ingress-nginx-controller', to: 'default/web', port: 8080 });
      expect(chart).toDenyTraffic({ from: 'ingress-nginx/ingress-nginx-controller', to: 'default/web', port: 9090 });
    });

    test('other pods of its namespace, other pods and outside clients do not', () => {
      expect(chart).toDenyTraffic({ from: 'ingress-nginx/default-backend', to: 'default/web', port: 8080 });
      expect(chart).toDenyTraffic({ from: 'default/client', to: 'default/web', port: 8080 });
      expect(chart).toDenyTraffic({ from: '203.0.113.10', to: 'default/web', port: 8080 });
    });

    test('snapshot', () => expect(Testing.synth(chart)).toMatchSnapshot());
  });
});
