import '../../src/testing';
import { Testing } from 'cdk8s';
import * as example from '../../examples/patterns/44-deny-cloud-metadata';
import { exampleChart } from '../../examples/patterns/example-chart';
import { DenyCloudMetadata, PodSelector } from '../../src';
import { errorOf, makeChart, onlyPolicy } from '../policies/helpers';

describe('DenyCloudMetadata', () => {
  test('an egress allow of every pod and every address but the metadata ones', () => {
    const chart = makeChart();
    new DenyCloudMetadata(chart, 'imds');
    expect(onlyPolicy(chart).spec).toEqual({
      podSelector: {},
      egress: [{
        to: [
          { namespaceSelector: {} },
          { ipBlock: { cidr: '0.0.0.0/0', except: ['169.254.169.254/32'] } },
          { ipBlock: { cidr: '::/0', except: ['fd00:ec2::254/128'] } },
        ],
      }],
      policyTypes: ['Egress'],
    });
  });

  test('more addresses, bare or as CIDRs, go to the ipBlock of their family', () => {
    const chart = makeChart();
    new DenyCloudMetadata(chart, 'imds', {
      pods: PodSelector.labels({ app: 'web' }),
      additionalAddresses: ['100.100.100.200', 'fd00:ec2::/120'],
    });
    const [, v4, v6] = onlyPolicy(chart).spec.egress[0].to;
    expect(v4.ipBlock.except).toEqual(['169.254.169.254/32', '100.100.100.200/32']);
    expect(v6.ipBlock.except).toEqual(['fd00:ec2::254/128', 'fd00:ec2::/120']);
  });

  test('a malformed address is refused with the construct path, field and fix', () => {
    expect(errorOf(() => new DenyCloudMetadata(makeChart(), 'imds', { additionalAddresses: ['100.100.100.0/8'] })))
      .toBe('DenyCloudMetadata test/imds: spec.egress[0].to[1].ipBlock.except[1]: 100.100.100.0/8 has bits set beyond the /8 prefix, '
        + 'so it is ambiguous; use 100.0.0.0/8 (the whole network) or 100.100.100.0/32 (this one address)');
  });

  describe('example: on its own', () => {
    const chart = exampleChart(example);

    test('the metadata service is out of reach, on IPv4 and IPv6', () => {
      expect(chart).toDenyTraffic({ from: 'default/web', to: '169.254.169.254', port: 80 });
      expect(chart).toDenyTraffic({ from: 'default/web', to: 'fd00:ec2::254', port: 80 });
    });

    test('everything else stays open: neighbours, pods, the internet', () => {
      expect(chart).toAllowTraffic({ from: 'default/web', to: '169.254.169.253', port: 80 });
      expect(chart).toAllowTraffic({ from: 'default/web', to: '8.8.8.8', port: '53/UDP' });
      expect(chart).toAllowTraffic({ from: 'default/web', to: '2001:4860:4860::8888', port: 443 });
      expect(chart).toAllowTraffic({ from: 'default/web', to: 'other/db', port: 5432 });
    });

    test('snapshot', () => expect(Testing.synth(chart)).toMatchSnapshot());
  });
});
