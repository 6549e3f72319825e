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
 * Props for `ClusterDnsEgress`.
 */
export interface ClusterDnsEgressProps extends ClusterNetworkPolicyOptions {
  /**
   * The priority in the Admin tier.
   *
   * @default 10 - after `ClusterDenyCloudMetadata` (0), before tenant isolation (50)
   */
  readonly priority?: number;

  /**
   * The pods that may resolve names.
   *
   * @default - every pod of every namespace
   */
  readonly subject?: ClusterSubject;

  /**
   * The namespace of the cluster's DNS service.
   *
   * @default 'kube-system'
   */
  readonly dnsNamespace?: string;

  /**
   * The DNS server pods in that namespace.
   *
   * @default - pods labelled `k8s-app: kube-dns` (CoreDNS and kube-dns in kubeadm, EKS, GKE, AKS)
   */
  readonly dnsPods?: PodSelector;
}

/**
 * Accepts egress to the cluster DNS pods on UDP and TCP port 53, in the Admin tier: name
 * resolution keeps working whatever a namespace's NetworkPolicies or a Baseline deny say.
 */
export class ClusterDnsEgress extends ValidatedClusterNetworkPolicy {
  constructor(scope: Construct, id: string, props: ClusterDnsEgressProps = {}) {
    super(scope, id, props);
    writeClusterPolicy(this, `ClusterDnsEgress ${this.node.path}`, () => {
      const dnsPods = props.dnsPods ?? PodSelector.labels({ 'k8s-app': 'kube-dns' });
      return {
        tier: ClusterTier.ADMIN,
        priority: props.priority ?? 10,
        subject: props.subject ?? ClusterSubject.namespaces(NamespaceSelector.all()),
        egress: [{
          name: 'accept-dns',
          action: ClusterAction.ACCEPT,
          peers: [ClusterPeer.pods(NamespaceSelector.named(props.dnsNamespace ?? 'kube-system'), dnsPods)],
          ports: [Port.udp(53), Port.tcp(53)],
        }],
      };
    });
  }
}
