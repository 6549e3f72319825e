/**
 * Pattern · AllowSameNamespace, both directions
 *
 * A team namespace where everything is denied by default, pods may resolve names, and pods talk
 * freely to each other: `egress: true` writes the sending end too, which the namespace's egress
 * default deny would otherwise block.
 */
import { Chart } from 'cdk8s';
import { app, coreDns } from './demo-cluster';
import { AllowSameNamespace, DefaultDeny, DnsEgress } from '../../src';

export function pattern(chart: Chart): void {
  new DefaultDeny(chart, 'default-deny', { name: 'default-deny' });
  new DnsEgress(chart, 'allow-dns', { name: 'allow-dns' });
  new AllowSameNamespace(chart, 'allow-same-namespace', { name: 'allow-same-namespace', egress: true });
}

export function demo(chart: Chart): void {
  coreDns(chart);
  app(chart, 'default/web', { app: 'web' });
  app(chart, 'default/db', { app: 'db' });
  app(chart, 'other/client', { app: 'client' });
}
