import { Construct } from 'constructs';
import { CGNAT_IPV4, isIpv6, LINK_LOCAL_IPV4, LINK_LOCAL_IPV6, PRIVATE_IPV4, UNIQUE_LOCAL_IPV6, withoutCovered } from './address-ranges';
import { Peer } from '../../vocabulary/peer';
import { PodSelector } from '../../vocabulary/pod-selector';
import { Port } from '../../vocabulary/port';
import { describe, NetworkPolicyOptions, refuseEmpty, ValidatedNetworkPolicy, writePolicy } from '../network-policy';

/**
 * Props for `AllowInternetEgress`.
 */
export interface AllowInternetEgressProps extends NetworkPolicyOptions {
  /**
   * The pods that may reach the internet.
   */
  readonly pods: PodSelector;

  /**
   * The destination ports, any of them (numbers: the destinations are address ranges).
   *
   * @default - every port of every protocol
   */
  readonly ports?: Port[];

  /**
   * More ranges to leave out, IPv4 or IPv6: the cluster's pod and Service CIDRs, node networks, or
   * anything else internal that is not in a private range. Ranges already left out are dropped.
   *
   * @default - none
   */
  readonly except?: string[];

  /**
   * Leave out 100.64.0.0/10 (RFC 6598 shared address space, used for carrier-grade NAT and by some
   * clouds for pod networks).
   *
   * @default true
   */
  readonly excludeCgnat?: boolean;

  /**
   * Allow IPv6 destinations too (`::/0` except unique-local fc00::/7 and link-local fe80::/10).
   *
   * @default true
   */
  readonly ipv6?: boolean;
}

/**
 * Allows the selected pods to reach addresses on the internet: every IPv4 address except the
 * private (10/8, 172.16/12, 192.168/16), link-local (169.254/16, cloud metadata included) and
 * carrier-grade NAT (100.64/10) ranges, and every IPv6 address except fc00::/7 and fe80::/10. It
 * isolates their egress, so nothing inside the cluster is allowed by this policy (add `DnsEgress`
 * and what else they need). Pod IPs are in private ranges on most clusters; pass the cluster's
 * ranges in `except` when they are not.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/network-policies/#ipblock
 */
export class AllowInternetEgress extends ValidatedNetworkPolicy {
  constructor(scope: Construct, id: string, props: AllowInternetEgressProps) {
    super(scope, id, props);
    const where = describe('AllowInternetEgress', this);
    writePolicy(this, where, () => {
      refuseEmpty(where, 'ports', props.ports, 'every port of every protocol', 'leave \'ports\' out if that is what you mean');
      const extra = props.except ?? [];
      const ipv6 = props.ipv6 ?? true;
      if (!ipv6 && extra.some(isIpv6)) {
        throw new Error(`${where}: 'except' has the IPv6 range '${extra.find(isIpv6)}' while 'ipv6' is false, so it would never apply; remove it, or set 'ipv6' to true`);
      }
      const internal4 = [...PRIVATE_IPV4, LINK_LOCAL_IPV4, ...props.excludeCgnat ?? true ? [CGNAT_IPV4] : []];
      const internal6 = [UNIQUE_LOCAL_IPV6, LINK_LOCAL_IPV6];
      const peers = [Peer.anyIpv4(withoutCovered([...internal4, ...extra.filter(cidr => !isIpv6(cidr))]))];
      if (ipv6) {
        peers.push(Peer.anyIpv6(withoutCovered([...internal6, ...extra.filter(isIpv6)])));
      }
      return {
        pods: props.pods,
        egress: [{ peers, ports: props.ports }],
      };
    });
  }
}
