/**
 * The external ranges reach names, per direction, as np-guard's netpol-analyzer names them
 * (docs/reach-output.md): a range outside the cluster that sends is cut only where an `ipBlock`
 * of some ingress rule treats the addresses on its two sides differently, and a range that
 * receives only where an `ipBlock` of some egress rule does. Each range is as large as that
 * allows: only the rules of its own direction can tell its addresses apart (an external range is
 * never isolated, so a flow from it is the destination's ingress alone, and a flow to it the
 * source's egress alone), so what is allowed is the same for every address of it.
 *
 * The fine cut (`cutAddressSpace`, at every boundary of every ipBlock) is what explain resolves
 * addresses on; every range here is a union of consecutive ranges of it.
 */
import { AddressInterval, cidrInterval, cutAt, ipBlockCovers } from './ip-ranges';
import type { ClusterModel, Direction, IpBlockSpec } from './model';

/**
 * Every ipBlock of the rules of one direction, of every policy; for `Egress` also every `networks`
 * CIDR of the cluster policies' egress rules (their only peers outside the cluster).
 */
function ipBlocksOf(model: ClusterModel, direction: Direction): IpBlockSpec[] {
  const blocks = model.policies.flatMap(p => (direction === 'Ingress' ? p.ingress : p.egress))
    .flatMap(rule => rule.peers ?? [])
    .flatMap(peer => (peer.ipBlock ? [peer.ipBlock] : []));
  if (direction === 'Ingress') return blocks;
  const networks = (model.clusterPolicies ?? []).flatMap(p => p.egress).flatMap(rule => rule.peers).flatMap(peer => peer.networks ?? []);
  return [...blocks, ...networks.map(cidr => ({ cidr }))];
}

const address = (family: 4 | 6, value: bigint): AddressInterval => ({ family, first: value, last: value });

/** The first address of `cidr` and of every `except`, and the first address after each. */
function boundaries(block: IpBlockSpec): AddressInterval[] {
  return [block.cidr, ...(block.except ?? [])].flatMap(cidr => {
    const interval = cidrInterval(cidr);
    return interval ? [address(interval.family, interval.first), address(interval.family, interval.last + 1n)] : [];
  });
}

/**
 * The boundaries of `block` with a covered address on one side and an uncovered one on the other.
 * A boundary where nothing changes (an `except` starting where its `cidr` starts) cuts nothing,
 * and neither does a block the API server would refuse: it covers nothing (ip-ranges.ts).
 */
function changePoints(block: IpBlockSpec): AddressInterval[] {
  return boundaries(block).filter(point =>
    point.first > 0n && ipBlockCovers(block, address(point.family, point.first - 1n)) !== ipBlockCovers(block, point));
}

/**
 * The ranges outside the cluster as `direction`'s rules tell them apart: `Ingress` for ranges
 * that send (sources), `Egress` for ranges that receive (destinations). IPv4 first, each family
 * in address order; together they cover both address spaces.
 */
export function mergedRanges(model: ClusterModel, direction: Direction): AddressInterval[] {
  return cutAt(ipBlocksOf(model, direction).flatMap(changePoints));
}
