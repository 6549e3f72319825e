/**
 * Estate E(n): n namespaces, each a three-tier shop (frontend → backend → database), built in ways
 * that synthesize the same manifests, or (cdk8s-plus policies) the same policies in another form:
 *
 * - policies through the library's constructs (`DefaultDeny`, `TierIsolation`, `DnsEgress`, as in
 *   examples/three-tier), as plain cdk8s `ApiObject`s, or through cdk8s-plus-28's `NetworkPolicy`;
 * - Deployments as cdk8s-plus-28 `Deployment`s, or as plain `ApiObject`s.
 *
 * The plain objects come from `shopDeployment`/`shopPolicies`, a separate, straightforward
 * description of the same YAML (written out by hand, not derived from the constructs). Measuring
 * each axis alone separates what the library costs from what cdk8s-plus costs.
 *
 * Both share `buildPlatform` (kube-system/coredns and ingress-nginx/controller as plain objects), so
 * DNS and the ingress controller exist as peers for the analysis. Deterministic: no randomness.
 */
import { createHash } from 'node:crypto';
import { ApiObject, App, Chart, Names } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { DefaultDeny, DnsEgress, Peer, PodSelector, Port, TierIsolation } from '../../src';

/** One application layer of every namespace: its name, image and the one named container port it serves on. */
export interface EstateTier {
  readonly name: string;
  readonly image: string;
  readonly port: number;
  readonly portName: string;
  /** How the tier before it addresses this tier's port in policies: by name or by number. */
  readonly policyPort: 'named' | 'number';
}

export const ESTATE_TIERS: readonly EstateTier[] = [
  { name: 'frontend', image: 'ghcr.io/example/shop-frontend:1.4', port: 8080, portName: 'http', policyPort: 'named' },
  { name: 'backend', image: 'ghcr.io/example/shop-backend:2.1', port: 9000, portName: 'http', policyPort: 'named' },
  { name: 'database', image: 'postgres:16', port: 5432, portName: 'postgres', policyPort: 'number' },
];

/** Policy name prefix of the TierIsolation (`shop-frontend`, …). */
export const TIER_POLICY_PREFIX = 'shop';
export const INGRESS_NAMESPACE = 'ingress-nginx';

/** `shop-0007`: zero-padded so that file and namespace order agree. */
export function estateNamespace(i: number): string {
  return `shop-${String(i).padStart(4, '0')}`;
}

/**
 * How the estate is split into charts: one chart per namespace (as `cdk8s synth` users usually
 * write it: one YAML file per namespace), or one chart for every shop, each namespace a plain
 * construct scope inside it (with the namespace given to each construct).
 */
export type EstateLayout = 'chart-per-namespace' | 'single-chart';

/** The construct path of namespace `ns`'s scope, which the cdk8s-plus address label hashes. */
function scopePath(ns: string, layout: EstateLayout): string[] {
  return layout === 'chart-per-namespace' ? [ns] : ['estate', ns];
}

/** The scope a namespace's objects go in, and the chart namespace (undefined: given to each construct). */
function namespaceScope(app: App, ns: string, layout: EstateLayout, estate: () => Chart): Construct {
  return layout === 'chart-per-namespace' ? new Chart(app, ns, { namespace: ns }) : new Construct(estate(), ns);
}

function singleChart(app: App): () => Chart {
  let chart: Chart | undefined;
  return () => (chart ??= new Chart(app, 'estate'));
}

// ---------------------------------------------------------------------------------------------
// The shared platform: kube-system/coredns, ingress-nginx/controller, and every Namespace object.

function plainDeployment(namespace: string, name: string, labels: Record<string, string>, ports: object[]): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: {
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: { containers: [{ name, image: `registry.example/${name}:1`, ports }] },
      },
    },
  };
}

/** Platform objects (plain, identical on both sides): namespaces, CoreDNS and the ingress controller. */
export function platformManifests(n: number): Record<string, unknown>[] {
  const namespaces = ['kube-system', INGRESS_NAMESPACE, ...Array.from({ length: n }, (_, i) => estateNamespace(i))];
  return [
    ...namespaces.map(name => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } })),
    plainDeployment('kube-system', 'coredns', { 'k8s-app': 'kube-dns' }, [
      { containerPort: 53, name: 'dns', protocol: 'UDP' },
      { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
      { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
    ]),
    plainDeployment(INGRESS_NAMESPACE, 'controller', { 'app.kubernetes.io/name': 'ingress-nginx' }, [
      { containerPort: 80, name: 'http', protocol: 'TCP' },
      { containerPort: 443, name: 'https', protocol: 'TCP' },
    ]),
  ];
}

function buildPlatform(app: App, n: number): void {
  const chart = new Chart(app, 'platform');
  platformManifests(n).forEach((m, i) => new ApiObject(chart, `o${i}`, m as any));
}

// ---------------------------------------------------------------------------------------------
// Through the constructs.

