/**
 * Recipe 12 · DENY all non-whitelisted traffic from a namespace
 *
 * No pod of the namespace may send anything, DNS included, until another policy allows it (this is
 * also the docs page's `default-deny-egress`). Incoming traffic is untouched.
 */
import { Chart } from 'cdk8s';
import { app, coreDns } from './demo-cluster';
import { DefaultDeny } from '../../src';

export function pattern(chart: Chart): void {
  new DefaultDeny(chart, 'default-deny-all-egress', { name: 'default-deny-all-egress', ingress: false });
}

export function demo(chart: Chart): void {
  coreDns(chart);
  app(chart, 'default/web', { app: 'web' });
  app(chart, 'default/client', { app: 'client' });
  app(chart, 'other/foreign', { app: 'foreign' });
}
