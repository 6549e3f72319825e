import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { Peer } from '../../vocabulary/peer';
import { PodSelector } from '../../vocabulary/pod-selector';
import { Port } from '../../vocabulary/port';
import { addNetworkPolicy, describe, NetworkPolicyOptions } from '../network-policy';

/**
 * Props for `AllowMonitoring`.
 */
export interface AllowMonitoringProps extends NetworkPolicyOptions {
  /**
   * The pods to scrape.
   */
  readonly pods: PodSelector;

  /**
   * The port their metrics are served on (the container port, e.g. `Port.tcp(9090)` or
   * `Port.named('metrics')`).
   */
  readonly port: Port;

  /**
   * The namespace the scrapers run in.
   *
   * @default 'monitoring'
   */
  readonly monitoringNamespace?: string;

  /**
   * The scraper pods in that namespace.
   *
   * @default - pods labelled `app.kubernetes.io/name: prometheus` (what the Prometheus Operator and
   * kube-prometheus-stack put on Prometheus pods)
   */
  readonly scrapers?: PodSelector;
}

/**
 * Allows Prometheus (or another scraper) in the monitoring namespace to reach the metrics port of
 * the selected pods, and nothing else of theirs; isolates their ingress. The scraper pods and their
 * namespace are matched together (one peer: namespace AND pods).
 *
 * @see https://prometheus-operator.dev/docs/getting-started/installation/
 */
export class AllowMonitoring extends Construct {
  /** The NetworkPolicy this construct writes. */
  public readonly apiObject: kplus.k8s.KubeNetworkPolicy;

  constructor(scope: Construct, id: string, props: AllowMonitoringProps) {
    super(scope, id);
    const scrapers = props.scrapers ?? PodSelector.labels({ 'app.kubernetes.io/name': 'prometheus' });
    this.apiObject = addNetworkPolicy(this, 'Resource', describe('AllowMonitoring', this), {
      name: props.name,
      namespace: props.namespace,
      pods: props.pods,
      ingress: [{ peers: [Peer.podsInNamespace(props.monitoringNamespace ?? 'monitoring', scrapers)], ports: [props.port] }],
    });
  }
}
