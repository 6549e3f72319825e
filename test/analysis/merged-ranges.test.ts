import * as fc from 'fast-check';
import { modelOf } from './helpers';
import { AddressInterval, cidrInterval, ipBlockCovers, toIpRange } from '../../src/analysis/ip-ranges';
import { mergedRanges } from '../../src/analysis/merged-ranges';
import { computeReachability } from '../../src/analysis/reachability';
import { endpointId, ipRangeId } from '../../src/analysis/results';

const V6 = '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff[External]';

/** One pod `n/web` (app=web) and the given rules of one policy selecting it. */
function policyWith(spec: object) {
  return modelOf(`
apiVersion: v1
kind: Pod
metadata: { name: web, namespace: n, labels: { app: web } }
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: p, namespace: n }
spec: ${JSON.stringify({ podSelector: { matchLabels: { app: 'web' } }, ...spec })}
`);
}

const within = (inner: AddressInterval, outer: AddressInterval) =>
  inner.family === outer.family && outer.first <= inner.first && inner.last <= outer.last;

const printed = (model: ReturnType<typeof modelOf>, direction: 'Ingress' | 'Egress') =>
  mergedRanges(model, direction).map(i => ipRangeId(toIpRange(i)));

test('no ipBlock: each family is one range in both directions', () => {
  const model = policyWith({ ingress: [{}] });
  expect(printed(model, 'Ingress')).toEqual(['0.0.0.0-255.255.255.255[External]', V6]);
  expect(printed(model, 'Egress')).toEqual(['0.0.0.0-255.255.255.255[External]', V6]);
});

test('an ingress ipBlock cuts the sources only; an egress ipBlock the destinations only', () => {
  const model = policyWith({
    policyTypes: ['Ingress', 'Egress'],
    ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }] }],
    egress: [{ to: [{ ipBlock: { cidr: '2001:db8::/32' } }] }],
  });
  expect(printed(model, 'Ingress')).toEqual([
    '0.0.0.0-9.255.255.255[External]',
    '10.0.0.0-10.0.255.255[External]',
    '10.1.0.0-10.1.255.255[External]',
    '10.2.0.0-10.255.255.255[External]',
    '11.0.0.0-255.255.255.255[External]',
    V6,
  ]);
  expect(printed(model, 'Egress')).toEqual([
    '0.0.0.0-255.255.255.255[External]',
    '::-2001:db7:ffff:ffff:ffff:ffff:ffff:ffff[External]',
    '2001:db8::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff[External]',
    '2001:db9::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff[External]',
  ]);
});

test('adjacent blocks stay apart (different rules tell them apart); a boundary where nothing changes is no cut', () => {
  const model = policyWith({
    ingress: [
      { from: [{ ipBlock: { cidr: '10.0.0.0/9' } }], ports: [{ port: 80 }] },
      { from: [{ ipBlock: { cidr: '10.128.0.0/9' } }], ports: [{ port: 80 }] },
      // Starts where its except starts: covers 172.16.128.0/17 only, so 172.16.0.0 is no boundary.
      { from: [{ ipBlock: { cidr: '172.16.0.0/16', except: ['172.16.0.0/17'] } }] },
    ],
  });
  expect(printed(model, 'Ingress').slice(0, -1)).toEqual([
    '0.0.0.0-9.255.255.255[External]',
    '10.0.0.0-10.127.255.255[External]',
    '10.128.0.0-10.255.255.255[External]',
    '11.0.0.0-172.16.127.255[External]',
    '172.16.128.0-172.16.255.255[External]',
    '172.17.0.0-255.255.255.255[External]',
  ]);
});

