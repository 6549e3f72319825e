/**
 * Ingress paths on small hand-written inputs: how each kind is read, how a backend resolves to
 * target ports, what is a warning, and what the policies let each controller open.
 */
import { ANONYMOUS_CONTROLLER, INGRESS_CONTROLLER_PROFILES, type IngressController } from '../../src/analysis/ingress-controller';
import { analyseIngressPaths, ingressFlows } from '../../src/analysis/ingress-paths';
import { workloadId } from '../../src/analysis/model';
import { modelOf } from '../analysis/helpers';

/** A Deployment `name` in `ns` with pod label app=<name> and container ports `name:port`. */
function deployment(ns: string, name: string, ports: string[]): string {
  return `
apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}, namespace: ${ns} }
spec:
  template:
    metadata: { labels: { app: ${name} } }
    spec:
      containers:
        - name: c
          ports: [${ports.map(p => { const [n, port] = p.split(':'); return `{ name: ${n}, containerPort: ${port} }`; }).join(', ')}]
---`;
}

function service(ns: string, name: string, app: string, ports: string): string {
  return `
apiVersion: v1
kind: Service
metadata: { name: ${name}, namespace: ${ns} }
spec:
  selector: { app: ${app} }
  ports: ${ports}
---`;
}

const WEB = deployment('shop', 'web', ['http:8080', 'admin:9090']) + service('shop', 'web', 'web', '[{ name: http, port: 80, targetPort: http }, { name: admin, port: 90, targetPort: 9090 }]');

const INGRESS_TO_WEB_80 = `
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: web, namespace: shop }
spec:
  rules:
    - http:
        paths:
          - path: /
            pathType: Prefix
            backend: { service: { name: web, port: { number: 80 } } }
---`;

function analyse(yaml: string, controllers?: readonly IngressController[]) {
  return analyseIngressPaths(modelOf(yaml), controllers);
}

function lines(yaml: string, controllers?: readonly IngressController[]): string[] {
  return ingressFlows(analyse(yaml, controllers)).map(f => `{${f.controller}} => ${workloadId(f.dst)} : ${f.conns}`);
}

