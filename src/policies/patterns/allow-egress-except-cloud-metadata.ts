import { Construct } from 'constructs';
import { isIpv6 } from './address-ranges';
import { hostCidr } from '../../analysis/validation/cidr';
import { Peer } from '../../vocabulary/peer';
import { PodSelector } from '../../vocabulary/pod-selector';
import { describe, NetworkPolicyOptions, ValidatedNetworkPolicy, writePolicy } from '../network-policy';

/** The instance metadata service of AWS, GCP, Azure, OpenStack and others, IPv4 and (AWS Nitro) IPv6. */
const METADATA_ADDRESSES = ['169.254.169.254', 'fd00:ec2::254'];

/**
 * Props for `AllowEgressExceptCloudMetadata`.
 */
export interface AllowEgressExceptCloudMetadataProps extends NetworkPolicyOptions {
  /**
   * The pods whose egress this policy isolates and then allows everywhere but the metadata service.
   *
   * @default PodSelector.all() - every pod of the namespace
   */
  readonly pods?: PodSelector;

  /**
   * More addresses to leave out, e.g. `100.100.100.200` (Alibaba Cloud's metadata service).
   * Addresses or CIDRs.
   *
   * @default - none: only 169.254.169.254 and fd00:ec2::254
   */
  readonly additionalAddresses?: string[];
}

/**
 * Allows the selected pods egress to every pod of every namespace and to every IPv4 and IPv6
 * address except the cloud instance metadata service (169.254.169.254 and fd00:ec2::254), where
 * node credentials live.
 *
 * NetworkPolicy has no deny rule: this is an **allowance**. It keeps the pods from the metadata
 * service only where their egress is otherwise open, and only as long as no other policy
 * selecting them allows it (policies add up). On pods another policy egress-isolates (a
 * `DefaultDeny`, `TierIsolation`) it opens the whole internet to them, and the synth-time lint
 * refuses that combination (`egress-to-everywhere-on-isolated`). To block the metadata service
 * for pods that are otherwise locked down, use `ClusterDenyCloudMetadata` (a ClusterNetworkPolicy `Deny`), or
 * allow only what they need (`AllowInternetEgress` leaves out link-local addresses, the metadata
 * service included).
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/network-policies/#ipblock
 */
export class AllowEgressExceptCloudMetadata extends ValidatedNetworkPolicy {
  constructor(scope: Construct, id: string, props: AllowEgressExceptCloudMetadataProps = {}) {
    super(scope, id, props);
    writePolicy(this, describe('AllowEgressExceptCloudMetadata', this), () => {
      // A bare address means that one host; CIDRs are taken as given and checked by the validator.
      const left = [...METADATA_ADDRESSES, ...props.additionalAddresses ?? []].map(address => hostCidr(address) ?? address);
      return {
        pods: props.pods ?? PodSelector.all(),
        egress: [{
          peers: [
            Peer.allNamespaces(),
            Peer.anyIpv4(left.filter(cidr => !isIpv6(cidr))),
            Peer.anyIpv6(left.filter(isIpv6)),
          ],
        }],
      };
    });
  }
}