test('reach names the merged ranges: a flow per range of its own direction, each uniform', () => {
  const model = policyWith({
    policyTypes: ['Ingress', 'Egress'],
    ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8' } }], ports: [{ port: 443 }] }],
    egress: [{ to: [{ ipBlock: { cidr: '192.168.0.0/16', except: ['192.168.1.0/24'] } }], ports: [{ port: 53, protocol: 'UDP' }] }],
  });
  const lines = computeReachability(model).flows.map(f => `${endpointId(f.src)} => ${endpointId(f.dst)} : ${f.conns.toString()}`);
  expect(lines).toEqual([
    '10.0.0.0-10.255.255.255[External] => n/web[Pod] : TCP 443',
    'n/web[Pod] => 192.168.0.0-192.168.0.255[External] : UDP 53',
    'n/web[Pod] => 192.168.2.0-192.168.255.255[External] : UDP 53',
  ]);
});

test('the fine cut stays the reachability\'s externalRanges: every named range is a union of them', () => {
  const model = policyWith({ ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8' } }] }], egress: [{ to: [{ ipBlock: { cidr: '10.1.0.0/16' } }] }], policyTypes: ['Ingress', 'Egress'] });
  const reach = computeReachability(model);
  expect(reach.externalRanges.map(ipRangeId)).toEqual([
    '0.0.0.0-9.255.255.255[External]',
    '10.0.0.0-10.0.255.255[External]',
    '10.1.0.0-10.1.255.255[External]',
    '10.2.0.0-10.255.255.255[External]',
    '11.0.0.0-255.255.255.255[External]',
    V6,
  ]);
  expect(reach.flows.map(f => `${endpointId(f.src)} => ${endpointId(f.dst)}`)).toEqual([
    '10.0.0.0-10.255.255.255[External] => n/web[Pod]',
    'n/web[Pod] => 10.1.0.0-10.1.255.255[External]',
  ]);
});

describe('on random ipBlocks: the ranges cover each family, each is uniform, and each is as large as the rules allow', () => {
  const cidr = fc.constantFrom('10.0.0.0/8', '10.0.0.0/9', '10.128.0.0/9', '10.1.0.0/16', '10.1.2.0/24', '0.0.0.0/0', '2001:db8::/32', '2001:db8:1::/48', '::/0');
  const block = fc.record({ cidr, except: fc.array(cidr, { maxLength: 2 }) })
    // The API server refuses an except outside its cidr; keep the blocks it accepts.
    .map(b => ({ cidr: b.cidr, except: b.except.filter(e => e !== b.cidr && within(cidrInterval(e)!, cidrInterval(b.cidr)!)) }));

  test('property', () => {
    fc.assert(fc.property(fc.array(block, { maxLength: 4 }), fc.array(block, { maxLength: 4 }), (ingressBlocks, egressBlocks) => {
      const model = policyWith({
        policyTypes: ['Ingress', 'Egress'],
        ingress: ingressBlocks.map(ipBlock => ({ from: [{ ipBlock }] })),
        egress: egressBlocks.map(ipBlock => ({ to: [{ ipBlock }] })),
      });
      for (const [direction, blocks] of [['Ingress', ingressBlocks], ['Egress', egressBlocks]] as const) {
        const ranges = mergedRanges(model, direction);
        const covers = (i: AddressInterval) => blocks.map(b => ipBlockCovers(b, i));
        const first = (i: AddressInterval) => ({ ...i, last: i.first });
        const last = (i: AddressInterval) => ({ ...i, first: i.last });
        for (const family of [4, 6] as const) {
          const own = ranges.filter(r => r.family === family);
          expect(own[0].first).toBe(0n);
          expect(own[own.length - 1].last).toBe(2n ** (family === 4 ? 32n : 128n) - 1n);
          own.forEach((range, i) => {
            // Uniform: a block covers the whole range exactly when it covers its first and its last address.
            expect(covers(range)).toEqual(covers(first(range)));
            expect(covers(range)).toEqual(covers(last(range)));
            if (i === 0) return;
            const before = own[i - 1];
            expect(before.last + 1n).toBe(range.first);
            // Maximal: some block of this direction tells the two neighbours apart.
            expect(covers(before)).not.toEqual(covers(range));
          });
        }
      }
    }), { numRuns: 200 });
  });
});