describe('reading', () => {
  test('Ingress: a rule backend by Service port number reaches the named target port on the pods', () => {
    expect(lines(WEB + INGRESS_TO_WEB_80)).toEqual(['{ingress-controller} => shop/web[Deployment] : TCP 8080']);
  });

  test('Ingress: defaultBackend, and a Service port given by name', () => {
    const yaml = WEB + `
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: web, namespace: shop }
spec:
  defaultBackend: { service: { name: web, port: { name: admin } } }
`;
    expect(lines(yaml)).toEqual(['{ingress-controller} => shop/web[Deployment] : TCP 9090']);
  });

  test('a named target port resolves per workload: two workloads behind one Service, each on its own port', () => {
    const yaml = deployment('shop', 'blue', ['http:8080']) + deployment('shop', 'green', ['http:8081']).replace('app: green', 'app: blue') + `
apiVersion: v1
kind: Service
metadata: { name: web, namespace: shop }
spec: { selector: { app: blue }, ports: [{ port: 80, targetPort: http }] }
---` + INGRESS_TO_WEB_80;
    expect(lines(yaml)).toEqual([
      '{ingress-controller} => shop/blue[Deployment] : TCP 8080',
      '{ingress-controller} => shop/green[Deployment] : TCP 8081',
    ]);
  });

  test('Route: to and alternateBackends; targetPort names a Service port; without spec.port every Service port', () => {
    const yaml = WEB + deployment('shop', 'canary', ['http:8080']) + service('shop', 'canary', 'canary', '[{ name: http, port: 80, targetPort: 8080 }]') + `
apiVersion: route.openshift.io/v1
kind: Route
metadata: { name: web, namespace: shop }
spec:
  port: { targetPort: http }
  to: { kind: Service, name: web }
  alternateBackends: [{ kind: Service, name: canary }]
---
apiVersion: route.openshift.io/v1
kind: Route
metadata: { name: all-ports, namespace: shop }
spec:
  to: { kind: Service, name: web }
`;
    expect(lines(yaml)).toEqual([
      '{ingress-controller} => shop/canary[Deployment] : TCP 8080',
      '{ingress-controller} => shop/web[Deployment] : TCP 8080,9090',
    ]);
  });

  test.each(['v1', 'v1beta1'])('HTTPRoute %s attached to a Gateway of the input: its Service backendRefs, namespace defaulting to the route\'s', version => {
    const yaml = WEB + `
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: public, namespace: infra }
spec: { gatewayClassName: any, listeners: [{ name: http, port: 80, protocol: HTTP, allowedRoutes: { namespaces: { from: All } } }] }
---
apiVersion: gateway.networking.k8s.io/${version}
kind: HTTPRoute
metadata: { name: web, namespace: shop }
spec:
  parentRefs: [{ name: public, namespace: infra }]
  rules: [{ backendRefs: [{ name: web, port: 90 }] }]
`;
    const analysis = analyse(yaml);
    expect(analysis.warnings).toEqual([]);
    expect(analysis.objects.map(o => o.kind)).toEqual(['HTTPRoute']);
    expect(lines(yaml)).toEqual(['{ingress-controller} => shop/web[Deployment] : TCP 9090']);
  });

  describe('an HTTPRoute counts when a listener of its Gateway accepts it', () => {
    const gateway = (listener: string) => `
apiVersion: v1
kind: Namespace
metadata: { name: shop, labels: { edge: allowed } }
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: public, namespace: infra }
spec: { listeners: [${listener}] }
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: web, namespace: shop }
spec:
  parentRefs: [{ name: public, namespace: infra, sectionName: http }]
  rules: [{ backendRefs: [{ name: web, port: 80 }] }]
`;
    test.each([
      ['from Same (the default) admits only the Gateway\'s namespace', '{ name: http, port: 80, protocol: HTTP }', false],
      ['from Selector admits a namespace whose labels match', '{ name: http, port: 80, protocol: HTTP, allowedRoutes: { namespaces: { from: Selector, selector: { matchLabels: { edge: allowed } } } } }', true],
      ['from Selector admits no namespace whose labels do not match', '{ name: http, port: 80, protocol: HTTP, allowedRoutes: { namespaces: { from: Selector, selector: { matchExpressions: [{ key: edge, operator: DoesNotExist }] } } } }', false],
      ['a TCP listener takes no HTTPRoute', '{ name: http, port: 80, protocol: TCP, allowedRoutes: { namespaces: { from: All } } }', false],
      ['the parentRef names another listener (sectionName)', '{ name: https, port: 443, protocol: HTTPS, allowedRoutes: { namespaces: { from: All } } }', false],
    ])('%s', (_what, listener, accepted) => {
      const analysis = analyse(WEB + gateway(listener));
      expect(analysis.objects.length).toBe(accepted ? 1 : 0);
      expect(analysis.warnings).toEqual(accepted ? [] : [expect.stringMatching(/HTTPRoute shop\/web: spec\.parentRefs names no Gateway of the input whose listeners accept it/)]);
      expect(lines(WEB + gateway(listener))).toEqual(accepted ? ['{ingress-controller} => shop/web[Deployment] : TCP 8080'] : []);
    });
  });

  test('an HTTPRoute backend in another namespace counts when a ReferenceGrant there allows it', () => {
    const route = `
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: public, namespace: edge }
spec: { listeners: [{ name: http, port: 80, protocol: HTTP }] }
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: r, namespace: edge }
spec: { parentRefs: [{ name: public }], rules: [{ backendRefs: [{ name: web, namespace: shop, port: 80 }] }] }
---`;
    const grant = (toName: string) => `
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: { name: edge-routes, namespace: shop }
spec:
  from: [{ group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: edge }]
  to: [{ group: "", kind: Service${toName} }]
`;
    expect(lines(WEB + route + grant(''))).toEqual(['{ingress-controller} => shop/web[Deployment] : TCP 8080']);
    expect(lines(WEB + route + grant(', name: web'))).toEqual(['{ingress-controller} => shop/web[Deployment] : TCP 8080']);
    expect(lines(WEB + route + grant(', name: api'))).toEqual([]);
    expect(lines(WEB + route)).toEqual([]);
  });

  test('an object written twice: the last one stands', () => {
    const yaml = WEB + INGRESS_TO_WEB_80 + INGRESS_TO_WEB_80.replace('number: 80', 'number: 90');
    expect(lines(yaml)).toEqual(['{ingress-controller} => shop/web[Deployment] : TCP 9090']);
  });

  test('a CRD reusing the kind name in another group is not read', () => {
    const yaml = WEB + INGRESS_TO_WEB_80.replace('networking.k8s.io/v1', 'example.com/v1');
    expect(analyse(yaml).objects).toEqual([]);
  });
});

