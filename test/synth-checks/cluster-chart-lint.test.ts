/** The synth-time lint of charts with cluster policies: their tiers count, and a chart of guardrails is checked too. */
import { App, Chart, Testing } from 'cdk8s';
import {
  ClusterAction, ClusterDnsEgress, ClusterNetworkPolicy, ClusterPeer, ClusterSubject, ClusterTier, DefaultDeny, NamespaceSelector,
} from '../../src';

function chart(namespace?: string): { app: App; chart: Chart } {
  const app = Testing.app();
  return { app, chart: new Chart(app, 'platform', namespace === undefined ? {} : { namespace }) };
}

const EVERY_NAMESPACE = NamespaceSelector.all();

function errorMessage(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
}

describe('synth-time lint with cluster policies', () => {
  test('DefaultDeny egress with ClusterDnsEgress in the chart synthesizes: the Admin Accept allows DNS before NetworkPolicy decides', () => {
    const without = chart('shop');
    new DefaultDeny(without.chart, 'deny', { egress: true });
    expect(() => without.app.synthYaml()).toThrow(/dns-egress-missing/);

    const withDns = chart('shop');
    new DefaultDeny(withDns.chart, 'deny', { egress: true });
    new ClusterDnsEgress(withDns.chart, 'dns');
    expect(() => withDns.app.synthYaml()).not.toThrow();
  });

  test('cluster policies of another chart of the app count too, and their findings are reported once, by their own chart', () => {
    const { app, chart: shop } = chart('shop');
    new DefaultDeny(shop, 'deny', { egress: true });
    expect(() => app.synthYaml()).toThrow(/dns-egress-missing/);

    const platform = new Chart(app, 'guardrails');
    new ClusterDnsEgress(platform, 'dns');
    expect(() => app.synthYaml()).not.toThrow();

    new ClusterNetworkPolicy(platform, 'guard', {
      tier: ClusterTier.BASELINE,
      priority: 10,
      subject: ClusterSubject.namespaces(EVERY_NAMESPACE),
      ingress: [{ action: ClusterAction.PASS, peers: [ClusterPeer.namespaces(EVERY_NAMESPACE)] }],
    });
    const message = errorMessage(() => app.synthYaml());
    expect(message.split('\n').filter(line => line.includes('cluster-pass-in-baseline'))).toHaveLength(1);
    expect(message).toMatch(/\[guardrails\] guardrails\/guard: cluster-pass-in-baseline/);
  });

  test('a chart of cluster policies only is checked: a shadowed rule fails synth, naming the construct', () => {
    const { app, chart: platform } = chart();
    new ClusterNetworkPolicy(platform, 'guard', {
      tier: ClusterTier.ADMIN,
      priority: 10,
      subject: ClusterSubject.namespaces(EVERY_NAMESPACE),
      ingress: [
        { name: 'deny-all', action: ClusterAction.DENY, peers: [ClusterPeer.namespaces(EVERY_NAMESPACE)] },
        { name: 'accept-ops', action: ClusterAction.ACCEPT, peers: [ClusterPeer.namespaces(NamespaceSelector.labels({ team: 'ops' }))] },
      ],
    });
    expect(() => app.synthYaml()).toThrow(/platform\/guard: cluster-rule-shadowed: ClusterNetworkPolicy '[^']+': spec\.ingress\[1\]: never matches/);
  });

  test('a Pass in the Baseline tier and two policies tied at one priority fail synth', () => {
    const { app, chart: platform } = chart();
    new ClusterNetworkPolicy(platform, 'baseline', {
      tier: ClusterTier.BASELINE,
      priority: 10,
      subject: ClusterSubject.namespaces(EVERY_NAMESPACE),
      ingress: [{ action: ClusterAction.PASS, peers: [ClusterPeer.namespaces(NamespaceSelector.labels({ team: 'ops' }))] }],
    });
    new ClusterNetworkPolicy(platform, 'baseline-2', {
      tier: ClusterTier.BASELINE,
      priority: 10,
      subject: ClusterSubject.namespaces(EVERY_NAMESPACE),
      ingress: [{ action: ClusterAction.DENY, peers: [ClusterPeer.namespaces(EVERY_NAMESPACE)] }],
    });
    expect(() => app.synthYaml()).toThrow(/platform\/baseline: cluster-pass-in-baseline: /);
    expect(() => app.synthYaml()).toThrow(/platform\/baseline-2: cluster-equal-priority-overlap: /);
  });

  test('what another chart can undo is left to `lint`: a networks Deny that may catch pods synthesizes', () => {
    const { app, chart: platform } = chart();
    new ClusterNetworkPolicy(platform, 'no-internet', {
      tier: ClusterTier.ADMIN,
      priority: 50,
      subject: ClusterSubject.namespaces(EVERY_NAMESPACE),
      egress: [{ action: ClusterAction.DENY, peers: [ClusterPeer.networks('0.0.0.0/0')] }],
    });
    expect(() => app.synthYaml()).not.toThrow();
  });
});
