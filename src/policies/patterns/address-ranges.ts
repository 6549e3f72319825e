/**
 * Address ranges the egress patterns leave out, and the arithmetic to split user ranges by family
 * and drop the ones already left out (overlapping `except`s say the same thing twice).
 */
import { isCidrProblem, parseCidr, ParsedCidr } from '../../analysis/validation/cidr';

/** RFC 1918 private networks. */
export const PRIVATE_IPV4 = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'];

/** Link-local (cloud metadata, NodeLocal DNSCache). */
export const LINK_LOCAL_IPV4 = '169.254.0.0/16';

/** RFC 6598 shared address space: carrier-grade NAT, and pod networks on some clouds (e.g. EKS custom networking, GKE). */
export const CGNAT_IPV4 = '100.64.0.0/10';

/** Unique local addresses (the IPv6 private range). */
export const UNIQUE_LOCAL_IPV6 = 'fc00::/7';

/** IPv6 link-local. */
export const LINK_LOCAL_IPV6 = 'fe80::/10';

/** True for an IPv6 CIDR or address; the validator reports anything malformed later, with its field. */
export function isIpv6(cidr: string): boolean {
  return cidr.includes(':');
}

/**
 * `ranges` without those inside another of them (or equal to an earlier one), order kept. Ranges that
 * do not parse are kept, so the validator names them.
 */
export function withoutCovered(ranges: readonly string[]): string[] {
  const parsed = ranges.map(range => parseCidr(range));
  return ranges.filter((_, i) => {
    const inner = parsed[i];
    if (isCidrProblem(inner)) {
      return true;
    }
    return !parsed.some((outer, j) => j !== i && !isCidrProblem(outer) && covers(outer, inner) && (!covers(inner, outer) || j < i));
  });
}

function covers(outer: ParsedCidr, inner: ParsedCidr): boolean {
  return outer.address.kind() === inner.address.kind()
    && outer.prefix <= inner.prefix
    && inner.address.match(outer.address, outer.prefix);
}
