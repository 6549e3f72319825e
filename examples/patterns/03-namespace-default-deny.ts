/**
 * Recipe 03 · DENY all non-whitelisted traffic in the namespace (docs: default-deny-ingress)
 *
 * Every pod of the namespace accepts nothing until another policy allows it. Ingress only, despite
 * the recipe's name `default-deny-all`: outgoing traffic is untouched.
 */
import { Chart } from 'cdk8s';
import { app } from './demo-cluster';
import { DefaultDeny } from '../../src';

export function pattern(chart: Chart): void {
  new DefaultDeny(chart, 'default-deny-all', { name: 'default-deny-all', egress: false });
}

export function demo(chart: Chart): void {
  app(chart, 'default/web', { app: 'web' });
  app(chart, 'default/client', { app: 'client' });
  app(chart, 'other/foreign', { app: 'foreign' });
}
