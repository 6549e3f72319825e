/**
 * Pattern · AllowInternetEgress
 *
 * With egress denied namespace-wide and DNS allowed, the web pods may also reach HTTPS servers on
 * the internet: every address except the private, link-local (cloud metadata included) and
 * carrier-grade NAT ranges, and IPv6 except unique-local and link-local. Pods inside the cluster
 * stay out of reach. Pass the cluster's own ranges in `except` when they are not private.
 */
import { Chart } from 'cdk8s';
import { app, coreDns } from './demo-cluster';
import { AllowInternetEgress, DefaultDeny, DnsEgress, PodSelector, Port } from '../../src';

export function pattern(chart: Chart): void {
  new DefaultDeny(chart, 'default-deny-egress', { name: 'default-deny-egress', ingress: false });
  new DnsEgress(chart, 'allow-dns', { name: 'allow-dns' });
  new AllowInternetEgress(chart, 'web-allow-internet', {
    name: 'web-allow-internet',
    pods: PodSelector.labels({ app: 'web' }),
    ports: [Port.tcp(443)],
  });
}

export function demo(chart: Chart): void {
  coreDns(chart);
  app(chart, 'default/web', { app: 'web' });
  app(chart, 'other/db', { app: 'db' });
}
