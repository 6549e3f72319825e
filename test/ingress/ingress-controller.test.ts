/** `--ingress-controller` values: the profiles, `<namespace>/<labels>`, and refusals that name the mistake. */
import { INGRESS_CONTROLLER_PROFILES, parseIngressController } from '../../src/analysis/ingress-controller';

test.each(Object.keys(INGRESS_CONTROLLER_PROFILES))('profile %s', name => {
  expect(parseIngressController(name)).toBe(INGRESS_CONTROLLER_PROFILES[name]);
});

test('the profiles\' namespaces and pods, as their upstream manifests install them', () => {
  expect(Object.values(INGRESS_CONTROLLER_PROFILES).map(c => [c.name, c.namespace, c.podLabels])).toEqual([
    ['ingress-nginx', 'ingress-nginx', { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' }],
    ['openshift-ingress', 'openshift-ingress', { 'ingresscontroller.operator.openshift.io/deployment-ingresscontroller': 'default' }],
    ['traefik', 'traefik', { 'app.kubernetes.io/name': 'traefik', 'app.kubernetes.io/instance': 'traefik-traefik' }],
  ]);
});

test('<namespace>/<key=value,...>: named after its namespace', () => {
  expect(parseIngressController('edge/app=router,tier=front')).toEqual({ name: 'edge', namespace: 'edge', namespaceLabels: {}, podLabels: { app: 'router', tier: 'front' } });
  expect(parseIngressController('edge/')).toEqual({ name: 'edge', namespace: 'edge', namespaceLabels: {}, podLabels: {} });
});

test.each([
  ['nginx', /unknown ingress controller 'nginx'; use ingress-nginx, openshift, traefik or <namespace>\/<key=value,...>/],
  ['Edge/app=x', /namespace 'Edge' is not a DNS-1123 label/],
  ['edge/app', /pod label 'app' has no value/],
  ['edge/-app=x', /pod label '-app=x' is not/],
  ['edge/__proto__=x', /pod label '__proto__=x' is not/],
  ['edge/app=x y', /pod label 'app=x y'/],
])('%s is refused', (text, message) => {
  expect(() => parseIngressController(text)).toThrow(message);
});