describe('what resolves to nothing is a warning naming the object, never a silent drop', () => {
  test.each([
    ['a missing Service', INGRESS_TO_WEB_80.replace('name: web, port', 'name: wbe, port'), /Ingress shop\/web: backend Service shop\/wbe is not in the input/],
    ['a Service port the Service does not have', INGRESS_TO_WEB_80.replace('number: 80', 'number: 81'), /backend Service shop\/web has no port 81; .*\(its ports: http 80\/TCP, admin 90\/TCP\)/],
    ['a target port no container declares', INGRESS_TO_WEB_80.replace('number: 80', 'number: 91') + service('shop', 'web', 'web', '[{ port: 91, targetPort: 7070 }]'),
      /port 91 sends to port 7070, which shop\/web\[Deployment\] does not declare as a TCP container port/],
    ['a Route to something else than a Service', `
apiVersion: route.openshift.io/v1
kind: Route
metadata: { name: r, namespace: shop }
spec: { to: { kind: Other, name: web } }
`, /Route shop\/r: spec\.to is not a Service \(kind Other, name web\)/],
    ['an HTTPRoute whose Gateway is not in the input', `
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: r, namespace: shop }
spec: { parentRefs: [{ name: public }], rules: [{ backendRefs: [{ name: web, port: 80 }] }] }
`, /HTTPRoute shop\/r: spec\.parentRefs names no Gateway of the input/],
    ['an HTTPRoute backend in another namespace without a ReferenceGrant', `
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: public, namespace: shop }
spec: { listeners: [{ name: http, port: 80, protocol: HTTP }] }
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: r, namespace: shop }
spec: { parentRefs: [{ name: public }], rules: [{ backendRefs: [{ name: web, namespace: other, port: 80 }] }] }
`, /spec\.rules\[0\]\.backendRefs\[0\] sends to Service other\/web, which no ReferenceGrant in namespace other of the input allows to HTTPRoutes of shop/],
  ])('%s', (_what, objects, warning) => {
    const analysis = analyse(WEB + objects);
    expect(analysis.warnings).toHaveLength(1);
    expect(analysis.warnings[0]).toMatch(warning);
    expect(ingressFlows(analysis)).toEqual([]);
  });

  test('a Service without selector', () => {
    const yaml = deployment('shop', 'web', ['http:8080']) + `
apiVersion: v1
kind: Service
metadata: { name: web, namespace: shop }
spec: { ports: [{ port: 80 }] }
---` + INGRESS_TO_WEB_80;
    expect(analyse(yaml).warnings).toEqual([expect.stringMatching(/backend Service shop\/web has no selector/)]);
  });
});

/** A policy on shop/web admitting `from` on every port. */
function admitting(from: string): string {
  return `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: web-ingress, namespace: shop }
spec:
  podSelector: { matchLabels: { app: web } }
  policyTypes: [Ingress]
  ingress: [{ from: ${from} }]
---`;
}

const NGINX = INGRESS_CONTROLLER_PROFILES['ingress-nginx'];
const OPENSHIFT = INGRESS_CONTROLLER_PROFILES.openshift;
const TRAEFIK = INGRESS_CONTROLLER_PROFILES.traefik;

