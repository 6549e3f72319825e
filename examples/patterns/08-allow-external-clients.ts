/**
 * Recipe 08 · ALLOW traffic from external clients
 *
 * With ingress denied namespace-wide, `app=web` alone accepts traffic from anywhere, clients outside
 * the cluster (through a LoadBalancer or NodePort) included. To open one port only, pass
 * `ports: [Port.tcp(80)]` (the recipe's variant).
 */
import { Chart } from 'cdk8s';
import { app } from './demo-cluster';
import { AllowFrom, DefaultDeny, NetworkLint, Peer, PodSelector } from '../../src';

export function pattern(chart: Chart): void {
  new DefaultDeny(chart, 'default-deny-ingress', { name: 'default-deny-ingress', egress: false });
  const external = new AllowFrom(chart, 'web-allow-external', {
    name: 'web-allow-external',
    pods: PodSelector.labels({ app: 'web' }),
    from: [Peer.anywhere()],
  });
  NetworkLint.acknowledge(external, 'allow-all-cancels-deny', 'web is the one public entry of the namespace');
}

export function demo(chart: Chart): void {
  app(chart, 'default/web', { app: 'web' });
  app(chart, 'default/db', { app: 'db' });
}
