/**
 * What a cluster runs beside a cdk8s app, as the real installations have it: each preset is the
 * Namespace (with its real labels) and the workload (pod labels, container ports, hostNetwork)
 * that policies select and that reach shows flows to and from. Sources and what is left out:
 * docs/cluster-context.md. Pure data; cluster-context.ts adds them to an analysis' input.
 */
import { dnsPorts, namespace, workload } from './preset-manifests';

export interface ContextPreset {
  readonly name: string;
  /** One line for usage texts and docs. */
  readonly summary: string;
  readonly manifests: readonly object[];
}

const KUBE_SYSTEM = namespace('kube-system');

/** CoreDNS as a Deployment `coredns` in kube-system with `labels` on its pods, serving on 53 with metrics on 9153. */
const coreDns = (labels: Record<string, string>) => workload({
  kind: 'Deployment', namespace: 'kube-system', name: 'coredns', podLabels: labels, ports: dnsPorts(53, 9153),
});

export const PRESETS: readonly ContextPreset[] = [
  {
    name: 'coredns',
    summary: 'CoreDNS in kube-system (k8s-app=kube-dns), 53/UDP+TCP, metrics 9153: upstream addon and kubeadm',
    manifests: [KUBE_SYSTEM, coreDns({ 'k8s-app': 'kube-dns' })],
  },
  {
    name: 'kube-dns',
    summary: 'kube-dns in kube-system (k8s-app=kube-dns): dnsmasq on 53, kubedns on 10053; also GKE Standard',
    manifests: [KUBE_SYSTEM, workload({
      kind: 'Deployment',
      namespace: 'kube-system',
      name: 'kube-dns',
      podLabels: { 'k8s-app': 'kube-dns' },
      ports: [
        { name: 'dns-local', port: 10053, protocol: 'UDP' },
        { name: 'dns-tcp-local', port: 10053, protocol: 'TCP' },
        { name: 'dns', port: 53, protocol: 'UDP' },
        { name: 'dns-tcp', port: 53, protocol: 'TCP' },
        { name: 'metrics', port: 10054, protocol: 'TCP' },
      ],
    })],
  },
  {
    name: 'eks-coredns',
    summary: 'Amazon EKS CoreDNS add-on: coredns (k8s-app=kube-dns, eks.amazonaws.com/component=coredns)',
    manifests: [KUBE_SYSTEM, coreDns({ 'k8s-app': 'kube-dns', 'eks.amazonaws.com/component': 'coredns' })],
  },
  {
    name: 'aks-coredns',
    summary: 'Azure AKS CoreDNS: coredns (k8s-app=kube-dns, kubernetes.io/cluster-service=true, version=v20)',
    manifests: [KUBE_SYSTEM, coreDns({ 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'version': 'v20' })],
  },
  {
    name: 'openshift-dns',
    summary: 'OpenShift DNS: DaemonSet dns-default in openshift-dns (dns.operator.openshift.io/daemonset-dns=default), 5353',
    manifests: [
      namespace('openshift-dns', { 'openshift.io/run-level': '0', 'openshift.io/cluster-monitoring': 'true' }),
      workload({
        kind: 'DaemonSet',
        namespace: 'openshift-dns',
        name: 'dns-default',
        podLabels: { 'dns.operator.openshift.io/daemonset-dns': 'default' },
        ports: dnsPorts(5353, 9153),
      }),
    ],
  },
  {
    name: 'nodelocal-dns',
    summary: 'NodeLocal DNSCache: hostNetwork DaemonSet node-local-dns in kube-system, listening on 169.254.20.10:53',
    manifests: [KUBE_SYSTEM, workload({
      kind: 'DaemonSet',
      namespace: 'kube-system',
      name: 'node-local-dns',
      podLabels: { 'k8s-app': 'node-local-dns' },
      ports: dnsPorts(53, 9253),
      hostNetwork: true,
    })],
  },
  {
    name: 'ingress-nginx',
    summary: 'ingress-nginx controller in ingress-nginx (app.kubernetes.io/name=ingress-nginx, component=controller), 80/443',
    manifests: [
      namespace('ingress-nginx', { 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' }),
      workload({
        kind: 'Deployment',
        namespace: 'ingress-nginx',
        name: 'ingress-nginx-controller',
        podLabels: {
          'app.kubernetes.io/component': 'controller',
          'app.kubernetes.io/instance': 'ingress-nginx',
          'app.kubernetes.io/name': 'ingress-nginx',
        },
        ports: [
          { name: 'http', port: 80, protocol: 'TCP' },
          { name: 'https', port: 443, protocol: 'TCP' },
          { name: 'webhook', port: 8443, protocol: 'TCP' },
        ],
      }),
    ],
  },
  {
    name: 'openshift-ingress',
    summary: 'OpenShift router-default in openshift-ingress (network.openshift.io/policy-group=ingress), 80/443',
    manifests: [
      namespace('openshift-ingress', { 'network.openshift.io/policy-group': 'ingress', 'openshift.io/cluster-monitoring': 'true' }),
      workload({
        kind: 'Deployment',
        namespace: 'openshift-ingress',
        name: 'router-default',
        podLabels: { 'ingresscontroller.operator.openshift.io/deployment-ingresscontroller': 'default' },
        ports: [
          { name: 'http', port: 80, protocol: 'TCP' },
          { name: 'https', port: 443, protocol: 'TCP' },
          { name: 'metrics', port: 1936, protocol: 'TCP' },
        ],
      }),
    ],
  },
  {
    name: 'traefik',
    summary: 'Traefik (Helm chart, release traefik in namespace traefik): web 8000, websecure 8443, metrics 9100',
    manifests: [
      namespace('traefik'),
      workload({
        kind: 'Deployment',
        namespace: 'traefik',
        name: 'traefik',
        podLabels: { 'app.kubernetes.io/name': 'traefik', 'app.kubernetes.io/instance': 'traefik-traefik' },
        ports: [
          { name: 'web', port: 8000, protocol: 'TCP' },
          { name: 'websecure', port: 8443, protocol: 'TCP' },
          { name: 'metrics', port: 9100, protocol: 'TCP' },
        ],
      }),
    ],
  },
  {
    name: 'prometheus',
    summary: 'Prometheus of kube-prometheus: StatefulSet prometheus-k8s in monitoring (app.kubernetes.io/name=prometheus), 9090',
    manifests: [
      namespace('monitoring'),
      workload({
        kind: 'StatefulSet',
        namespace: 'monitoring',
        name: 'prometheus-k8s',
        podLabels: {
          'app.kubernetes.io/component': 'prometheus',
          'app.kubernetes.io/instance': 'k8s',
          'app.kubernetes.io/name': 'prometheus',
          'app.kubernetes.io/part-of': 'kube-prometheus',
        },
        ports: [{ name: 'web', port: 9090, protocol: 'TCP' }],
      }),
    ],
  },
];

export const PRESET_NAMES: readonly string[] = PRESETS.map(p => p.name);