function kplusDeployment(scope: Construct, tier: EstateTier, namespace: string | undefined): kplus.Deployment {
  const deployment = new kplus.Deployment(scope, tier.name, {
    metadata: { name: tier.name, ...namespace ? { namespace } : {} },
    podMetadata: { labels: { app: tier.name } },
    select: false,
    containers: [{
      name: tier.name,
      image: tier.image,
      ports: [{ number: tier.port, name: tier.portName }],
      securityContext: { ensureNonRoot: false },
    }],
  });
  deployment.select(kplus.LabelSelector.of({ labels: { app: tier.name } }));
  return deployment;
}

/** The shop's policies through the library's constructs; `pods[i]` selects tier i's pods. */
function constructPolicies(scope: Construct, namespace: string | undefined, pods: readonly PodSelector[]): void {
  new DefaultDeny(scope, 'default-deny', { name: 'default-deny', namespace });
  new DnsEgress(scope, 'dns', { name: 'dns', namespace });
  new TierIsolation(scope, 'tiers', {
    name: TIER_POLICY_PREFIX,
    namespace,
    tiers: ESTATE_TIERS.map((tier, i) => ({
      name: tier.name,
      pods: pods[i],
      ports: [tier.policyPort === 'named' ? Port.named(tier.portName) : Port.tcp(tier.port)],
      ...i === 0 ? { from: [Peer.namespace(INGRESS_NAMESPACE)] } : {},
    })),
  });
}

// ---------------------------------------------------------------------------------------------
// The same policies through cdk8s-plus-28's NetworkPolicy, as a cdk8s-plus user writes them.

const DNS_PORTS = [kplus.NetworkPolicyPort.udp(53), kplus.NetworkPolicyPort.tcp(53)];

/**
 * The shop's policies through cdk8s-plus-28: the same flows as `constructPolicies`, not the same
 * manifests. cdk8s-plus writes a namespace peer as `{namespaceSelector: {matchLabels:
 * {kubernetes.io/metadata.name: …}}, podSelector: {}}`, a rule per peer, `policyTypes` in the order
 * Egress, Ingress, and its `NetworkPolicyPort` takes only numbers, so where the constructs allow the
 * named port `http` these allow its number (8080 on frontend, 9000 on backend). The selectors are
 * constructs in the namespace's scope, as a shop construct reused per namespace would hold them;
 * pods are selected by their labels, whichever way the Deployments are written.
 */
function kplusPolicies(scope: Construct, namespace: string | undefined): void {
  const metadata = (name: string) => ({ name, ...namespace ? { namespace } : {} });
  const tiers = ESTATE_TIERS.map(tier => kplus.Pods.select(scope, `${tier.name}-pods`, { labels: { app: tier.name } }));
  const dns = kplus.Pods.select(scope, 'kube-dns', {
    labels: { 'k8s-app': 'kube-dns' },
    namespaces: kplus.Namespaces.select(scope, 'kube-system', { names: ['kube-system'] }),
  });
  const ingressNamespace = kplus.Namespaces.select(scope, INGRESS_NAMESPACE, { names: [INGRESS_NAMESPACE] });
  const deny = kplus.NetworkPolicyTrafficDefault.DENY;
  new kplus.NetworkPolicy(scope, 'default-deny', { metadata: metadata('default-deny'), ingress: { default: deny }, egress: { default: deny } });
  new kplus.NetworkPolicy(scope, 'dns', { metadata: metadata('dns'), egress: { rules: [{ peer: dns, ports: DNS_PORTS }] } });
  ESTATE_TIERS.forEach((tier, i) => {
    const next = ESTATE_TIERS[i + 1];
    new kplus.NetworkPolicy(scope, `${TIER_POLICY_PREFIX}-${tier.name}`, {
      metadata: metadata(`${TIER_POLICY_PREFIX}-${tier.name}`),
      selector: tiers[i],
      ingress: { rules: [{ peer: i === 0 ? ingressNamespace : tiers[i - 1], ports: [kplus.NetworkPolicyPort.tcp(tier.port)] }] },
      egress: {
        rules: [
          ...next ? [{ peer: tiers[i + 1], ports: [kplus.NetworkPolicyPort.tcp(next.port)] }] : [],
          { peer: dns, ports: DNS_PORTS },
        ],
      },
    });
  });
}

// ---------------------------------------------------------------------------------------------
// The same manifests, written out plainly.

const DNS_RULE = {
  to: [{
    namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
    podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
  }],
  ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }],
};

function policy(namespace: string, name: string, spec: Record<string, unknown>): Record<string, unknown> {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace }, spec };
}

