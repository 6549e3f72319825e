/**
 * Addresses outside the cluster, as disjoint ranges.
 *
 * The IPv4 and IPv6 spaces are cut at every `ipBlock` cidr and `except` boundary of every
 * policy and at every `networks` CIDR of every cluster policy, so each resulting range is, for
 * every ipBlock and network, either wholly matched or wholly not: the ranges are the coarsest
 * partition on which all policies agree. Without any there are two ranges, the whole IPv4 and
 * the whole IPv6 space.
 *
 * Arithmetic is on bigint (IPv6 needs 128 bits). Addresses and CIDRs are read by the
 * validator's strict parser (validation/cidr.ts), so the analyzer takes exactly the CIDRs the
 * API server accepts; printing goes through ipaddr.js.
 */
import * as ipaddr from 'ipaddr.js';
import type { ClusterModel, IpBlockSpec } from './model';
import type { IpRange } from './results';
import { isCidrProblem, parseCidr, parseIpAddress } from './validation/cidr';

/** An inclusive interval of addresses of one family. */
export interface AddressInterval {
  readonly family: 4 | 6;
  readonly first: bigint;
  readonly last: bigint;
}

const BITS = { 4: 32, 6: 128 } as const;

function toBigInt(address: ipaddr.IPv4 | ipaddr.IPv6): bigint {
  return address.toByteArray().reduce((acc, byte) => acc * 256n + BigInt(byte), 0n);
}

function fromBigInt(family: 4 | 6, value: bigint): string {
  const bytes: number[] = [];
  for (let i = 0; i < BITS[family] / 8; i++) {
    bytes.unshift(Number(value % 256n));
    value /= 256n;
  }
  return ipaddr.fromByteArray(bytes).toString();
}

const familyOf = (address: ipaddr.IPv4 | ipaddr.IPv6): 4 | 6 => address.kind() === 'ipv4' ? 4 : 6;

/**
 * `10.0.0.0/8` → its addresses; undefined for any string the API server refuses as a CIDR
 * (the validator says why), `10.0.0.1/8` included: the analyzer never guesses which was meant.
 */
export function cidrInterval(cidr: string): AddressInterval | undefined {
  const parsed = parseCidr(cidr);
  if (isCidrProblem(parsed)) return undefined;
  const family = familyOf(parsed.address);
  // A valid CIDR has no bits set beyond its prefix: its address is the first of the network.
  const first = toBigInt(parsed.address);
  return { family, first, last: first + 2n ** BigInt(BITS[family] - parsed.prefix) - 1n };
}

/** A single address → a one-address interval; undefined when it is not an IP address. */
export function parseAddress(ip: string): AddressInterval | undefined {
  const address = parseIpAddress(ip);
  if (!address) return undefined;
  const value = toBigInt(address);
  return { family: familyOf(address), first: value, last: value };
}

export function toIpRange(interval: AddressInterval): IpRange {
  return { family: interval.family, start: fromBigInt(interval.family, interval.first), end: fromBigInt(interval.family, interval.last) };
}

/** The interval an `IpRange` denotes (its text is canonical, so this always parses). */
export function rangeInterval(range: IpRange): AddressInterval {
  return { family: range.family, first: parseAddress(range.start)!.first, last: parseAddress(range.end)!.first };
}

const within = (inner: AddressInterval, outer: AddressInterval) =>
  inner.family === outer.family && outer.first <= inner.first && inner.last <= outer.last;
const overlaps = (a: AddressInterval, b: AddressInterval) =>
  a.family === b.family && a.first <= b.last && b.first <= a.last;

/** Parsed ipBlocks, so that checking one against many ranges parses its CIDRs once. */
const parsedBlocks = new WeakMap<IpBlockSpec, { cidr?: AddressInterval; except: AddressInterval[] }>();

/**
 * An ipBlock with a CIDR the API server refuses (in `cidr` or in any `except`) covers nothing:
 * dropping just a bad `except` would allow the very addresses it meant to exclude.
 */
function parseBlock(block: IpBlockSpec) {
  let parsed = parsedBlocks.get(block);
  if (!parsed) {
    const except = (block.except ?? []).map(cidrInterval);
    const valid = except.every(e => e !== undefined);
    parsed = { cidr: valid ? cidrInterval(block.cidr) : undefined, except: valid ? except as AddressInterval[] : [] };
    parsedBlocks.set(block, parsed);
  }
  return parsed;
}

/**
 * Whether the ipBlock allows every address of `interval`: inside `cidr` and outside every
 * `except`. On ranges from `externalRanges` this is all-or-nothing by construction.
 */
export function ipBlockCovers(block: IpBlockSpec, interval: AddressInterval): boolean {
  const { cidr, except } = parseBlock(block);
  return cidr !== undefined && within(interval, cidr) && !except.some(e => overlaps(interval, e));
}

/** Every ipBlock of every rule of every policy (whatever its direction: cutting finer is harmless). */
function ipBlocks(model: ClusterModel): IpBlockSpec[] {
  return model.policies.flatMap(p => [...p.ingress, ...p.egress])
    .flatMap(rule => rule.peers ?? [])
    .flatMap(peer => peer.ipBlock ? [peer.ipBlock] : []);
}

/** Every `networks` CIDR of every cluster policy rule. */
function clusterNetworks(model: ClusterModel): string[] {
  return (model.clusterPolicies ?? []).flatMap(p => [...p.ingress, ...p.egress]).flatMap(rule => rule.peers).flatMap(peer => peer.networks ?? []);
}

/** The disjoint ranges, IPv4 first, each family in address order, that together cover both address spaces. */
export function cutAddressSpace(model: ClusterModel): AddressInterval[] {
  const starts: AddressInterval[] = [];
  for (const cidr of [...ipBlocks(model).flatMap(block => [block.cidr, ...(block.except ?? [])]), ...clusterNetworks(model)]) {
    const interval = cidrInterval(cidr);
    if (!interval) continue;
    starts.push({ ...interval, last: interval.first }, { family: interval.family, first: interval.last + 1n, last: interval.last + 1n });
  }
  return cutAt(starts);
}

/**
 * Both address spaces cut where each of `starts` (single addresses) begins a new range: IPv4
 * first, each family in address order. A start past the last address of its family cuts nothing.
 */
export function cutAt(starts: readonly AddressInterval[]): AddressInterval[] {
  const cuts = { 4: new Set<bigint>([0n]), 6: new Set<bigint>([0n]) };
  for (const start of starts) cuts[start.family].add(start.first);
  return ([4, 6] as const).flatMap(family => {
    const end = 2n ** BigInt(BITS[family]);
    const sorted = [...cuts[family]].filter(c => c < end).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return sorted.map((first, i) => ({ family, first, last: (sorted[i + 1] ?? end) - 1n }));
  });
}

/** The external ranges of `model` as printed: the same cut `computeReachability` uses. */
export function externalRanges(model: ClusterModel): IpRange[] {
  return cutAddressSpace(model).map(toIpRange);
}
