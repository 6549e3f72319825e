/**
 * Docs · namespaceSelector and podSelector: AND versus OR
 *
 * `web-and` accepts `role=client` pods of namespaces labelled `user=alice` (one peer naming both);
 * `web-or` accepts every pod of those namespaces and every `role=client` pod of its own namespace
 * (two peers). In YAML the only difference is a `-`.
 */
import { Chart } from 'cdk8s';
import { app, namespace } from './demo-cluster';
import { AllowFrom, NetworkLint, Peer, PodSelector } from '../../src';

export function pattern(chart: Chart): void {
  const clients = PodSelector.labels({ role: 'client' });
  new AllowFrom(chart, 'web-and', {
    name: 'web-and',
    pods: PodSelector.labels({ app: 'web-and' }),
    from: [Peer.podsInNamespaces({ user: 'alice' }, clients)],
  });
  const or = new AllowFrom(chart, 'web-or', {
    name: 'web-or',
    pods: PodSelector.labels({ app: 'web-or' }),
    from: [Peer.namespaces({ user: 'alice' }), Peer.pods(clients)],
  });
  NetworkLint.acknowledge(or, 'namespace-pod-selector-split', 'the OR form, shown on purpose');
}

export function demo(chart: Chart): void {
  namespace(chart, 'alice', { user: 'alice' });
  app(chart, 'default/web-and', { app: 'web-and' });
  app(chart, 'default/web-or', { app: 'web-or' });
  app(chart, 'default/client', { role: 'client' });
  app(chart, 'alice/client', { role: 'client' });
  app(chart, 'alice/batch', { role: 'batch' });
}