/** What cdk8s-plus-28 2.5.6 writes for `constructTier`, field by field. */
function shopDeployment(namespace: string, tier: EstateTier, addressLabel: string): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: tier.name, namespace },
    spec: {
      minReadySeconds: 0,
      progressDeadlineSeconds: 600,
      replicas: 2,
      selector: { matchLabels: { app: tier.name } },
      strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' }, type: 'RollingUpdate' },
      template: {
        metadata: { labels: { 'app': tier.name, 'cdk8s.io/metadata.addr': addressLabel } },
        spec: {
          automountServiceAccountToken: false,
          containers: [{
            image: tier.image,
            imagePullPolicy: 'Always',
            name: tier.name,
            ports: [{ containerPort: tier.port, name: tier.portName }],
            resources: { limits: { cpu: '1500m', memory: '2048Mi' }, requests: { cpu: '1000m', memory: '512Mi' } },
            securityContext: { allowPrivilegeEscalation: false, privileged: false, readOnlyRootFilesystem: true, runAsNonRoot: false },
          }],
          dnsPolicy: 'ClusterFirst',
          hostNetwork: false,
          restartPolicy: 'Always',
          securityContext: { fsGroupChangePolicy: 'Always', runAsNonRoot: true },
          setHostnameAsFQDN: false,
          terminationGracePeriodSeconds: 30,
        },
      },
    },
  };
}

function policyPort(tier: EstateTier): Record<string, unknown> {
  return tier.policyPort === 'named' ? { port: tier.portName, protocol: 'TCP' } : { port: tier.port, protocol: 'TCP' };
}

/** One namespace's policies, in the order the constructs add them. */
export function shopPolicies(namespace: string): Record<string, unknown>[] {
  const tiers = ESTATE_TIERS;
  return [
    policy(namespace, 'default-deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }),
    policy(namespace, 'dns', { podSelector: {}, egress: [DNS_RULE], policyTypes: ['Egress'] }),
    ...tiers.map((tier, i) => {
      const previous = tiers[i - 1];
      const next = tiers[i + 1];
      const from = previous
        ? [{ podSelector: { matchLabels: { app: previous.name } } }]
        : [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': INGRESS_NAMESPACE } } }];
      const egress = [
        ...next ? [{ to: [{ podSelector: { matchLabels: { app: next.name } } }], ports: [policyPort(next)] }] : [],
        DNS_RULE,
      ];
      return policy(namespace, `${TIER_POLICY_PREFIX}-${tier.name}`, {
        podSelector: { matchLabels: { app: tier.name } },
        ingress: [{ from, ports: [policyPort(tier)] }],
        egress,
        policyTypes: ['Ingress', 'Egress'],
      });
    }),
  ];
}

/**
 * The `cdk8s.io/metadata.addr` label cdk8s-plus gives the pods of the tier's Deployment:
 * `Names.toLabelValue` of the construct at path `<scope path>/<tier>`, whose address is constructs'
 * `c8` + sha1 of the path components (the App's empty id first), each followed by a newline.
 */
export function addressLabelFor(scope: readonly string[], tier: EstateTier): string {
  const components = ['', ...scope, tier.name];
  const addr = 'c8' + createHash('sha1').update(components.map(c => `${c}\n`).join('')).digest('hex');
  return Names.toLabelValue({ node: { path: components.slice(1).join('/'), addr } } as any);
}

/**
 * How the shops' policies are written: through the library's constructs, as plain ApiObjects of the
 * same manifests, or through cdk8s-plus-28's `NetworkPolicy` (the same flows, written differently:
 * see `kplusPolicies`).
 */
export type EstatePolicies = 'constructs' | 'plain' | 'cdk8s-plus';
/** How the shops' Deployments are written: cdk8s-plus-28 Deployments, or plain ApiObjects of the same manifest. */
export type EstateWorkloads = 'cdk8s-plus' | 'api-object';

export interface EstateOptions {
  readonly policies: EstatePolicies;
  readonly workloads: EstateWorkloads;
  /** @default 'chart-per-namespace' */
  readonly layout?: EstateLayout;
}

/** Everything as plain ApiObjects: the baseline, and what the reach benchmarks read. */
export const PLAIN_ESTATE: EstateOptions = { policies: 'plain', workloads: 'api-object' };

/** One namespace's shop in `scope` (at construct path `path`); `chartNamespace` true when the chart gives the namespace. */
function buildShop(scope: Construct, ns: string, path: readonly string[], chartNamespace: boolean, options: EstateOptions): void {
  const namespace = chartNamespace ? undefined : ns;
  const pods = ESTATE_TIERS.map(tier => {
    if (options.workloads === 'cdk8s-plus') return PodSelector.workload(kplusDeployment(scope, tier, namespace));
    new ApiObject(scope, tier.name, shopDeployment(ns, tier, addressLabelFor(path, tier)) as any);
    return PodSelector.labels({ app: tier.name });
  });
  if (options.policies === 'constructs') constructPolicies(scope, namespace, pods);
  else if (options.policies === 'cdk8s-plus') kplusPolicies(scope, namespace);
  else shopPolicies(ns).forEach((m, i) => new ApiObject(scope, `p${ESTATE_TIERS.length + i}`, m as any));
}

export function buildEstate(app: App, n: number, options: EstateOptions): void {
  const layout = options.layout ?? 'chart-per-namespace';
  buildPlatform(app, n);
  const estate = singleChart(app);
  for (let i = 0; i < n; i++) {
    const ns = estateNamespace(i);
    buildShop(namespaceScope(app, ns, layout, estate), ns, scopePath(ns, layout), layout === 'chart-per-namespace', options);
  }
}
