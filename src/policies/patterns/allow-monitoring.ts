import { Construct } from 'constructs';
import { Peer } from '../../vocabulary/peer';
import { PodSelector } from '../../vocabulary/pod-selector';
import { Port } from '../../vocabulary/port';
import { describe, NetworkPolicyOptions, ValidatedNetworkPolicy, writePolicy } from '../network-policy';

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
export class AllowMonitoring extends ValidatedNetworkPolicy {
  constructor(scope: Construct, id: string, props: AllowMonitoringProps) {
    super(scope, id, props);
    writePolicy(this, describe('AllowMonitoring', this), () => {
      const scrapers = props.scrapers ?? PodSelector.labels({ 'app.kubernetes.io/name': 'prometheus' });
      return {
        pods: props.pods,
        ingress: [{ peers: [Peer.podsInNamespace(props.monitoringNamespace ?? 'monitoring', scrapers)], ports: [props.port] }],
      };
    });
  }
}
