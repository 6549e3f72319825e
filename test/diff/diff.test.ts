/** diffReachability on hand-built reachability results, with the expected changes derived by hand. */
import { ConnectionSet } from '../../src/analysis/connection-set';
import { diffReachability, FlowChange, allowsMore } from '../../src/analysis/diff';
import type { Workload } from '../../src/analysis/model';
import { endpointId, type Endpoint, type IpRange, type Reachability } from '../../src/analysis/results';

const workload = (name: string): Endpoint => ({
  kind: 'workload',
  workload: { namespace: 'shop', name, kind: 'Deployment', podLabels: { app: name }, namedPorts: [], hostNetwork: false } as Workload,
});
const v4 = (start: string, end: string): IpRange => ({ family: 4, start, end });
const external = (range: IpRange): Endpoint => ({ kind: 'external', range });
const V4_ALL = v4('0.0.0.0', '255.255.255.255');
const V6_ALL: IpRange = { family: 6, start: '::', end: 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff' };
const BELOW_10 = v4('0.0.0.0', '9.255.255.255');
const TEN = v4('10.0.0.0', '10.255.255.255');
const ABOVE_10 = v4('11.0.0.0', '255.255.255.255');

const tcp = (port: number) => ConnectionSet.ports('TCP', port);
const udp = (port: number) => ConnectionSet.ports('UDP', port);

function reach(externalRanges: IpRange[], flows: Array<[Endpoint, Endpoint, ConnectionSet]>): Reachability {
  return { externalRanges, flows: flows.map(([src, dst, conns]) => ({ src, dst, conns })) };
}

/** `src => dst : before -> after (+added, -removed)`: one readable line per change. */
function lines(changes: readonly FlowChange[]): string[] {
  return changes.map(c => `${endpointId(c.src)} => ${endpointId(c.dst)} : ${c.before} -> ${c.after} (+${c.added}, -${c.removed})`);
}

const [api, web, db] = ['api', 'web', 'db'].map(workload);
const UNCUT = [V4_ALL, V6_ALL];
const CUT_AT_10 = [BELOW_10, TEN, ABOVE_10, V6_ALL];

describe('diffReachability', () => {
  test('workload pairs: added, removed and changed, with what was added and removed', () => {
    const before = reach(UNCUT, [[web, api, tcp(80)], [web, db, udp(53)]]);
    const after = reach(UNCUT, [[web, api, tcp(80).union(tcp(443))], [api, db, tcp(5432)]]);
    const diff = diffReachability(before, after);
    expect(lines(diff.added)).toEqual(['shop/api[Deployment] => shop/db[Deployment] : No Connections -> TCP 5432 (+TCP 5432, -No Connections)']);
    expect(lines(diff.removed)).toEqual(['shop/web[Deployment] => shop/db[Deployment] : UDP 53 -> No Connections (+No Connections, -UDP 53)']);
    expect(lines(diff.changed)).toEqual(['shop/web[Deployment] => shop/api[Deployment] : TCP 80 -> TCP 80,443 (+TCP 443, -No Connections)']);
    expect(allowsMore(diff)).toBe(true);
  });

  test('identical results: no change, whatever the order of flows', () => {
    const before = reach(UNCUT, [[web, api, tcp(80)], [api, db, tcp(5432)]]);
    const after = reach(UNCUT, [[api, db, tcp(5432)], [web, api, tcp(80)]]);
    expect(diffReachability(before, after)).toEqual({ added: [], removed: [], changed: [] });
  });

  test('the same external access, cut differently on each side, is no change', () => {
    const before = reach(UNCUT, [[external(V4_ALL), web, tcp(443)]]);
    const after = reach(CUT_AT_10, [[external(BELOW_10), web, tcp(443)], [external(TEN), web, tcp(443)], [external(ABOVE_10), web, tcp(443)]]);
    expect(diffReachability(before, after)).toEqual({ added: [], removed: [], changed: [] });
    expect(diffReachability(after, before)).toEqual({ added: [], removed: [], changed: [] });
  });

  test('a change to part of a range that the other side did not cut is reported for that part only', () => {
    const before = reach(UNCUT, [[external(V4_ALL), web, tcp(443)]]);
    const after = reach(CUT_AT_10, [
      [external(BELOW_10), web, tcp(443)],
      [external(TEN), web, tcp(443).union(tcp(8080))],
      [external(ABOVE_10), web, tcp(443)],
    ]);
    const diff = diffReachability(before, after);
    expect(lines(diff.changed)).toEqual(['10.0.0.0-10.255.255.255[External] => shop/web[Deployment] : TCP 443 -> TCP 443,8080 (+TCP 8080, -No Connections)']);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
  });

  test('narrowing egress from the whole space to 10.0.0.0/8 removes the two ranges around it', () => {
    const before = reach(UNCUT, [[api, external(V4_ALL), tcp(443)]]);
    const after = reach(CUT_AT_10, [[api, external(TEN), tcp(443)]]);
    const diff = diffReachability(before, after);
    expect(lines(diff.removed)).toEqual([
      'shop/api[Deployment] => 0.0.0.0-9.255.255.255[External] : TCP 443 -> No Connections (+No Connections, -TCP 443)',
      'shop/api[Deployment] => 11.0.0.0-255.255.255.255[External] : TCP 443 -> No Connections (+No Connections, -TCP 443)',
    ]);
    expect(allowsMore(diff)).toBe(false);
  });

  test('adjacent cells with the same change merge back into one range', () => {
    // before: cut at 10.0.0.0/8 (each cell its own flow); after: one range, one flow, different ports everywhere.
    const before = reach(CUT_AT_10, [[external(BELOW_10), web, tcp(443)], [external(TEN), web, tcp(443)], [external(ABOVE_10), web, tcp(443)]]);
    const after = reach(UNCUT, [[external(V4_ALL), web, tcp(80)]]);
    expect(lines(diffReachability(before, after).changed)).toEqual([
      '0.0.0.0-255.255.255.255[External] => shop/web[Deployment] : TCP 443 -> TCP 80 (+TCP 80, -TCP 443)',
    ]);
  });

  test('cuts from both sides combine: 10.0.0.0/8 before and 10.1.0.0/16 after give five IPv4 cells', () => {
    const TEN_LOW = v4('10.0.0.0', '10.0.255.255');
    const TEN_ONE = v4('10.1.0.0', '10.1.255.255');
    const TEN_HIGH = v4('10.2.0.0', '10.255.255.255');
    const before = reach(CUT_AT_10, [[api, external(TEN), tcp(443)]]);
    const after = reach([v4('0.0.0.0', '9.255.255.255'), TEN_LOW, TEN_ONE, TEN_HIGH, ABOVE_10, V6_ALL],
      [[api, external(TEN_ONE), tcp(443)], [api, external(ABOVE_10), tcp(443)]]);
    const diff = diffReachability(before, after);
    expect(lines(diff.removed)).toEqual([
      'shop/api[Deployment] => 10.0.0.0-10.0.255.255[External] : TCP 443 -> No Connections (+No Connections, -TCP 443)',
      'shop/api[Deployment] => 10.2.0.0-10.255.255.255[External] : TCP 443 -> No Connections (+No Connections, -TCP 443)',
    ]);
    expect(lines(diff.added)).toEqual([
      'shop/api[Deployment] => 11.0.0.0-255.255.255.255[External] : No Connections -> TCP 443 (+TCP 443, -No Connections)',
    ]);
  });
});
