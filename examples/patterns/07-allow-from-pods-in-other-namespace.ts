/**
 * Recipe 07 · ALLOW traffic from some pods in another namespace
 *
 * `app=web` accepts traffic from pods labelled `type=monitoring` in namespaces labelled
 * `team=operations`: one peer naming both (AND). Written as two peers it would mean either (OR),
 * and let in every pod of the operations namespaces and every monitoring pod anywhere.
 */
import { Chart } from 'cdk8s';
import { app, namespace } from './demo-cluster';
import { AllowFrom, Peer, PodSelector } from '../../src';

export function pattern(chart: Chart): void {
  new AllowFrom(chart, 'web-allow-all-ns-monitoring', {
    name: 'web-allow-all-ns-monitoring',
    pods: PodSelector.labels({ app: 'web' }),
    from: [Peer.podsInNamespaces({ team: 'operations' }, PodSelector.labels({ type: 'monitoring' }))],
  });
}

export function demo(chart: Chart): void {
  namespace(chart, 'ops', { team: 'operations' });
  app(chart, 'default/web', { app: 'web' });
  app(chart, 'ops/monitoring', { type: 'monitoring' });
  app(chart, 'ops/batch', { type: 'batch' });
  app(chart, 'dev/monitoring', { type: 'monitoring' });
}
