/**
 * `TeamBaseline`: what every team namespace of the (fictional) Acme platform starts from, built
 * from cdk8s-netpol's constructs: everything denied, DNS to the cluster's resolver, the team's
 * front pods open to the platform's ingress controller, and every pod's metrics port open to the
 * platform's Prometheus. The platform's facts (where the controller and Prometheus run, what the
 * metrics port is called) are written here once, so a team states only what is its own.
 *
 * In a published package the imports below are from 'cdk8s-netpol'; this example imports the
 * library from source, like the other examples of this repository.
 */
import { Construct } from 'constructs';
import {
  AllowFromIngressController, AllowMonitoring, DefaultDeny, DnsEgress, IngressController, NetworkLint,
  PodSelector, Port,
} from '../../src';

/** Where Acme's Prometheus runs: kube-prometheus-stack in `monitoring`, pods `app.kubernetes.io/name: prometheus`. */
export const MONITORING_NAMESPACE = 'monitoring';

/** The container port name every Acme service serves its Prometheus metrics on. */
export const METRICS_PORT_NAME = 'metrics';

/**
 * Props for `TeamBaseline`.
 */
export interface TeamBaselineProps {
  /**
   * The prefix of the policies' names: `<name>-default-deny`, `<name>-dns`, `<name>-ingress`,
   * `<name>-monitoring`.
   *
   * @default 'baseline'
   */
  readonly name?: string;

  /**
   * The team's namespace.
   *
   * @default - the chart's namespace
   */
  readonly namespace?: string;

  /**
   * The pods the ingress controller forwards to (the backends of the team's Ingresses).
   *
   * @default - no pod is reachable from the ingress controller
   */
  readonly ingressPods?: PodSelector;

  /**
   * The container ports the ingress controller connects to on `ingressPods` (the Services'
   * target ports, not their ports).
   *
   * @default - required when `ingressPods` is given
   */
  readonly ingressPorts?: Port[];

  /**
   * Leave DNS out, and say why: the namespace's pods resolve no names. The reason is written on
   * the default deny as the acknowledgement of the `dns-egress-missing` finding, so the lint and
   * the reviewers of the manifests read it.
   *
   * @default - every pod may resolve names through kube-dns
   */
  readonly withoutDnsBecause?: string;
}

/**
 * The Acme baseline of a team namespace: four NetworkPolicies, each an ordinary cdk8s-netpol
 * construct (validated, linted at synth) that the team may inspect or acknowledge like any other.
 */
export class TeamBaseline extends Construct {
  /** Isolates every pod of the namespace, both directions. */
  public readonly defaultDeny: DefaultDeny;
  /** DNS to kube-dns; undefined with `withoutDnsBecause`. */
  public readonly dns?: DnsEgress;
  /** The ingress controller into `ingressPods`; undefined without them. */
  public readonly ingress?: AllowFromIngressController;
  /** Prometheus into every pod's metrics port. */
  public readonly monitoring: AllowMonitoring;

  constructor(scope: Construct, id: string, props: TeamBaselineProps = {}) {
    super(scope, id);
    const prefix = props.name ?? 'baseline';
    const namespace = props.namespace;

    this.defaultDeny = new DefaultDeny(this, 'default-deny', { name: `${prefix}-default-deny`, namespace });

    if (props.withoutDnsBecause === undefined) {
      this.dns = new DnsEgress(this, 'dns', { name: `${prefix}-dns`, namespace });
    } else {
      // The library refuses an empty reason, with the construct path: the decision is explained where it is made.
      NetworkLint.acknowledge(this.defaultDeny, 'dns-egress-missing', props.withoutDnsBecause);
    }

    if (props.ingressPods !== undefined) {
      if (props.ingressPorts === undefined) {
        // AllowFromIngressController would allow every port; a baseline exposes only what is named.
        throw new Error(`TeamBaseline ${this.node.path}: 'ingressPods' is given without 'ingressPorts'; name the container ports the ingress controller connects to, e.g. [Port.named('http')]`);
      }
      this.ingress = new AllowFromIngressController(this, 'ingress', {
        name: `${prefix}-ingress`,
        namespace,
        pods: props.ingressPods,
        ports: props.ingressPorts,
        controller: IngressController.ingressNginx(),
      });
    } else if (props.ingressPorts !== undefined) {
      throw new Error(`TeamBaseline ${this.node.path}: 'ingressPorts' is given without 'ingressPods'; say which pods the ingress controller forwards to`);
    }

    this.monitoring = new AllowMonitoring(this, 'monitoring', {
      name: `${prefix}-monitoring`,
      namespace,
      pods: PodSelector.all(),
      port: Port.named(METRICS_PORT_NAME),
      monitoringNamespace: MONITORING_NAMESPACE,
    });
  }
}
