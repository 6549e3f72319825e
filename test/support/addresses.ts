/**
 * IP addresses and CIDRs for the test-side models: random canonical ipBlocks (with `except`s
 * strictly inside), membership, and the addresses worth probing around their boundaries.
 */
import fc from 'fast-check';
import * as ipaddr from 'ipaddr.js';

export interface IpBlock {
  readonly cidr: string;
  readonly except?: readonly string[];
}

interface Network {
  readonly family: 4 | 6;
  readonly first: bigint;
  readonly last: bigint;
}

const BITS = { 4: 32, 6: 128 } as const;

function toBigInt(bytes: number[]): bigint {
  return bytes.reduce((acc, byte) => acc * 256n + BigInt(byte), 0n);
}

function addressText(family: 4 | 6, value: bigint): string {
  const bytes: number[] = [];
  for (let i = 0; i < BITS[family] / 8; i++, value /= 256n) bytes.unshift(Number(value % 256n));
  return ipaddr.fromByteArray(bytes).toString();
}

/** Parsed once: the property tests ask about the same few blocks thousands of times. */
const networks = new Map<string, Network>();

function network(cidr: string): Network {
  let parsed = networks.get(cidr);
  if (!parsed) {
    parsed = parseNetwork(cidr);
    networks.set(cidr, parsed);
  }
  return parsed;
}

function parseNetwork(cidr: string): Network {
  const [address, prefix] = ipaddr.parseCIDR(cidr);
  const family = address.kind() === 'ipv4' ? 4 : 6;
  const size = 2n ** BigInt(BITS[family] - prefix);
  const first = toBigInt(address.toByteArray());
  return { family, first, last: first + size - 1n };
}

export function addressValue(ip: string): { family: 4 | 6; value: bigint } {
  const { family, first } = network(ip.includes(':') ? `${ip}/128` : `${ip}/32`);
  return { family, value: first };
}

function cidrContains(cidr: string, ip: string): boolean {
  const net = network(cidr);
  const { family, value } = addressValue(ip);
  return family === net.family && net.first <= value && value <= net.last;
}

/** Whether an ipBlock admits `ip`: inside `cidr`, outside every `except`. */
export function ipBlockAdmits(block: IpBlock, ip: string): boolean {
  return cidrContains(block.cidr, ip) && !(block.except ?? []).some(e => cidrContains(e, ip));
}

/** Every `ipBlock` anywhere in these manifests. */
export function ipBlocksIn(manifests: unknown): IpBlock[] {
  if (Array.isArray(manifests)) return manifests.flatMap(ipBlocksIn);
  if (typeof manifests !== 'object' || manifests === null) return [];
  return Object.entries(manifests).flatMap(([key, value]) => (key === 'ipBlock' ? [value as IpBlock] : ipBlocksIn(value)));
}

/** Addresses on both sides of every boundary of these blocks, plus a few far away from them. */
export function probeAddresses(blocks: readonly IpBlock[]): string[] {
  const probes = new Set(['8.8.8.8', '10.1.2.3', '169.254.20.10', '2001:db8::1', '::1']);
  for (const cidr of blocks.flatMap(b => [b.cidr, ...b.except ?? []])) {
    const { family, first, last } = network(cidr);
    const max = 2n ** BigInt(BITS[family]) - 1n;
    for (const value of [first - 1n, first, last, last + 1n]) {
      if (value >= 0n && value <= max) probes.add(addressText(family, value));
    }
  }
  return [...probes];
}

/** A canonical CIDR (`network/prefix`, host bits clear) inside `outer`, with a prefix of at least `minPrefix`. */
function cidrInside(outer: Network, outerPrefix: number, minPrefix: number): fc.Arbitrary<string> {
  const bits = BITS[outer.family];
  return fc.integer({ min: minPrefix, max: bits }).chain(prefix =>
    fc.bigInt({ min: 0n, max: 2n ** BigInt(prefix - outerPrefix) - 1n }).map(index => {
      const first = outer.first + index * 2n ** BigInt(bits - prefix);
      return `${addressText(outer.family, first)}/${prefix}`;
    }));
}

/**
 * Random valid ipBlocks: IPv4 mostly (with short prefixes, so probes land inside), some IPv6,
 * each with up to two `except`s strictly inside the cidr.
 */
export const ipBlockArbitrary: fc.Arbitrary<IpBlock> = fc.constantFrom<4 | 6>(4, 4, 4, 6)
  .chain(family => cidrInside(network(family === 4 ? '0.0.0.0/0' : '::/0'), 0, 0).filter(c => Number(c.split('/')[1]) <= (family === 4 ? 30 : 126)))
  .chain(cidr => {
    const outer = network(cidr);
    const prefix = Number(cidr.split('/')[1]);
    return fc.array(cidrInside(outer, prefix, prefix + 1), { maxLength: 2 })
      .map(except => (except.length > 0 ? { cidr, except } : { cidr }));
  });
