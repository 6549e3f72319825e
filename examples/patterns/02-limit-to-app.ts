/**
 * Recipe 02 · LIMIT traffic to an application
 *
 * The bookstore API (`app=bookstore, role=api`) accepts traffic only from the other bookstore pods
 * of its namespace (`app=bookstore`).
 */
import { Chart } from 'cdk8s';
import { app } from './demo-cluster';
import { AllowFrom, Peer, PodSelector } from '../../src';

export function pattern(chart: Chart): void {
  new AllowFrom(chart, 'api-allow', {
    name: 'api-allow',
    pods: PodSelector.labels({ app: 'bookstore', role: 'api' }),
    from: [Peer.pods(PodSelector.labels({ app: 'bookstore' }))],
  });
}

export function demo(chart: Chart): void {
  app(chart, 'default/apiserver', { app: 'bookstore', role: 'api' });
  app(chart, 'default/frontend', { app: 'bookstore', role: 'frontend' });
  app(chart, 'default/coffeeshop', { app: 'coffeeshop' });
}
