import { Construct } from 'constructs';
import { AllowEgressExceptCloudMetadata, AllowEgressExceptCloudMetadataProps } from './allow-egress-except-cloud-metadata';

/**
 * Props for `DenyCloudMetadata`.
 *
 * @deprecated use `AllowEgressExceptCloudMetadataProps`
 */
export interface DenyCloudMetadataProps extends AllowEgressExceptCloudMetadataProps {}

/**
 * The former name of `AllowEgressExceptCloudMetadata`, which says what it does: NetworkPolicy
 * cannot deny, so this policy allows egress everywhere but the cloud metadata service, and on pods
 * another policy egress-isolates it opens the internet to them.
 *
 * @deprecated use `AllowEgressExceptCloudMetadata` where egress is otherwise open; to block the
 * metadata service for locked-down pods, use `ClusterDenyCloudMetadata` (a ClusterNetworkPolicy `Deny`), or `AllowInternetEgress`
 */
export class DenyCloudMetadata extends AllowEgressExceptCloudMetadata {
  constructor(scope: Construct, id: string, props: DenyCloudMetadataProps = {}) {
    super(scope, id, props);
  }
}
