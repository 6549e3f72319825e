import { errorOf, makeChart, onlyPolicy, synth } from './helpers';
import { DefaultDeny, PodSelector } from '../../src';

describe('DefaultDeny', () => {
  test('denies both directions for every pod by default', () => {
    const chart = makeChart();
    new DefaultDeny(chart, 'deny');
    expect(synth(chart)).toMatchSnapshot();
    expect(onlyPolicy(chart).spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
  });

  test('seed example 1: default-deny-ingress, reproduced exactly', () => {
    const chart = makeChart();
    new DefaultDeny(chart, 'x', { name: 'default-deny-ingress', egress: false });
    expect(onlyPolicy(chart)).toEqual({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'default-deny-ingress', namespace: 'shop' },
      spec: { podSelector: {}, policyTypes: ['Ingress'] },
    });
  });

  test('egress only', () => {
    const chart = makeChart();
    new DefaultDeny(chart, 'deny', { ingress: false });
    expect(onlyPolicy(chart).spec).toEqual({ podSelector: {}, policyTypes: ['Egress'] });
  });

  test('selected pods, own namespace', () => {
    const chart = makeChart();
    new DefaultDeny(chart, 'deny', { pods: PodSelector.labels({ app: 'web' }), namespace: 'web' });
    const policy = onlyPolicy(chart);
    expect(policy.metadata.namespace).toBe('web');
    expect(policy.spec).toEqual({ podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Ingress', 'Egress'] });
  });

  test('refuses a DefaultDeny that denies nothing', () => {
    expect(errorOf(() => new DefaultDeny(makeChart(), 'deny', { ingress: false, egress: false }))).toBe(
      'DefaultDeny test/deny: \'ingress\' and \'egress\' are both false, so this policy denies nothing; leave one of them true (both are true by default)');
  });

  test('exposes the NetworkPolicy object', () => {
    const chart = makeChart();
    const deny = new DefaultDeny(chart, 'deny', { name: 'deny-all' });
    expect(deny.apiObject.name).toBe('deny-all');
    expect(deny.apiObject.kind).toBe('NetworkPolicy');
  });
});
