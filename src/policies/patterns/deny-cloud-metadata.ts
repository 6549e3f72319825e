import { Construct } from 'constructs';
import { isIpv6 } from './address-ranges';
import { hostCidr } from '../../analysis/validation/cidr';
import { Peer } from '../../vocabulary/peer';
import { PodSelector } from '../../vocabulary/pod-selector';
import { describe, NetworkPolicyOptions, ValidatedNetworkPolicy, writePolicy } from '../network-policy';

/** The instance metadata service of AWS, GCP, Azure, OpenStack and others, IPv4 and (AWS Nitro) IPv6. */
const METADATA_ADDRESSES = ['169.254.169.254', 'fd00:ec2::254'];

/**
 * Props for `DenyCloudMetadata`.
 */
export interface DenyCloudMetadataProps extends NetworkPolicyOptions {
  /**
   * The pods that must not reach the metadata service.
   *
   * @default PodSelector.all() - every pod of the namespace
   */
  readonly pods?: PodSelector;

  /**
   * More addresses to keep the pods from, e.g. `100.100.100.200` (Alibaba Cloud's metadata service).
   * Addresses or CIDRs.
   *
   * @default - none: only 169.254.169.254 and fd00:ec2::254
   */
  readonly additionalAddresses?: string[];
}

/**
 * Keeps the selected pods from the cloud instance metadata service (169.254.169.254 and
 * fd00:ec2::254), where node credentials live.
 *
 * NetworkPolicy has no deny rule, so this is an egress **allow** of everything else: every pod in
 * every namespace, and every IPv4 and IPv6 address except the metadata ones. It isolates the pods'
 * egress, and it only restricts as long as no other policy selecting the same pods allows the
 * metadata address (an `AllowTo` with `Peer.anywhere()` or `Peer.anyIpv4()` would re-open it:
 * policies add up). Combined with a default deny it is itself an allowance of almost everything:
 * use it where egress is otherwise open.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/network-policies/#ipblock
 */
export class DenyCloudMetadata extends ValidatedNetworkPolicy {
  constructor(scope: Construct, id: string, props: DenyCloudMetadataProps = {}) {
    super(scope, id, props);
    writePolicy(this, describe('DenyCloudMetadata', this), () => {
      // A bare address means that one host; CIDRs are taken as given and checked by the validator.
      const denied = [...METADATA_ADDRESSES, ...props.additionalAddresses ?? []].map(address => hostCidr(address) ?? address);
      return {
        pods: props.pods ?? PodSelector.all(),
        egress: [{
          peers: [
            Peer.allNamespaces(),
            Peer.anyIpv4(denied.filter(cidr => !isIpv6(cidr))),
            Peer.anyIpv6(denied.filter(isIpv6)),
          ],
        }],
      };
    });
  }
}
