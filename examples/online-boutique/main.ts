/**
 * Google's Online Boutique (github.com/GoogleCloudPlatform/microservices-demo): eleven
 * microservices and a load generator in namespace `boutique`, with the Services, ports and call
 * graph of its release manifests, ingress-nginx in front of the frontend and Prometheus (namespace
 * `monitoring`) scraping each service's metrics port, stated in one `ConnectionGraph`: every
 * workload gets one NetworkPolicy that allows exactly its calls, its callers and DNS.
 *
 * Synthesize with `npx cdk8s synth` (writes manifests/), or build into your own App with
 * `buildOnlineBoutique(app)`. To see what it allows beside what the cluster already runs (CoreDNS
 * and ingress-nginx: ../three-tier/cluster; Prometheus: cluster/), from the repository's root:
 *
 *   npx ts-node --transpile-only src/cli/main.ts reach examples/online-boutique/manifests examples/three-tier/cluster examples/online-boutique/cluster
 */
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { ConnectionGraph, Endpoint, Peer, PodSelector, Port, Service } from '../../src';

export const NAMESPACE = 'boutique';

const IMAGES = 'us-central1-docker.pkg.dev/google-samples/microservices-demo';
const VERSION = 'v0.10.2';

/**
 * The port each service serves its Prometheus metrics on (the OpenTelemetry Prometheus exporter's
 * default; redis-cart's comes from a redis_exporter sidecar). Named `metrics` on every pod, so one
 * named port reaches them all, whatever its number.
 */
const METRICS = { name: 'metrics', number: 9464 };

/** ingress-nginx's controller pods, as its manifests and Helm chart label them. */
const INGRESS_NGINX = Peer.podsInNamespace('ingress-nginx', PodSelector.labels({
  'app.kubernetes.io/name': 'ingress-nginx',
  'app.kubernetes.io/component': 'controller',
}));

/** Prometheus' pods, as kube-prometheus-stack labels them, in namespace monitoring. */
const PROMETHEUS = Peer.podsInNamespace('monitoring', PodSelector.labels({ 'app.kubernetes.io/name': 'prometheus' }));

/** Builds the boutique into `app`: a chart for the namespace and one for the workloads and policies, which it returns. */
export function buildOnlineBoutique(app: App): Chart {
  // A Namespace is cluster-scoped, so it lives in a chart without a namespace.
  const namespaceChart = new Chart(app, 'namespace');
  new kplus.Namespace(namespaceChart, 'boutique', { metadata: { name: NAMESPACE } });

  const chart = new Chart(app, 'online-boutique', { namespace: NAMESPACE });
  chart.addDependency(namespaceChart);

  // The Services as the release manifests write them: `port → targetPort`, gRPC unless told otherwise.
  const frontend = microservice(chart, 'frontend', { port: 80, targetPort: 8080, portName: 'http' });
  const cart = microservice(chart, 'cartservice', { port: 7070 });
  const productCatalog = microservice(chart, 'productcatalogservice', { port: 3550 });
  const currency = microservice(chart, 'currencyservice', { port: 7000 });
  const payment = microservice(chart, 'paymentservice', { port: 50051 });
  const shipping = microservice(chart, 'shippingservice', { port: 50051 });
  const email = microservice(chart, 'emailservice', { port: 5000, targetPort: 8080 });
  const checkout = microservice(chart, 'checkoutservice', { port: 5050 });
  const recommendation = microservice(chart, 'recommendationservice', { port: 8080 });
  const ad = microservice(chart, 'adservice', { port: 9555 });
  const redis = microservice(chart, 'redis-cart', {
    port: 6379,
    portName: 'tcp-redis',
    image: 'redis:alpine',
    metricsSidecar: { name: 'redis-exporter', image: 'oliver006/redis_exporter:v1.67.0', port: 9121 },
  });
  // The load generator calls the frontend through its Service and serves nothing.
  const loadGenerator = Endpoint.workload(deployment(chart, 'loadgenerator', [container('main', `${IMAGES}/loadgenerator:${VERSION}`, [])]));

  // One graph: each workload gets one policy, `boutique-<name>`, with both ends of every call.
  const shop = new ConnectionGraph(chart, 'graph', { name: NAMESPACE });
  const calls = (caller: Endpoint, ...callees: Microservice[]) => {
    // To a Service: the policies allow its target ports (email: 8080, not 5000).
    for (const callee of callees) shop.connect(caller, callee.service);
  };
  calls(frontend.pods, productCatalog, currency, cart, recommendation, shipping, checkout, ad);
  calls(checkout.pods, productCatalog, shipping, payment, email, currency, cart);
  calls(recommendation.pods, productCatalog);
  calls(cart.pods, redis);
  calls(loadGenerator, frontend);

  // From outside the namespace: the ingress controller into the frontend, through its Service,
  shop.connectFrom(INGRESS_NGINX, frontend.service);
  // and Prometheus into each service's metrics port (scraped pod by pod, not through a Service).
  for (const scraped of [frontend, cart, productCatalog, currency, payment, shipping, email, checkout, recommendation, ad, redis]) {
    shop.connectFrom(PROMETHEUS, scraped.pods, [Port.named(METRICS.name)]);
  }
  return chart;
}

