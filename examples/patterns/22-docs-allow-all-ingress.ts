/**
 * Docs · allow-all-ingress
 *
 * Every pod of the namespace accepts everything (`ingress: [{}]`), whatever other policies deny:
 * shown here next to a namespace-wide default deny, which it cancels.
 */
import { Chart } from 'cdk8s';
import { app } from './demo-cluster';
import { AllowFrom, DefaultDeny, NetworkLint, Peer, PodSelector } from '../../src';

export function pattern(chart: Chart): void {
  new DefaultDeny(chart, 'default-deny-ingress', { name: 'default-deny-ingress', egress: false });
  const allowAll = new AllowFrom(chart, 'allow-all-ingress', { name: 'allow-all-ingress', pods: PodSelector.all(), from: [Peer.anywhere()] });
  NetworkLint.acknowledge(allowAll, 'allow-all-cancels-deny', 'the point of the example: it cancels the deny');
}

export function demo(chart: Chart): void {
  app(chart, 'default/web', { app: 'web' });
  app(chart, 'other/client', { app: 'client' });
}
