import { modelOf } from './helpers';
import { cutAddressSpace, externalRanges, ipBlockCovers, parseAddress, parseCidr, rangeInterval, toIpRange } from '../../src/analysis/ip-ranges';

const text = (cidr: string) => {
  const interval = parseCidr(cidr)!;
  const range = toIpRange(interval);
  return `${range.start}-${range.end}`;
};

describe('parseCidr', () => {
  test('IPv4 and IPv6 networks', () => {
    expect(text('10.0.0.0/8')).toBe('10.0.0.0-10.255.255.255');
    expect(text('192.168.1.7/32')).toBe('192.168.1.7-192.168.1.7');
    expect(text('0.0.0.0/0')).toBe('0.0.0.0-255.255.255.255');
    expect(text('2001:db8::/32')).toBe('2001:db8::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff');
    expect(text('::/0')).toBe('::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff');
  });

  test('host bits beyond the prefix are ignored, as Kubernetes did before strict validation', () => {
    expect(text('10.0.0.1/8')).toBe('10.0.0.0-10.255.255.255');
  });

  test('canonical IPv6 text', () => {
    expect(text('2001:DB8:0:0::/64')).toBe('2001:db8::-2001:db8::ffff:ffff:ffff:ffff');
  });

  test('not a CIDR', () => {
    expect(parseCidr('10.0.0.0')).toBeUndefined();
    expect(parseCidr('10.0.0.0/33')).toBeUndefined();
    expect(parseCidr('banana')).toBeUndefined();
    expect(parseCidr('10/8')).toBeUndefined();
    expect(parseCidr('0xa.0.0.0/8')).toBeUndefined();
    expect(parseCidr('10.0.0.0/8/8')).toBeUndefined();
    expect(parseCidr('fe80::%eth0/64')).toBeUndefined();
  });

  test('addresses round-trip through IpRange', () => {
    expect(parseAddress('10.1.2.3')).toEqual({ family: 4, first: 167838211n, last: 167838211n });
    expect(rangeInterval(toIpRange(parseCidr('2001:db8::/126')!))).toEqual(parseCidr('2001:db8::/126'));
    expect(parseAddress('nope')).toBeUndefined();
    expect(parseAddress('10')).toBeUndefined();
    expect(parseAddress('::ffff:1.2.3.4')).toEqual({ family: 6, first: 0xffff01020304n, last: 0xffff01020304n });
  });
});

describe('ipBlockCovers', () => {
  const block = { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] };
  test('inside cidr and outside every except', () => {
    expect(ipBlockCovers(block, parseCidr('10.2.0.0/16')!)).toBe(true);
    expect(ipBlockCovers(block, parseCidr('10.1.0.0/24')!)).toBe(false);
    expect(ipBlockCovers(block, parseCidr('10.0.0.0/8')!)).toBe(false); // overlaps the except
    expect(ipBlockCovers(block, parseCidr('11.0.0.0/8')!)).toBe(false);
    expect(ipBlockCovers(block, parseCidr('::/0')!)).toBe(false); // other family
  });
});

describe('externalRanges', () => {
  const ranges = (yaml: string) => externalRanges(modelOf(yaml)).map(r => `${r.start}-${r.end}`);

  test('cutAddressSpace gives the same ranges as bigint intervals', () => {
    expect(cutAddressSpace(modelOf('kind: Pod\nmetadata: { name: p }\n'))).toEqual([
      { family: 4, first: 0n, last: 2n ** 32n - 1n },
      { family: 6, first: 0n, last: 2n ** 128n - 1n },
    ]);
  });

  test('without ipBlocks: the whole IPv4 and the whole IPv6 space', () => {
    expect(ranges('kind: Pod\nmetadata: { name: p }\n')).toEqual(['0.0.0.0-255.255.255.255', '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff']);
  });

  test('cut at every cidr and except boundary, across policies and directions, without duplicates', () => {
    expect(ranges(`
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: a }
spec:
  ingress: [{ from: [{ ipBlock: { cidr: 10.0.0.0/8, except: [10.128.0.0/9] } }] }]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: b }
spec:
  egress: [{ to: [{ ipBlock: { cidr: 10.0.0.0/8 } }, { ipBlock: { cidr: 0.0.0.0/0 } }, { ipBlock: { cidr: 255.255.255.255/32 } }] }]
`)).toEqual([
      '0.0.0.0-9.255.255.255',
      '10.0.0.0-10.127.255.255',
      '10.128.0.0-10.255.255.255',
      '11.0.0.0-255.255.255.254',
      '255.255.255.255-255.255.255.255',
      '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
    ]);
  });
});
