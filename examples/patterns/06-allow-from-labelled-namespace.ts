/**
 * Recipe 06 · ALLOW all traffic from a namespace
 *
 * `app=web` accepts traffic from every pod of the namespaces labelled `purpose=production`, and
 * from nothing else.
 */
import { Chart } from 'cdk8s';
import { app, namespace } from './demo-cluster';
import { AllowFrom, Peer, PodSelector } from '../../src';

export function pattern(chart: Chart): void {
  new AllowFrom(chart, 'web-allow-prod', {
    name: 'web-allow-prod',
    pods: PodSelector.labels({ app: 'web' }),
    from: [Peer.namespaces({ purpose: 'production' })],
  });
}

export function demo(chart: Chart): void {
  namespace(chart, 'prod', { purpose: 'production' });
  namespace(chart, 'dev', { purpose: 'development' });
  app(chart, 'default/web', { app: 'web' });
  app(chart, 'prod/client', { app: 'client' });
  app(chart, 'dev/client', { app: 'client' });
}
