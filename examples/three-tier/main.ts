/**
 * A shop in three layers, frontend → backend → database, in namespace `shop`:
 * everything denied by default, each layer reachable only from the one before it,
 * DNS to kube-dns for all, and the frontend open to the ingress controller.
 *
 * Synthesize with `npx cdk8s synth` (writes manifests/), or build into your own App
 * with `buildThreeTier(app)`.
 */
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { DefaultDeny, Peer, PodSelector, Port, TierIsolation } from '../../src';

export const NAMESPACE = 'shop';

/** Builds the shop into `app`: a chart for the namespace and one for the workloads and policies, which it returns. */
export function buildThreeTier(app: App): Chart {
  // A Namespace is cluster-scoped, so it lives in a chart without a namespace.
  const namespaceChart = new Chart(app, 'namespace');
  new kplus.Namespace(namespaceChart, 'shop', { metadata: { name: NAMESPACE } });

  const chart = new Chart(app, 'three-tier', { namespace: NAMESPACE });
  chart.addDependency(namespaceChart);

  const frontend = tier(chart, 'frontend', 'ghcr.io/example/shop-frontend:1.4', { number: 8080, name: 'http' });
  const backend = tier(chart, 'backend', 'ghcr.io/example/shop-backend:2.1', { number: 9000, name: 'http' });
  const database = tier(chart, 'database', 'postgres:16', { number: 5432, name: 'postgres' });

  // Any other pod in the namespace gets nothing, in or out.
  new DefaultDeny(chart, 'default-deny', { name: 'default-deny' });

  new TierIsolation(chart, 'tiers', {
    name: 'shop',
    tiers: [
      {
        name: 'frontend',
        pods: PodSelector.workload(frontend),
        ports: [Port.named('http')],
        from: [Peer.namespace('ingress-nginx')],
      },
      { name: 'backend', pods: PodSelector.workload(backend), ports: [Port.named('http')] },
      { name: 'database', pods: PodSelector.workload(database), ports: [Port.tcp(5432)] },
    ],
  });
  return chart;
}

/** A Deployment whose pods are labelled (and selected) `app: <name>`, exposing one named port. */
function tier(chart: Chart, name: string, image: string, port: kplus.ContainerPort): kplus.Deployment {
  const deployment = new kplus.Deployment(chart, name, {
    metadata: { name },
    podMetadata: { labels: { app: name } },
    // Select by the readable `app` label rather than cdk8s-plus' generated address label.
    select: false,
    containers: [{ name, image, ports: [port], securityContext: { ensureNonRoot: false } }],
  });
  deployment.select(kplus.LabelSelector.of({ labels: { app: name } }));
  return deployment;
}

if (require.main === module) {
  const app = new App();
  buildThreeTier(app);
  app.synth();
}