/** A sidecar serving the metrics of a container that has none of its own. */
interface MetricsSidecar {
  readonly name: string;
  readonly image: string;
  readonly port: number;
}

/** How a microservice is served: its Service's port, and the container port it maps to. */
interface MicroserviceOptions {
  /** The Service's port. */
  readonly port: number;
  /** The container port; `port` when not given. */
  readonly targetPort?: number;
  /** The name of the Service port and of the container port. @default 'grpc' */
  readonly portName?: string;
  /** @default the Online Boutique image of the service's name */
  readonly image?: string;
  /** @default - the main container serves metrics on METRICS */
  readonly metricsSidecar?: MetricsSidecar;
}

/** A boutique service as the graph sees it: its pods (the calling end), and its Service (the called end). */
interface Microservice {
  readonly pods: Endpoint;
  readonly service: Endpoint;
}

function microservice(chart: Chart, name: string, options: MicroserviceOptions): Microservice {
  const portName = options.portName ?? 'grpc';
  const targetPort = options.targetPort ?? options.port;
  const image = options.image ?? `${IMAGES}/${name}:${VERSION}`;
  const serving: kplus.ContainerPort = { name: portName, number: targetPort };
  const metrics: kplus.ContainerPort = { name: METRICS.name, number: options.metricsSidecar?.port ?? METRICS.number };
  const containers: kplus.ContainerProps[] = options.metricsSidecar === undefined
    ? [container('server', image, [serving, metrics])]
    : [
      container('server', image, [serving]),
      container(options.metricsSidecar.name, options.metricsSidecar.image, [metrics]),
    ];
  const workload = deployment(chart, name, containers);
  const service = new kplus.Service(chart, `${name}-service`, {
    metadata: { name },
    ports: [{ name: portName, port: options.port, targetPort }],
  });
  // `selector: workload` would select cdk8s-plus' generated address label; the boutique's Services select `app`.
  service.selectLabel('app', name);
  return { pods: Endpoint.workload(workload), service: Endpoint.service(Service.fromKplus(service)) };
}

function container(name: string, image: string, ports: kplus.ContainerPort[]): kplus.ContainerProps {
  return { name, image, ports, securityContext: { ensureNonRoot: false } };
}

/** A Deployment whose pods are labelled (and selected) `app: <name>`, as the boutique's manifests write them. */
function deployment(chart: Chart, name: string, containers: kplus.ContainerProps[]): kplus.Deployment {
  const workload = new kplus.Deployment(chart, name, {
    metadata: { name },
    podMetadata: { labels: { app: name } },
    // Select by the readable `app` label rather than cdk8s-plus' generated address label.
    select: false,
    containers,
  });
  workload.select(kplus.LabelSelector.of({ labels: { app: name } }));
  return workload;
}

if (require.main === module) {
  const app = new App();
  buildOnlineBoutique(app);
  app.synth();
}
