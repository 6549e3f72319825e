import { formatCidr, hostCidr, isCidrProblem, parseCidr, ParsedCidr, strictSubsetProblem } from '../../../src/analysis/validation/cidr';

function parsed(text: string): ParsedCidr {
  const result = parseCidr(text);
  if (isCidrProblem(result)) {
    throw new Error(`${text}: ${result.message}`);
  }
  return result;
}

describe('parseCidr', () => {
  test.each(['0.0.0.0/0', '10.0.0.0/8', '192.168.1.0/24', '10.0.0.1/32', '::/0', '2001:db8::/32', 'fd00::1/128'])('accepts %s', text => {
    expect(isCidrProblem(parseCidr(text))).toBe(false);
  });

  test.each([
    ['10.0.0.1/8', '10.0.0.0/8 (the whole network) or 10.0.0.1/32 (this one address)'],
    ['192.168.1.77/24', '192.168.1.0/24 (the whole network) or 192.168.1.77/32'],
    ['10.255.0.0/9', '10.128.0.0/9'],
    ['2001:db8::1/32', '2001:db8::/32 (the whole network) or 2001:db8::1/128'],
    ['010.000.000.000/8', 'use 10.0.0.0/8'],
    ['::ffff:192.168.0.0/112', 'use the IPv4 form 192.168.0.0/16'],
    ['::ffff:0.0.0.0/80', 'use an IPv4 CIDR'],
    ['10.0.0.1', 'use 10.0.0.1/32'],
    ['2001:db8::1', 'use 2001:db8::1/128'],
    ['0x0a.0.0.0/8', 'address/prefix'],
    ['10.0.0/8', 'address/prefix'],
    ['10.0.0.0/8/8', 'address/prefix'],
    ['10.0.0.0/-1', 'address/prefix'],
  ])('refuses %s and suggests %s', (text, fix) => {
    const result = parseCidr(text);
    expect(isCidrProblem(result) && result.fix).toContain(fix);
  });

  test('formats IPv6 the RFC 5952 way', () => {
    expect(formatCidr(parsed('2001:0db8:0000::/32'))).toBe('2001:db8::/32');
  });
});

describe('strictSubsetProblem', () => {
  test.each([
    ['10.0.0.0/8', '10.1.0.0/16', undefined],
    ['0.0.0.0/0', '10.0.0.0/8', undefined],
    ['::/0', '2001:db8::/32', undefined],
    ['10.0.0.0/8', '10.0.0.0/8', 'strict subset'],
    ['10.0.0.0/16', '10.0.0.0/8', 'strict subset'],
    ['10.0.0.0/8', '11.0.0.0/16', 'strict subset'],
    ['0.0.0.0/0', '::/1', 'it is IPv6'],
  ])('%s except %s', (outer, inner, problem) => {
    const result = strictSubsetProblem(parsed(outer), parsed(inner));
    if (problem === undefined) {
      expect(result).toBeUndefined();
    } else {
      expect(result).toContain(problem);
    }
  });
});

test('hostCidr gives /32 or /128, or undefined for a non-address', () => {
  expect(hostCidr('169.254.20.10')).toBe('169.254.20.10/32');
  expect(hostCidr('fd00::10')).toBe('fd00::10/128');
  expect(hostCidr('kube-dns')).toBeUndefined();
});

test('hostCidr takes only addresses the API server accepts: no leading zeros, no zone id, no whitespace', () => {
  expect(hostCidr('010.0.0.1')).toBeUndefined();
  expect(hostCidr('fe80::1%eth0')).toBeUndefined();
  expect(hostCidr(' 10.0.0.1')).toBeUndefined();
  expect(hostCidr('::1.2.3.4')).toBe('::1.2.3.4/128');
});

test('a dotted quad at the end of IPv6 is its last 32 bits (IPv4-compatible), not IPv4-mapped', () => {
  expect(formatCidr(parsed('::1.2.3.4/128'))).toBe('::102:304/128');
  const mapped = parseCidr('::ffff:1.2.3.4/128');
  expect(isCidrProblem(mapped) && mapped.fix).toBe('use the IPv4 form 1.2.3.4/32');
});
