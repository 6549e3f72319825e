/**
 * Docs · targeting a namespace by its name
 *
 * `Peer.namespace(name)` selects on `kubernetes.io/metadata.name`, the label the control plane sets
 * on every namespace and nobody can change: the way to name a namespace in a policy.
 */
import { Chart } from 'cdk8s';
import { app } from './demo-cluster';
import { AllowFrom, Peer, PodSelector } from '../../src';

export function pattern(chart: Chart): void {
  new AllowFrom(chart, 'db-allow-frontend-namespace', {
    name: 'db-allow-frontend-namespace',
    pods: PodSelector.labels({ app: 'db' }),
    from: [Peer.namespace('frontend')],
  });
}

export function demo(chart: Chart): void {
  app(chart, 'default/db', { app: 'db' });
  app(chart, 'frontend/web', { app: 'web' });
  app(chart, 'backend/api', { app: 'api' });
}
