/**
 * Docs · egress-namespaces
 *
 * The `app=myapp` pods may send to the pods of namespaces whose (custom) `namespace` label is
 * `frontend` or `backend`. The docs use one selector with `namespace In [frontend, backend]`; two
 * peers, which are alternatives, allow the same.
 */
import { Chart } from 'cdk8s';
import { app, namespace } from './demo-cluster';
import { AllowTo, Peer, PodSelector } from '../../src';

export function pattern(chart: Chart): void {
  new AllowTo(chart, 'egress-namespaces', {
    name: 'egress-namespaces',
    pods: PodSelector.labels({ app: 'myapp' }),
    to: [Peer.namespaces({ namespace: 'frontend' }), Peer.namespaces({ namespace: 'backend' })],
  });
}

export function demo(chart: Chart): void {
  namespace(chart, 'frontend', { namespace: 'frontend' });
  namespace(chart, 'backend', { namespace: 'backend' });
  namespace(chart, 'billing', { namespace: 'billing' });
  app(chart, 'default/myapp', { app: 'myapp' });
  app(chart, 'frontend/web', { app: 'web' });
  app(chart, 'backend/api', { app: 'api' });
  app(chart, 'billing/ledger', { app: 'ledger' });
}
