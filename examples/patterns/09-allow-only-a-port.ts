/**
 * Recipe 09 · ALLOW traffic only to a port of an application
 *
 * The API server pods (`app=apiserver`) accept monitoring pods (`role=monitoring`) on TCP 5000 only:
 * the container port, not the Service port, because policies see traffic after the Service has
 * translated it. The recipe's variant names the port instead (`Port.named('metrics')`); a named port
 * is looked up on the receiving pods.
 */
import { Chart } from 'cdk8s';
import { app } from './demo-cluster';
import { AllowFrom, Peer, PodSelector, Port } from '../../src';

export function pattern(chart: Chart): void {
  new AllowFrom(chart, 'api-allow-5000', {
    name: 'api-allow-5000',
    pods: PodSelector.labels({ app: 'apiserver' }),
    from: [Peer.pods(PodSelector.labels({ role: 'monitoring' }))],
    ports: [Port.tcp(5000)],
  });
}

export function demo(chart: Chart): void {
  app(chart, 'default/apiserver', { app: 'apiserver' }, [{ name: 'metrics', port: 5000 }, { name: 'http', port: 8000 }]);
  app(chart, 'default/monitoring', { role: 'monitoring' });
  app(chart, 'default/client', { role: 'client' });
}
