/**
 * Docs · allow-all-egress
 *
 * Every pod of the namespace may send anywhere (`egress: [{}]`), whatever other policies deny: shown
 * here next to a namespace-wide egress default deny, which it cancels.
 */
import { Chart } from 'cdk8s';
import { app } from './demo-cluster';
import { AllowTo, DefaultDeny, NetworkLint, Peer, PodSelector } from '../../src';

export function pattern(chart: Chart): void {
  new DefaultDeny(chart, 'default-deny-egress', { name: 'default-deny-egress', ingress: false });
  const allowAll = new AllowTo(chart, 'allow-all-egress', { name: 'allow-all-egress', pods: PodSelector.all(), to: [Peer.anywhere()] });
  NetworkLint.acknowledge(allowAll, 'allow-all-cancels-deny', 'the point of the example: it cancels the deny');
}

export function demo(chart: Chart): void {
  app(chart, 'default/web', { app: 'web' });
  app(chart, 'other/db', { app: 'db' });
}
