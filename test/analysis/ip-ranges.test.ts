import { modelOf } from './helpers';
import { cidrInterval, cutAddressSpace, externalRanges, ipBlockCovers, parseAddress, rangeInterval, toIpRange } from '../../src/analysis/ip-ranges';
import { isCidrProblem, parseCidr } from '../../src/analysis/validation/cidr';

const text = (cidr: string) => {
  const interval = cidrInterval(cidr)!;
  const range = toIpRange(interval);
  return `${range.start}-${range.end}`;
};

describe('cidrInterval', () => {
  test('IPv4 and IPv6 networks', () => {
    expect(text('10.0.0.0/8')).toBe('10.0.0.0-10.255.255.255');
    expect(text('192.168.1.7/32')).toBe('192.168.1.7-192.168.1.7');
    expect(text('0.0.0.0/0')).toBe('0.0.0.0-255.255.255.255');
    expect(text('2001:db8::/32')).toBe('2001:db8::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff');
    expect(text('::/0')).toBe('::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff');
  });

  test('non-canonical IPv6 text, which the API server accepts', () => {
    expect(text('2001:DB8:0:0::/64')).toBe('2001:db8::-2001:db8::ffff:ffff:ffff:ffff');
  });

  test('a dotted quad at the end of IPv6 is its last 32 bits, as Go reads it (ipaddr.js alone reads ::1.2.3.4 as IPv4-mapped)', () => {
    expect(text('::1.2.3.4/128')).toBe('::102:304-::102:304');
    expect(text('64:ff9b::/96')).toBe('64:ff9b::-64:ff9b::ffff:ffff');
  });

  test('addresses round-trip through IpRange', () => {
    expect(parseAddress('10.1.2.3')).toEqual({ family: 4, first: 167838211n, last: 167838211n });
    expect(rangeInterval(toIpRange(cidrInterval('2001:db8::/126')!))).toEqual(cidrInterval('2001:db8::/126'));
    expect(parseAddress('nope')).toBeUndefined();
    expect(parseAddress('10')).toBeUndefined();
    expect(parseAddress('010.1.2.3')).toBeUndefined();
    expect(parseAddress('fe80::1%eth0')).toBeUndefined();
    expect(parseAddress(' 10.1.2.3')).toBeUndefined();
    // An IPv4-mapped address is an IPv6 address; only as a CIDR does Kubernetes refuse it.
    expect(parseAddress('::ffff:1.2.3.4')).toEqual({ family: 6, first: 0xffff01020304n, last: 0xffff01020304n });
  });
});

/**
 * The analyzer and the validator read CIDRs with one parser: every string the validator
 * refuses has no addresses, every string it accepts has exactly the addresses of its network.
 * These are the strings on which the two parsers this library once had disagreed, and their
 * neighbours.
 */
describe('the analyzer and the validator agree', () => {
  test.each([
    // Bits set beyond the prefix: the old analyzer parser silently took the network.
    ['10.0.0.1/8', 'has bits set beyond the /8 prefix'],
    ['2001:db8::1/32', 'has bits set beyond the /32 prefix'],
    // IPv4-mapped IPv6, refused by Kubernetes; the old analyzer parser read it as IPv6.
    ['::ffff:10.0.0.0/104', 'IPv4-mapped'],
    ['::ffff:0:0/96', 'IPv4-mapped'],
    // Leading zeros, in an octet (embedded in IPv6 too) or in the prefix length.
    ['010.0.0.0/8', 'leading 0s'],
    ['10.0.0.0/08', 'leading 0s'],
    ['::ffff:010.0.0.0/104', 'leading 0s'],
    // Zone ids.
    ['fe80::%eth0/64', 'zone'],
    ['fe80::/64%eth0', 'zone'],
    // Whitespace anywhere.
    [' 10.0.0.0/8', 'not an IPv4 or IPv6 address'],
    ['10.0.0.0/8 ', 'prefix length must be a number'],
    ['10.0.0.0/ 8', 'prefix length must be a number'],
    ['10.0.0.0 /8', 'not an IPv4 or IPv6 address'],
    // The forms of `/`.
    ['10.0.0.0', 'without a prefix length'],
    ['10.0.0.0/', 'prefix length must be a number'],
    ['/8', 'not an IPv4 or IPv6 address'],
    ['10.0.0.0/8/8', 'prefix length must be a number'],
    ['10.0.0.0//8', 'prefix length must be a number'],
    ['10.0.0.0/+8', 'prefix length must be a number'],
    ['10.0.0.0/33', 'more than 32'],
    ['::/129', 'more than 128'],
    // Not addresses at all.
    ['10/8', 'not an IPv4 or IPv6 address'],
    ['0xa.0.0.0/8', 'not an IPv4 or IPv6 address'],
    ['256.0.0.0/8', 'not an IPv4 or IPv6 address'],
    ['1::2::3/64', 'not an IPv4 or IPv6 address'],
    ['banana', 'not a valid CIDR'],
  ])('%j is refused by both: %s', (cidr, why) => {
    const problem = parseCidr(cidr);
    expect(isCidrProblem(problem) && `${problem.message} ${problem.fix}`).toContain(why);
    expect(cidrInterval(cidr)).toBeUndefined();
  });

  test.each([
    ['10.0.0.0/8', 4, 10n * 2n ** 24n, 11n * 2n ** 24n - 1n],
    ['0.0.0.0/0', 4, 0n, 2n ** 32n - 1n],
    ['255.255.255.255/32', 4, 2n ** 32n - 1n, 2n ** 32n - 1n],
    ['::/0', 6, 0n, 2n ** 128n - 1n],
    ['FD00::/8', 6, 0xfdn * 2n ** 120n, 0xfen * 2n ** 120n - 1n],
    ['::1.2.3.0/120', 6, 0x01020300n, 0x010203ffn],
  ] as const)('%s is accepted by both, with the same network', (cidr, family, first, last) => {
    const parsed = parseCidr(cidr);
    expect(isCidrProblem(parsed)).toBe(false);
    expect(cidrInterval(cidr)).toEqual({ family, first, last });
  });
});

describe('ipBlockCovers', () => {
  const block = { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] };
  test('inside cidr and outside every except', () => {
    expect(ipBlockCovers(block, cidrInterval('10.2.0.0/16')!)).toBe(true);
    expect(ipBlockCovers(block, cidrInterval('10.1.0.0/24')!)).toBe(false);
    expect(ipBlockCovers(block, cidrInterval('10.0.0.0/8')!)).toBe(false); // overlaps the except
    expect(ipBlockCovers(block, cidrInterval('11.0.0.0/8')!)).toBe(false);
    expect(ipBlockCovers(block, cidrInterval('::/0')!)).toBe(false); // other family
  });

  test('a block with a CIDR the API server refuses covers nothing, even when only an except is bad', () => {
    expect(ipBlockCovers({ cidr: '10.0.0.1/8' }, cidrInterval('10.2.0.0/16')!)).toBe(false);
    expect(ipBlockCovers({ cidr: '10.0.0.0/8', except: ['10.1.0.1/16'] }, cidrInterval('10.1.0.0/24')!)).toBe(false);
    expect(ipBlockCovers({ cidr: '10.0.0.0/8', except: ['10.1.0.1/16'] }, cidrInterval('10.2.0.0/16')!)).toBe(false);
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
