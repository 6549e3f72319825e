/**
 * Recipe 10 · ALLOW traffic from apps using multiple selectors
 *
 * The bookstore database accepts three kinds of pods of its namespace: the peers of one rule are
 * alternatives (OR).
 */
import { Chart } from 'cdk8s';
import { app } from './demo-cluster';
import { AllowFrom, Peer, PodSelector } from '../../src';

export function pattern(chart: Chart): void {
  new AllowFrom(chart, 'redis-allow-services', {
    name: 'redis-allow-services',
    pods: PodSelector.labels({ app: 'bookstore', role: 'db' }),
    from: [
      Peer.pods(PodSelector.labels({ app: 'bookstore', role: 'search' })),
      Peer.pods(PodSelector.labels({ app: 'bookstore', role: 'api' })),
      Peer.pods(PodSelector.labels({ app: 'inventory', role: 'web' })),
    ],
  });
}

export function demo(chart: Chart): void {
  app(chart, 'default/db', { app: 'bookstore', role: 'db' });
  app(chart, 'default/search', { app: 'bookstore', role: 'search' });
  app(chart, 'default/api', { app: 'bookstore', role: 'api' });
  app(chart, 'default/inventory', { app: 'inventory', role: 'web' });
  app(chart, 'default/frontend', { app: 'bookstore', role: 'frontend' });
}
