/** A small reachability, built by hand, that every renderer test draws. */
import { ConnectionSet } from '../../src/analysis/connection-set';
import type { Workload } from '../../src/analysis/model';
import type { Endpoint, IpRange, Reachability } from '../../src/analysis/results';

export function workload(namespace: string, name: string, kind = 'Deployment'): Endpoint {
  const w: Workload = { namespace, name, kind, podLabels: {}, namedPorts: [], hostNetwork: false };
  return { kind: 'workload', workload: w };
}

export function external(start: string, end: string): Endpoint {
  return { kind: 'external', range: { family: 4, start, end } };
}

const low: IpRange = { family: 4, start: '0.0.0.0', end: '9.255.255.255' };
export const internet: Endpoint = { kind: 'external', range: low };
export const web = workload('shop', 'web');
export const api = workload('shop', 'api');
export const dns = workload('kube-system', 'coredns');

const dnsPorts = ConnectionSet.ports('UDP', 53).union(ConnectionSet.ports('TCP', 53));

/** Sorted by src id, then dst id, as `computeReachability` returns them. */
export const reach: Reachability = {
  externalRanges: [low],
  flows: [
    { src: internet, dst: web, conns: ConnectionSet.ports('TCP', 443) },
    { src: api, dst: dns, conns: dnsPorts },
    { src: web, dst: api, conns: ConnectionSet.ports('TCP', 8080, 8090) },
    { src: web, dst: dns, conns: ConnectionSet.all() },
  ],
};
