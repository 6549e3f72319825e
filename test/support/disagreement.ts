/**
 * Holds two answers to "is this connection allowed?" against each other on every ordered pair
 * of endpoints (never address to address, never a workload to itself), every protocol and the
 * probed ports.
 */
import { PROTOCOLS, Protocol } from './cluster';
import type { RefEnd } from './reference-evaluator';

/** What one ordered pair of endpoints may exchange, asked per protocol and port. */
export type PairVerdict = (src: RefEnd, dst: RefEnd) => (protocol: Protocol, port: number) => boolean;

/** The first connection on which `expected` and `actual` differ, described; undefined when none. */
export function firstDisagreement(
  endpoints: readonly RefEnd[], ports: readonly number[], expected: PairVerdict, actual: PairVerdict): string | undefined {
  for (const src of endpoints) {
    for (const dst of endpoints) {
      if (src === dst || (src.kind === 'address' && dst.kind === 'address')) continue;
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

function describe(endpoint: RefEnd): string {
  return endpoint.kind === 'pod' ? `${endpoint.namespace}/${endpoint.name}` : endpoint.ip;
}

/** Both sides of every port and range edge of an intent, with the extremes: where its answer can change. */
export function portsAround(edges: readonly number[]): number[] {
  const around = edges.flatMap(p => [p - 1, p, p + 1]);
  return [...new Set([1, 65535, ...around])].filter(p => p >= 1 && p <= 65535).sort((a, b) => a - b);
}
