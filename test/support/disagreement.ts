/**
 * Holds two answers to "is this connection allowed?" against each other on every ordered pair
 * of endpoints (never address to address, never a workload to itself), every protocol and the
 * probed ports.
 */
import { PROTOCOLS } from './cluster';
import type { Endpoint, PairVerdict } from './reference-evaluator';

/** The first connection on which `expected` and `actual` differ, described; undefined when none. */
export function firstDisagreement(
  endpoints: readonly Endpoint[], ports: readonly number[], expected: PairVerdict, actual: PairVerdict): string | undefined {
  for (const src of endpoints) {
    for (const dst of endpoints) {
      if (src === dst || (!('workload' in src) && !('workload' in dst))) continue;
      const expectedAllows = expected(src, dst);
      const actualAllows = actual(src, dst);
      for (const protocol of PROTOCOLS) {
        for (const port of ports) {
          const want = expectedAllows(protocol, port);
          if (want !== actualAllows(protocol, port)) {
            return `${describe(src)} -> ${describe(dst)} ${protocol} ${port}: expected ${want ? 'allowed' : 'denied'}, analyzer says ${want ? 'denied' : 'allowed'}`;
          }
        }
      }
    }
  }
  return undefined;
}

function describe(endpoint: Endpoint): string {
  return 'workload' in endpoint ? `${endpoint.workload.namespace}/${endpoint.workload.name}` : endpoint.ip;
}

/**
 * Ports worth probing: both sides of every port and range edge the policies name, every named
 * port's number in the cluster, DNS, the extremes, and a few arbitrary ones.
 */
export function probePorts(edges: readonly number[], namedPortNumbers: readonly number[]): number[] {
  const around = edges.flatMap(p => [p - 1, p, p + 1]);
  return [...new Set([1, 53, 5353, 12345, 65535, ...around, ...namedPortNumbers])].filter(p => p >= 1 && p <= 65535).sort((a, b) => a - b);
}
