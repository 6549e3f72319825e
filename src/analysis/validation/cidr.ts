/**
 * The one parser of IP addresses and CIDRs in this library, as strict as the API server with
 * `StrictIPCIDRValidation` on (KEP-4858; on by default from Kubernetes 1.36; docs/semantics.md
 * §1.5), which this library always applies. The validator reports why a CIDR is refused, with
 * the fix; the analyzer (ip-ranges.ts) takes the addresses of exactly the CIDRs it accepts, so
 * the two never read one string two ways. A CIDR that older servers accept but read ambiguously
 * (`10.0.0.1/8`) is refused with both possible fixes.
 *
 * ipaddr.js alone is too lenient (it reads `010.0.0.0` as octal, `10` as an address, takes zone
 * ids, and reads `::1.2.3.4` as IPv4-mapped), so the raw string is checked first and ipaddr.js
 * only does the arithmetic.
 */
import * as ipaddr from 'ipaddr.js';

/** A CIDR that passed every check. */
export interface ParsedCidr {
  readonly address: ipaddr.IPv4 | ipaddr.IPv6;
  readonly prefix: number;
}

/** Why a CIDR string is refused, and how to write it instead. */
export interface CidrProblem {
  readonly message: string;
  readonly fix: string;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
/** IPv6 that ends in a dotted quad (`::ffff:10.1.2.3`): the head up to its last colon, and the quad. */
const IPV6_WITH_IPV4_TAIL = /^(.*:)(\d{1,3}(?:\.\d{1,3}){3})$/;
const EXAMPLE = 'write it as address/prefix, e.g. 10.9.8.0/24 or 2001:db8::/64';

/** Parses `address/prefix` strictly; returns the CIDR or the problem. */
export function parseCidr(raw: string): ParsedCidr | CidrProblem {
  if (raw.includes('%')) {
    return { message: 'is not a valid CIDR: it has an IPv6 zone (%...)', fix: `remove the zone: ${raw.replace(/%[^/]*/, '')}` };
  }
  const slash = raw.split('/');
  if (slash.length === 1) {
    const host = hostCidr(raw);
    return host
      ? { message: 'is an IP address without a prefix length, not a CIDR', fix: `use ${host} for this one address` }
      : { message: 'is not a valid CIDR', fix: EXAMPLE };
  }
  const [addressText, prefixText] = slash;
  if (slash.length !== 2 || !/^\d+$/.test(prefixText)) {
    return { message: 'is not a valid CIDR: the prefix length must be a number', fix: EXAMPLE };
  }
  const prefix = Number(prefixText);
  const read = readAddress(addressText);
  if (read === undefined) {
    return { message: 'is not a valid CIDR: the address is not an IPv4 or IPv6 address', fix: EXAMPLE };
  }
  const { address } = read;
  const maxPrefix = bitsOf(address);
  if (prefix > maxPrefix) {
    return { message: `is not a valid CIDR: the prefix length is more than ${maxPrefix}`, fix: `use a prefix length from 0 to ${maxPrefix}` };
  }
  if (read.leadingZeros || hasLeadingZero(prefixText)) {
    return {
      message: 'must not have leading 0s (some parsers read them as octal)',
      fix: `use ${formatAddress(address)}/${prefix}`,
    };
  }
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()) {
    const v4 = (address as ipaddr.IPv6).toIPv4Address();
    return {
      message: 'is an IPv4-mapped IPv6 CIDR, which Kubernetes refuses',
      fix: prefix >= 96 ? `use the IPv4 form ${v4.toString()}/${prefix - 96}` : 'use an IPv4 CIDR',
    };
  }
  const network = networkOf(address, prefix);
  if (network.toString() !== address.toString()) {
    return {
      message: `has bits set beyond the /${prefix} prefix, so it is ambiguous`,
      fix: `use ${formatAddress(network)}/${prefix} (the whole network) or ${formatAddress(address)}/${maxPrefix} (this one address)`,
    };
  }
  return { address, prefix };
}

