/**
 * Docs · multi-port-egress
 *
 * The `role=db` pods may send to 10.0.0.0/24 on TCP ports 32000 to 32768 (`port` and `endPort`).
 * Network plugins without `endPort` support enforce only port 32000.
 */
import { Chart } from 'cdk8s';
import { app } from './demo-cluster';
import { AllowTo, NetworkLint, Peer, PodSelector, Port } from '../../src';

export function pattern(chart: Chart): void {
  const egress = new AllowTo(chart, 'multi-port-egress', {
    name: 'multi-port-egress',
    pods: PodSelector.labels({ role: 'db' }),
    to: [Peer.ipBlock('10.0.0.0/24')],
    ports: [Port.tcpRange(32000, 32768)],
  });
  NetworkLint.acknowledge(egress, 'dns-egress-missing', 'as in the docs: db talks to 10.0.0.0/24 by address');
}

export function demo(chart: Chart): void {
  app(chart, 'default/db', { role: 'db' });
}
