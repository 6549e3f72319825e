/**
 * Recipe 14 · DENY external egress traffic
 *
 * As the recipe originally meant it: `app=foo` may reach every pod of every namespace and DNS on
 * port 53 anywhere, and nothing else outside the cluster. (The recipe's current manifest only
 * allows DNS to kube-dns, which contradicts its own text.) DNS to any destination is simple but lets
 * the pods talk DNS to outside servers; prefer `DnsResolver.kubeDns()` when it works for you.
 */
import { Chart } from 'cdk8s';
import { app, coreDns } from './demo-cluster';
import { AllowTo, DnsEgress, DnsResolver, Peer, PodSelector } from '../../src';

export function pattern(chart: Chart): void {
  const foo = PodSelector.labels({ app: 'foo' });
  new AllowTo(chart, 'foo-allow-cluster', { name: 'foo-allow-cluster', pods: foo, to: [Peer.allNamespaces()] });
  new DnsEgress(chart, 'foo-allow-dns', { name: 'foo-allow-dns', pods: foo, resolver: DnsResolver.anyDestination() });
}

export function demo(chart: Chart): void {
  coreDns(chart);
  app(chart, 'default/foo', { app: 'foo' });
  app(chart, 'other/db', { app: 'db' });
}
