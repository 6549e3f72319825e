import '../../src/testing';
import { Testing } from 'cdk8s';
import * as example from '../../examples/patterns/44-allow-egress-except-cloud-metadata';
import { exampleChart } from '../../examples/patterns/example-chart';
import { AllowEgressExceptCloudMetadata, DefaultDeny, DenyCloudMetadata, DnsEgress, PodSelector } from '../../src';
import { lint } from '../../src/analysis/lint';
import { egressToEverywhereOnIsolated } from '../../src/analysis/lint/egress-to-everywhere-on-isolated';
import { buildModel } from '../../src/analysis/model-builder';
import { chartManifests } from '../../src/chart-manifests';
import { errorOf, makeChart, onlyPolicy } from '../policies/helpers';

describe('AllowEgressExceptCloudMetadata', () => {
  test('an egress allow of every pod and every address but the metadata ones', () => {
    const chart = makeChart();
    new AllowEgressExceptCloudMetadata(chart, 'imds');
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
    new AllowEgressExceptCloudMetadata(chart, 'imds', {
      pods: PodSelector.labels({ app: 'web' }),
      additionalAddresses: ['100.100.100.200', 'fd00:ec2::/120'],
    });
    const [, v4, v6] = onlyPolicy(chart).spec.egress[0].to;
    expect(v4.ipBlock.except).toEqual(['169.254.169.254/32', '100.100.100.200/32']);
    expect(v6.ipBlock.except).toEqual(['fd00:ec2::254/128', 'fd00:ec2::/120']);
  });

  test('a malformed address is refused with the construct path, field and fix', () => {
    expect(errorOf(() => new AllowEgressExceptCloudMetadata(makeChart(), 'imds', { additionalAddresses: ['100.100.100.0/8'] })))
      .toBe('AllowEgressExceptCloudMetadata test/imds: spec.egress[0].to[1].ipBlock.except[1]: 100.100.100.0/8 has bits set beyond the /8 prefix, '
        + 'so it is ambiguous; use 100.0.0.0/8 (the whole network) or 100.100.100.0/32 (this one address)');
  });

  test('DenyCloudMetadata, its former name, is the same policy', () => {
    const chart = makeChart();
    const old = new DenyCloudMetadata(chart, 'imds', { pods: PodSelector.labels({ app: 'web' }) });
    expect(old).toBeInstanceOf(AllowEgressExceptCloudMetadata);
    const renamed = makeChart();
    new AllowEgressExceptCloudMetadata(renamed, 'imds', { pods: PodSelector.labels({ app: 'web' }) });
    expect(onlyPolicy(chart).spec).toEqual(onlyPolicy(renamed).spec);
  });

  describe('with a default deny on the same pods', () => {
    const findingsOf = (build: (chart: ReturnType<typeof makeChart>) => void) => {
      const chart = makeChart();
      build(chart);
      // The chart's manifests as written, without cdk8s' validations (the synth-time lint among them).
      const model = buildModel(chartManifests(chart).map((object, documentIndex) => ({ object, source: { documentIndex } })));
      return lint(model, { rules: [egressToEverywhereOnIsolated] });
    };

    test('synth refuses the combination, naming the construct and saying why and what to use instead', () => {
      const chart = makeChart();
      new DefaultDeny(chart, 'deny', { name: 'default-deny' });
      new DnsEgress(chart, 'dns', { name: 'dns' });
      new AllowEgressExceptCloudMetadata(chart, 'imds', { name: 'no-metadata' });
      expect(() => Testing.synth(chart)).toThrow(
        /\[test\] test\/imds: egress-to-everywhere-on-isolated: shop\/no-metadata: .*NetworkPolicy cannot deny .*fix: .*ClusterNetworkPolicy with action Deny/);
    });

    test('the pattern would open the internet to the locked-down pods: egress-to-everywhere-on-isolated says so', () => {
      const findings = findingsOf(chart => {
        new DefaultDeny(chart, 'deny', { name: 'default-deny' });
        new DnsEgress(chart, 'dns', { name: 'dns' });
        new AllowEgressExceptCloudMetadata(chart, 'imds', { name: 'no-metadata' });
      });
      expect(findings).toHaveLength(1);
      expect(findings[0].message).toContain('shop/no-metadata: spec.egress[0].to[1].ipBlock: allows every IPv4 address but 169.254.169.254/32');
      expect(findings[0].message).toContain('whose egress shop/default-deny, shop/dns isolates; NetworkPolicy cannot deny');
      expect(findings[0].message).toContain('opens the internet to the pods those policies meant to lock down');
      expect(findings[0].fix).toMatch(/ClusterNetworkPolicy with action Deny.*AllowInternetEgress/);
    });

    test('on pods of its own, or on its own, the pattern is quiet', () => {
      expect(findingsOf(chart => new AllowEgressExceptCloudMetadata(chart, 'imds'))).toEqual([]);
      expect(findingsOf(chart => {
        new DefaultDeny(chart, 'deny', { pods: PodSelector.labels({ app: 'db' }) });
        new DnsEgress(chart, 'dns', { pods: PodSelector.labels({ app: 'db' }) });
        new AllowEgressExceptCloudMetadata(chart, 'imds', { pods: PodSelector.labels({ app: 'web' }) });
      })).toEqual([]);
    });
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
