/**
 * Ingress paths through the cluster policies' tiers: an Admin Deny closes what no NetworkPolicy
 * would, an Admin Accept opens what a Baseline deny closes, and each controller is judged by the
 * namespace it really runs in (docs/ingress-paths.md, docs/cluster-network-policy.md).
 */
import { ANONYMOUS_CONTROLLER, INGRESS_CONTROLLER_PROFILES } from '../../src/analysis/ingress-controller';
import { analyseIngressPaths, ingressFlows } from '../../src/analysis/ingress-paths';
import { workloadId } from '../../src/analysis/model';
import { computeReachability } from '../../src/analysis/reachability';
import { modelOf } from '../analysis/helpers';

const NGINX = INGRESS_CONTROLLER_PROFILES['ingress-nginx'];

const SHOP = `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: c, ports: [{ name: http, containerPort: 8080 }] }]
---
apiVersion: v1
kind: Service
metadata: { name: web, namespace: shop }
spec:
  selector: { app: web }
  ports: [{ port: 80, targetPort: http }]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: web, namespace: shop }
spec:
  defaultBackend: { service: { name: web, port: { number: 80 } } }
---`;

/** A v1alpha2 ClusterNetworkPolicy on namespace shop's ingress from the ingress-nginx namespace. */
function fromNginx(tier: 'Admin' | 'Baseline', action: 'Accept' | 'Deny', name: string, priority: number, peer = '{ namespaces: { matchLabels: { kubernetes.io/metadata.name: ingress-nginx } } }'): string {
  return `
apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata: { name: ${name} }
spec:
  tier: ${tier}
  priority: ${priority}
  subject: { namespaces: { matchLabels: { kubernetes.io/metadata.name: shop } } }
  ingress:
    - { name: r, action: ${action}, from: [${peer}] }
---`;
}

function lines(yaml: string): string[] {
  return ingressFlows(analyseIngressPaths(modelOf(yaml), [ANONYMOUS_CONTROLLER, NGINX])).map(f => `{${f.controller}} => ${workloadId(f.dst)} : ${f.conns}`);
}

test('without cluster policies both controllers reach the backend (no NetworkPolicy isolates it)', () => {
  expect(lines(SHOP)).toEqual(['{ingress-controller} => shop/web[Deployment] : TCP 8080', '{ingress-nginx} => shop/web[Deployment] : TCP 8080']);
});

test('an Admin Deny from the ingress-nginx namespace closes the path for that controller only', () => {
  const yaml = SHOP + fromNginx('Admin', 'Deny', 'no-nginx', 10);
  expect(lines(yaml)).toEqual(['{ingress-controller} => shop/web[Deployment] : TCP 8080']);
});

test('a Baseline deny of everything, opened by an Admin Accept for ingress-nginx, leaves only the real controller', () => {
  const everyone = '{ namespaces: {} }';
  const yaml = SHOP + fromNginx('Baseline', 'Deny', 'baseline-deny', 1000, everyone) + fromNginx('Admin', 'Accept', 'nginx-in', 5);
  expect(lines(yaml)).toEqual(['{ingress-nginx} => shop/web[Deployment] : TCP 8080']);
});

test('the verdict is the one reach gives a real controller pod in the same place', () => {
  const controllerPod = `
apiVersion: v1
kind: Namespace
metadata: { name: ingress-nginx, labels: { kubernetes.io/metadata.name: ingress-nginx } }
---
apiVersion: v1
kind: Pod
metadata: { name: controller, namespace: ingress-nginx, labels: ${JSON.stringify(NGINX.podLabels)} }
spec: { containers: [{ name: c }] }
---`;
  for (const policies of [fromNginx('Admin', 'Deny', 'no-nginx', 10), fromNginx('Baseline', 'Deny', 'b', 1000, '{ namespaces: {} }') + fromNginx('Admin', 'Accept', 'a', 5)]) {
    const model = modelOf(SHOP + controllerPod + policies);
    const pod = computeReachability(model).flows.some(f => f.src.kind === 'workload' && f.src.workload.name === 'controller'
      && f.dst.kind === 'workload' && f.dst.workload.name === 'web' && f.conns.contains('TCP', 8080));
    const path = ingressFlows(analyseIngressPaths(model, [NGINX])).length > 0;
    expect(path).toBe(pod);
  }
});
