/**
 * Docs · test-network-policy
 *
 * The Kubernetes docs' first example: the `role=db` pods accept TCP 6379 from the 172.17.0.0/16
 * network except 172.17.1.0/24, from every pod of namespaces labelled `project=myproject` and from
 * `role=frontend` pods of their own namespace; they may send only to 10.0.0.0/24 on TCP 5978. The
 * docs write one policy with both directions; here each direction is its own policy, which allows
 * exactly the same.
 */
import { Chart } from 'cdk8s';
import { app, namespace } from './demo-cluster';
import { AllowFrom, AllowTo, NetworkLint, Peer, PodSelector, Port } from '../../src';

export function pattern(chart: Chart): void {
  const db = PodSelector.labels({ role: 'db' });
  new AllowFrom(chart, 'test-network-policy-ingress', {
    name: 'test-network-policy-ingress',
    pods: db,
    from: [
      Peer.ipBlock('172.17.0.0/16', ['172.17.1.0/24']),
      Peer.namespaces({ project: 'myproject' }),
      Peer.pods(PodSelector.labels({ role: 'frontend' })),
    ],
    ports: [Port.tcp(6379)],
  });
  const egress = new AllowTo(chart, 'test-network-policy-egress', {
    name: 'test-network-policy-egress',
    pods: db,
    to: [Peer.ipBlock('10.0.0.0/24')],
    ports: [Port.tcp(5978)],
  });
  NetworkLint.acknowledge(egress, 'dns-egress-missing', 'as in the docs: db talks to 10.0.0.0/24 by address');
}

export function demo(chart: Chart): void {
  namespace(chart, 'myproject', { project: 'myproject' });
  app(chart, 'default/db', { role: 'db' });
  app(chart, 'default/frontend', { role: 'frontend' });
  app(chart, 'myproject/client', { app: 'client' });
}
