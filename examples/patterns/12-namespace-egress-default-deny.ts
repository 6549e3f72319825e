/**
 * Recipe 12 · DENY all non-whitelisted traffic from a namespace (docs: default-deny-egress)
 *
 * No pod of the namespace may send anything, DNS included, until another policy allows it.
 * Incoming traffic is untouched.
 */
import { Chart } from 'cdk8s';
import { app, coreDns } from './demo-cluster';
import { DefaultDeny, NetworkLint } from '../../src';

export function pattern(chart: Chart): void {
  const deny = new DefaultDeny(chart, 'default-deny-all-egress', { name: 'default-deny-all-egress', ingress: false });
  NetworkLint.acknowledge(deny, 'dns-egress-missing', 'a default deny: DNS is for other policies to allow');
}

export function demo(chart: Chart): void {
  coreDns(chart);
  app(chart, 'default/web', { app: 'web' });
  app(chart, 'default/client', { app: 'client' });
  app(chart, 'other/foreign', { app: 'foreign' });
}
