/**
 * Docs · default-deny-all
 *
 * No pod of the namespace may receive or send anything, DNS included, until other policies allow it.
 */
import { Chart } from 'cdk8s';
import { app, coreDns } from './demo-cluster';
import { DefaultDeny, NetworkLint } from '../../src';

export function pattern(chart: Chart): void {
  const deny = new DefaultDeny(chart, 'default-deny-all', { name: 'default-deny-all' });
  NetworkLint.acknowledge(deny, 'dns-egress-missing', 'a default deny: DNS is for other policies to allow');
}

export function demo(chart: Chart): void {
  coreDns(chart);
  app(chart, 'default/web', { app: 'web' });
  app(chart, 'default/db', { app: 'db' });
  app(chart, 'other/client', { app: 'client' });
}
