/**
 * Recipe 02a · ALLOW all traffic to an application
 *
 * `web-deny-all` denies all traffic to `app=web`; `web-allow-all` (`ingress: [{}]`) allows it again,
 * because policies only ever add allowances. Unlike what the recipe says, the empty rule is wider
 * than "all pods in all namespaces": it also admits nodes and clients outside the cluster.
 */
import { Chart } from 'cdk8s';
import { app } from './demo-cluster';
import { AllowFrom, DefaultDeny, NetworkLint, Peer, PodSelector } from '../../src';

export function pattern(chart: Chart): void {
  const web = PodSelector.labels({ app: 'web' });
  new DefaultDeny(chart, 'web-deny-all', { name: 'web-deny-all', pods: web, egress: false });
  const allowAll = new AllowFrom(chart, 'web-allow-all', { name: 'web-allow-all', pods: web, from: [Peer.anywhere()] });
  NetworkLint.acknowledge(allowAll, 'allow-all-cancels-deny', 'the point of the recipe: it overrides web-deny-all');
}

export function demo(chart: Chart): void {
  app(chart, 'default/web', { app: 'web' });
  app(chart, 'other/client', { app: 'client' });
}
