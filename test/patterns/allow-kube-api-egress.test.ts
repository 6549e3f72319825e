import '../../src/testing';
import { Testing } from 'cdk8s';
import * as example from '../../examples/patterns/46-allow-kube-api-egress';
import { exampleChart } from '../../examples/patterns/example-chart';
import { AllowKubeApiEgress, AllowKubeApiEgressProps, PodSelector } from '../../src';
import { errorOf, makeChart, onlyPolicy } from '../policies/helpers';

/** The egress rule an AllowKubeApiEgress with these props writes. */
function ruleOf(props: Partial<AllowKubeApiEgressProps>): any {
  const chart = makeChart();
  new AllowKubeApiEgress(chart, 'kube-api', { pods: PodSelector.all(), cidrs: ['172.18.0.2/32'], ...props });
  return onlyPolicy(chart).spec.egress[0];
}

describe('AllowKubeApiEgress', () => {
  test('TCP 443 by default; bare addresses become one-address CIDRs', () => {
    expect(ruleOf({ cidrs: ['172.18.0.2', '2001:db8::10', '10.0.0.0/28'] })).toEqual({
      to: [
        { ipBlock: { cidr: '172.18.0.2/32' } },
        { ipBlock: { cidr: '2001:db8::10/128' } },
        { ipBlock: { cidr: '10.0.0.0/28' } },
      ],
      ports: [{ protocol: 'TCP', port: 443 }],
    });
  });

  test('refuses empty cidrs and ports, which Kubernetes would read as everything', () => {
    expect(errorOf(() => ruleOf({ cidrs: [] })))
      .toBe('AllowKubeApiEgress test/kube-api: \'cidrs\' is empty, which Kubernetes reads as "to everyone"; pass the API server\'s addresses, e.g. [\'172.18.0.2/32\']');
    expect(errorOf(() => ruleOf({ ports: [] }))).toMatch(/^AllowKubeApiEgress test\/kube-api: 'ports' is empty/);
  });

  test('refuses an ambiguous CIDR, suggesting both readings', () => {
    expect(errorOf(() => ruleOf({ cidrs: ['10.0.0.1/8'] })))
      .toBe('AllowKubeApiEgress test/kube-api: spec.egress[0].to[0].ipBlock.cidr: 10.0.0.1/8 has bits set beyond the /8 prefix, '
        + 'so it is ambiguous; use 10.0.0.0/8 (the whole network) or 10.0.0.1/32 (this one address)');
  });

  describe('example: an operator reaches the API server only', () => {
    const chart = exampleChart(example);

    test('the API server on 443 and 6443', () => {
      expect(chart).toAllowTraffic({ from: 'default/operator', to: '172.18.0.2', port: 443 });
      expect(chart).toAllowTraffic({ from: 'default/operator', to: '172.18.0.2', port: 6443 });
    });

    test('no other port, address or pod', () => {
      expect(chart).toDenyTraffic({ from: 'default/operator', to: '172.18.0.2', port: 22 });
      expect(chart).toDenyTraffic({ from: 'default/operator', to: '172.18.0.3', port: 443 });
      expect(chart).toDenyTraffic({ from: 'default/operator', to: '8.8.8.8', port: 443 });
    });

    test('snapshot', () => expect(Testing.synth(chart)).toMatchSnapshot());
  });
});