describe('what the policies let each controller open', () => {
  test('no policy selects the backend: open on its target port, and only there', () => {
    const path = analyse(WEB + INGRESS_TO_WEB_80).paths[0];
    expect([path.wanted.toString(), path.allowed.toString()]).toEqual(['TCP 8080', 'TCP 8080']);
  });

  test('a deny-all ingress policy on the backend blocks every controller', () => {
    const deny = '\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: deny, namespace: shop }\nspec: { podSelector: {}, policyTypes: [Ingress] }\n---';
    const analysis = analyse(WEB + INGRESS_TO_WEB_80 + deny, [ANONYMOUS_CONTROLLER, NGINX]);
    expect(analysis.paths.map(p => p.allowed.toString())).toEqual(['No Connections', 'No Connections']);
    expect(ingressFlows(analysis)).toEqual([]);
  });

  test('a rule admitting every namespace admits the anonymous controller', () => {
    expect(lines(WEB + INGRESS_TO_WEB_80 + admitting('[{ namespaceSelector: {} }]'))).toEqual(['{ingress-controller} => shop/web[Deployment] : TCP 8080']);
  });

  test('a rule admitting only same-namespace pods admits no controller', () => {
    expect(lines(WEB + INGRESS_TO_WEB_80 + admitting('[{ podSelector: {} }]'), [ANONYMOUS_CONTROLLER, NGINX, OPENSHIFT, TRAEFIK])).toEqual([]);
  });

  test('a rule admitting exactly the ingress-nginx namespace: np-guard\'s controller is blocked (its false negative), the ingress-nginx profile is open', () => {
    const yaml = WEB + INGRESS_TO_WEB_80 + admitting('[{ namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: ingress-nginx } } }]');
    expect(lines(yaml)).toEqual([]);
    expect(lines(yaml, [NGINX, OPENSHIFT])).toEqual(['{ingress-nginx} => shop/web[Deployment] : TCP 8080']);
  });

  test('the ingress-nginx controller pods, by namespace AND pod labels', () => {
    const peer = '[{ namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: ingress-nginx } }, podSelector: { matchLabels: { app.kubernetes.io/name: ingress-nginx, app.kubernetes.io/component: controller } } }]';
    expect(lines(WEB + INGRESS_TO_WEB_80 + admitting(peer), [ANONYMOUS_CONTROLLER, NGINX])).toEqual(['{ingress-nginx} => shop/web[Deployment] : TCP 8080']);
  });

  test('OpenShift\'s documented allow-from-router (the policy-group ingress namespace label) admits the openshift profile only', () => {
    const yaml = WEB + INGRESS_TO_WEB_80 + admitting('[{ namespaceSelector: { matchLabels: { policy-group.network.openshift.io/ingress: "" } } }]');
    expect(lines(yaml, [ANONYMOUS_CONTROLLER, NGINX, OPENSHIFT, TRAEFIK])).toEqual(['{openshift-ingress} => shop/web[Deployment] : TCP 8080']);
  });

  test('traefik pods by their chart labels, in namespace traefik', () => {
    const peer = '[{ namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: traefik } }, podSelector: { matchLabels: { app.kubernetes.io/name: traefik } } }]';
    expect(lines(WEB + INGRESS_TO_WEB_80 + admitting(peer), [ANONYMOUS_CONTROLLER, NGINX, TRAEFIK])).toEqual(['{traefik} => shop/web[Deployment] : TCP 8080']);
  });

  test('a rule on another port leaves the backend\'s port closed; one on the port opens only it', () => {
    const onPort = (port: number) => `
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: web-ingress, namespace: shop }
spec:
  podSelector: { matchLabels: { app: web } }
  ingress: [{ ports: [{ port: ${port} }] }]
---`;
    expect(lines(WEB + INGRESS_TO_WEB_80 + onPort(9090))).toEqual([]);
    expect(lines(WEB + INGRESS_TO_WEB_80 + onPort(8080))).toEqual(['{ingress-controller} => shop/web[Deployment] : TCP 8080']);
  });

  test('the controller\'s own egress counts: a default-deny egress in its namespace blocks it, the input\'s Namespace labels are its', () => {
    const open = WEB + INGRESS_TO_WEB_80 + admitting('[{ namespaceSelector: { matchLabels: { team: edge } } }]') + `
apiVersion: v1
kind: Namespace
metadata: { name: ingress-nginx, labels: { team: edge } }
---`;
    expect(lines(open, [NGINX])).toEqual(['{ingress-nginx} => shop/web[Deployment] : TCP 8080']);
    const egressDenied = open + '\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: deny-egress, namespace: ingress-nginx }\nspec: { podSelector: {}, policyTypes: [Egress] }\n';
    expect(lines(egressDenied, [NGINX])).toEqual([]);
  });
});
