import { Construct } from 'constructs';
import { ClusterAction } from '../../../vocabulary/cluster-action';
import { ClusterPeer } from '../../../vocabulary/cluster-peer';
import { ClusterSubject } from '../../../vocabulary/cluster-subject';
import { ClusterTier } from '../../../vocabulary/cluster-tier';
import { NamespaceSelector } from '../../../vocabulary/namespace-selector';
import { ClusterNetworkPolicyOptions, ValidatedClusterNetworkPolicy, writeClusterPolicy } from '../validated-cluster-network-policy';

/** The instance metadata services of AWS, GCP and Azure (IPv4), and AWS's IPv6 one. */
const CLOUD_METADATA = ['169.254.169.254/32', 'fd00:ec2::254/128'];

/**
 * Props for `ClusterDenyCloudMetadata`.
 */
export interface ClusterDenyCloudMetadataProps extends ClusterNetworkPolicyOptions {
  /**
   * The priority in the Admin tier.
   *
   * @default 0 - before every other Admin policy, so that none can accept this traffic first
   */
  readonly priority?: number;

  /**
   * The pods that may not reach the metadata service.
   *
   * @default - every pod of every namespace (host-network pods are never a subject)
   */
  readonly subject?: ClusterSubject;
}

/**
 * Denies egress to the cloud instance metadata service (169.254.169.254 and fd00:ec2::254),
 * whose credentials let a compromised pod act as the node. An Admin-tier Deny: no NetworkPolicy
 * of any namespace can open it again, which a NetworkPolicy (it can only allow) cannot express.
 *
 * @see https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-data-retrieval.html
 */
export class ClusterDenyCloudMetadata extends ValidatedClusterNetworkPolicy {
  constructor(scope: Construct, id: string, props: ClusterDenyCloudMetadataProps = {}) {
    super(scope, id, props);
    writeClusterPolicy(this, `ClusterDenyCloudMetadata ${this.node.path}`, () => ({
      tier: ClusterTier.ADMIN,
      priority: props.priority ?? 0,
      subject: props.subject ?? ClusterSubject.namespaces(NamespaceSelector.all()),
      egress: [{ name: 'deny-cloud-metadata', action: ClusterAction.DENY, peers: [ClusterPeer.networks(...CLOUD_METADATA)] }],
    }));
  }
}
