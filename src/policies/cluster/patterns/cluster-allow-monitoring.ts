import { Construct } from 'constructs';
import { ClusterAction } from '../../../vocabulary/cluster-action';
import { ClusterPeer } from '../../../vocabulary/cluster-peer';
import { ClusterSubject } from '../../../vocabulary/cluster-subject';
import { ClusterTier } from '../../../vocabulary/cluster-tier';
import { NamespaceSelector } from '../../../vocabulary/namespace-selector';
import { PodSelector } from '../../../vocabulary/pod-selector';
import { Port } from '../../../vocabulary/port';
import { ClusterNetworkPolicyOptions, ValidatedClusterNetworkPolicy, writeClusterPolicy } from '../validated-cluster-network-policy';

/**
 * Props for `ClusterAllowMonitoring`.
 */
export interface ClusterAllowMonitoringProps extends ClusterNetworkPolicyOptions {
  /**
   * The priority in the Admin tier.
   *
   * @default 20 - before tenant isolation (50), so that scrapes are accepted before it denies
   */
  readonly priority?: number;

  /**
   * The pods to scrape.
   *
   * @default - every pod of every namespace
   */
  readonly subject?: ClusterSubject;

  /**
   * The namespace the scrapers run in.
   *
   * @default 'monitoring'
   */
  readonly monitoringNamespace?: string;

  /**
   * The scraper pods of that namespace.
   *
   * @default - every pod of the monitoring namespace
   */
  readonly scrapers?: PodSelector;

  /**
   * The metrics ports (container ports) to accept.
   *
   * @default - every port: give the metrics ports to accept nothing else
   */
  readonly ports?: Port[];
}

/**
 * Accepts ingress from the monitoring namespace (its scrapers) in the Admin tier: metrics keep
 * flowing whatever the namespaces' NetworkPolicies say, and tenant isolation does not cut them.
 */
export class ClusterAllowMonitoring extends ValidatedClusterNetworkPolicy {
  constructor(scope: Construct, id: string, props: ClusterAllowMonitoringProps = {}) {
    super(scope, id, props);
    writeClusterPolicy(this, `ClusterAllowMonitoring ${this.node.path}`, () => {
      const monitoring = NamespaceSelector.named(props.monitoringNamespace ?? 'monitoring');
      return {
        tier: ClusterTier.ADMIN,
        priority: props.priority ?? 20,
        subject: props.subject ?? ClusterSubject.namespaces(NamespaceSelector.all()),
        ingress: [{
          name: 'accept-monitoring',
          action: ClusterAction.ACCEPT,
          peers: [props.scrapers ? ClusterPeer.pods(monitoring, props.scrapers) : ClusterPeer.namespaces(monitoring)],
          ports: props.ports,
        }],
      };
    });
  }
}
