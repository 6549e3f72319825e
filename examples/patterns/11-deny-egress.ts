/**
 * Recipe 11 · DENY egress traffic from an application
 *
 * `app=foo` may send nothing (`foo-deny-egress`), not even DNS: the recipe's second policy allows
 * name resolution again, to the kube-dns pods only (one peer naming namespace AND pods, UDP and
 * TCP 53). `app=bar` shows the first policy alone.
 */
import { Chart } from 'cdk8s';
import { app, coreDns } from './demo-cluster';
import { DefaultDeny, DnsEgress, NetworkLint, PodSelector } from '../../src';

export function pattern(chart: Chart): void {
  const foo = PodSelector.labels({ app: 'foo' });
  new DefaultDeny(chart, 'foo-deny-egress', { name: 'foo-deny-egress', pods: foo, ingress: false });
  new DnsEgress(chart, 'foo-allow-dns', { name: 'foo-allow-dns', pods: foo });
  const barDeny = new DefaultDeny(chart, 'bar-deny-egress', {
    name: 'bar-deny-egress',
    pods: PodSelector.labels({ app: 'bar' }),
    ingress: false,
  });
  NetworkLint.acknowledge(barDeny, 'dns-egress-missing', 'bar shows the deny alone: not even DNS');
}

export function demo(chart: Chart): void {
  coreDns(chart);
  app(chart, 'default/foo', { app: 'foo' });
  app(chart, 'default/bar', { app: 'bar' });
  app(chart, 'default/web', { app: 'web' });
}
