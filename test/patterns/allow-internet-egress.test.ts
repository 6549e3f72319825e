import '../../src/testing';
import { Testing } from 'cdk8s';
import * as example from '../../examples/patterns/45-allow-internet-egress';
import { exampleChart } from '../../examples/patterns/example-chart';
import { AllowInternetEgress, AllowInternetEgressProps, PodSelector, Port } from '../../src';
import { errorOf, makeChart, onlyPolicy } from '../policies/helpers';

const web = PodSelector.labels({ app: 'web' });

/** The `to` an AllowInternetEgress with these props writes. */
function toOf(props: Partial<AllowInternetEgressProps> = {}): any[] {
  const chart = makeChart();
  new AllowInternetEgress(chart, 'internet', { pods: web, ...props });
  return onlyPolicy(chart).spec.egress[0].to;
}

describe('AllowInternetEgress', () => {
  test('every address but private, link-local and carrier-grade NAT ranges, IPv4 and IPv6', () => {
    expect(toOf()).toEqual([
      { ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '169.254.0.0/16', '100.64.0.0/10'] } },
      { ipBlock: { cidr: '::/0', except: ['fc00::/7', 'fe80::/10'] } },
    ]);
  });

  test('extra ranges join their family; ranges already left out are dropped', () => {
    const [v4, v6] = toOf({ except: ['10.96.0.0/12', '10.0.0.0/8', '198.18.0.0/15', '2001:db8::/32', 'fd00::/8'] });
    expect(v4.ipBlock.except).toEqual(['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '169.254.0.0/16', '100.64.0.0/10', '198.18.0.0/15']);
    expect(v6.ipBlock.except).toEqual(['fc00::/7', 'fe80::/10', '2001:db8::/32']);
  });

  test('carrier-grade NAT may be allowed, and IPv6 left out', () => {
    expect(toOf({ excludeCgnat: false, ipv6: false })).toEqual([
      { ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '169.254.0.0/16'] } },
    ]);
  });

  test('refuses an IPv6 range when IPv6 is off', () => {
    expect(errorOf(() => toOf({ ipv6: false, except: ['2001:db8::/32'] })))
      .toBe('AllowInternetEgress test/internet: \'except\' has the IPv6 range \'2001:db8::/32\' while \'ipv6\' is false, so it would never apply; remove it, or set \'ipv6\' to true');
  });

  test('refuses a malformed range with the field and the fix', () => {
    expect(errorOf(() => toOf({ except: ['203.0.113.7/24'] })))
      .toBe('AllowInternetEgress test/internet: spec.egress[0].to[0].ipBlock.except[5]: 203.0.113.7/24 has bits set beyond the /24 prefix, '
        + 'so it is ambiguous; use 203.0.113.0/24 (the whole network) or 203.0.113.7/32 (this one address)');
  });

  test('refuses named ports (no pods to look them up on) and an empty ports list', () => {
    expect(errorOf(() => toOf({ ports: [Port.named('https')] }))).toMatch(/^AllowInternetEgress test\/internet: .*named port/);
    expect(errorOf(() => toOf({ ports: [] }))).toMatch(/^AllowInternetEgress test\/internet: 'ports' is empty/);
  });

  describe('example: HTTPS to the internet, next to a default deny and DNS', () => {
    const chart = exampleChart(example);

    test('public addresses on TCP 443, IPv4 and IPv6', () => {
      expect(chart).toAllowTraffic({ from: 'default/web', to: '8.8.8.8', port: 443 });
      expect(chart).toAllowTraffic({ from: 'default/web', to: '2001:4860:4860::8888', port: 443 });
      expect(chart).toDenyTraffic({ from: 'default/web', to: '8.8.8.8', port: 80 });
    });

    test('private, link-local, carrier-grade NAT and IPv6 local ranges are not the internet', () => {
      for (const internal of ['10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', 'fd00::1', 'fe80::1']) {
        expect(chart).toDenyTraffic({ from: 'default/web', to: internal, port: 443 });
      }
    });

    test('pods of the cluster are not either; DNS still works', () => {
      expect(chart).toDenyTraffic({ from: 'default/web', to: 'other/db', port: 443 });
      expect(chart).toAllowTraffic({ from: 'default/web', to: 'kube-system/coredns', port: '53/UDP' });
    });

    test('snapshot', () => expect(Testing.synth(chart)).toMatchSnapshot());
  });
});
