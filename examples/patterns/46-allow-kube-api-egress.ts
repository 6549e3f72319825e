/**
 * Pattern · AllowKubeApiEgress
 *
 * An operator whose egress is otherwise denied may reach the Kubernetes API server at 172.18.0.2.
 * The `kubernetes` Service listens on 443, but most network plugins see the traffic after it is
 * translated to the endpoint, often on 6443: allowing both works either way.
 */
import { Chart } from 'cdk8s';
import { app } from './demo-cluster';
import { AllowKubeApiEgress, DefaultDeny, NetworkLint, PodSelector, Port } from '../../src';

export function pattern(chart: Chart): void {
  const operator = PodSelector.labels({ app: 'operator' });
  const deny = new DefaultDeny(chart, 'operator-deny-egress', { name: 'operator-deny-egress', pods: operator, ingress: false });
  // In-cluster clients find the API server by the KUBERNETES_SERVICE_HOST address, not by name.
  NetworkLint.acknowledge(deny, 'dns-egress-missing', 'the operator only talks to the API server, by address');
  new AllowKubeApiEgress(chart, 'operator-allow-kube-api', {
    name: 'operator-allow-kube-api',
    pods: operator,
    cidrs: ['172.18.0.2/32'],
    ports: [Port.tcp(443), Port.tcp(6443)],
  });
}

export function demo(chart: Chart): void {
  app(chart, 'default/operator', { app: 'operator' });
}