/** Type guard separating a parse result from a problem. */
export function isCidrProblem(result: ParsedCidr | CidrProblem): result is CidrProblem {
  return 'message' in result;
}

/**
 * Why `inner` is not a strict subset of `outer` (same family, network inside, strictly longer
 * prefix), or undefined when it is.
 */
export function strictSubsetProblem(outer: ParsedCidr, inner: ParsedCidr): string | undefined {
  if (outer.address.kind() !== inner.address.kind()) {
    return `is not a strict subset of cidr ${formatCidr(outer)}: it is ${inner.address.kind() === 'ipv4' ? 'IPv4' : 'IPv6'} and cidr is not`;
  }
  if (inner.prefix <= outer.prefix || !inner.address.match(outer.address, outer.prefix)) {
    return `is not a strict subset of cidr ${formatCidr(outer)}`;
  }
  return undefined;
}

/**
 * An address in a form the API server accepts (Go's `netip.ParseAddr`): dotted-quad IPv4
 * without leading zeros, or IPv6 without a zone id; undefined for anything else, surrounding
 * whitespace included. An IPv4-mapped IPv6 address is an address (only as a CIDR is it refused).
 */
export function parseIpAddress(text: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  const read = readAddress(text);
  return read === undefined || read.leadingZeros ? undefined : read.address;
}

/** The CIDR of a single address (`/32` or `/128`), or undefined if `ip` is not an address. */
export function hostCidr(ip: string): string | undefined {
  const address = parseIpAddress(ip);
  return address && `${ip}/${bitsOf(address)}`;
}

/** `address/prefix`, IPv6 compressed the RFC 5952 way. */
export function formatCidr(cidr: ParsedCidr): string {
  return `${formatAddress(cidr.address)}/${cidr.prefix}`;
}

/**
 * The address written in `text`, and whether a dotted quad in it has leading zeros (refused,
 * but read as decimal so that the message can suggest the fix). A dotted quad at the end of IPv6
 * is its last 32 bits, as Go reads it: `::1.2.3.4` is `::102:304`, not IPv4-mapped.
 */
function readAddress(text: string): { address: ipaddr.IPv4 | ipaddr.IPv6; leadingZeros: boolean } | undefined {
  if (!text.includes(':')) return readIpv4(text);
  if (text.includes('%')) return undefined;
  const tail = IPV6_WITH_IPV4_TAIL.exec(text);
  const v4 = tail ? readIpv4(tail[2]) : undefined;
  if (tail && v4 === undefined) return undefined;
  const [a, b, c, d] = v4?.address.octets ?? [];
  const hex = tail ? `${tail[1]}${(a * 256 + b).toString(16)}:${(c * 256 + d).toString(16)}` : text;
  return ipaddr.IPv6.isValid(hex) ? { address: ipaddr.IPv6.parse(hex), leadingZeros: v4?.leadingZeros ?? false } : undefined;
}

function readIpv4(text: string): { address: ipaddr.IPv4; leadingZeros: boolean } | undefined {
  const octets = IPV4.exec(text)?.slice(1);
  if (!octets || octets.some(o => Number(o) > 255)) return undefined;
  return { address: new ipaddr.IPv4(octets.map(Number)), leadingZeros: octets.some(hasLeadingZero) };
}

function hasLeadingZero(part: string): boolean {
  return part.length > 1 && part.startsWith('0');
}

function bitsOf(address: ipaddr.IPv4 | ipaddr.IPv6): number {
  return address.kind() === 'ipv4' ? 32 : 128;
}

function networkOf(address: ipaddr.IPv4 | ipaddr.IPv6, prefix: number): ipaddr.IPv4 | ipaddr.IPv6 {
  const bytes = address.toByteArray().map((byte, i) => {
    const hostBits = 8 - Math.max(0, Math.min(8, prefix - i * 8));
    return byte - byte % 2 ** hostBits;
  });
  return ipaddr.fromByteArray(bytes);
}

function formatAddress(address: ipaddr.IPv4 | ipaddr.IPv6): string {
  return address.kind() === 'ipv6' ? (address as ipaddr.IPv6).toRFC5952String() : address.toString();
}
