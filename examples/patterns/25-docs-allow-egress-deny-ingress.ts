/**
 * Docs · allow-egress-deny-ingress
 *
 * The pods of the namespace may send anywhere but receive nothing. The docs write it as one policy
 * (`egress: [{}]`, `ingress: []`); a default deny for ingress and an allow-all for egress say the
 * same.
 */
import { Chart } from 'cdk8s';
import { app } from './demo-cluster';
import { AllowTo, DefaultDeny, Peer, PodSelector } from '../../src';

export function pattern(chart: Chart): void {
  new DefaultDeny(chart, 'deny-ingress', { name: 'deny-ingress', egress: false });
  new AllowTo(chart, 'allow-egress', { name: 'allow-egress', pods: PodSelector.all(), to: [Peer.anywhere()] });
}

export function demo(chart: Chart): void {
  app(chart, 'default/web', { app: 'web' });
  app(chart, 'other/client', { app: 'client' });
}
