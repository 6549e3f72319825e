/**
 * Recipe 05 · ALLOW traffic to an application from all namespaces
 *
 * `app=web` accepts traffic from every pod of every namespace (`namespaceSelector: {}`), and nothing
 * from outside the cluster. The recipe's note that a bare `- from:` means the same is wrong: that
 * form allows every source, external ones included (`Peer.anywhere()`).
 */
import { Chart } from 'cdk8s';
import { app } from './demo-cluster';
import { AllowFrom, Peer, PodSelector } from '../../src';

export function pattern(chart: Chart): void {
  new AllowFrom(chart, 'web-allow-all-namespaces', {
    name: 'web-allow-all-namespaces',
    pods: PodSelector.labels({ app: 'web' }),
    from: [Peer.allNamespaces()],
  });
}

export function demo(chart: Chart): void {
  app(chart, 'default/web', { app: 'web' });
  app(chart, 'other/client', { app: 'client' });
}
