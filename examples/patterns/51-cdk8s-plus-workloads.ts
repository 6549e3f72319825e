/**
 * cdk8s-plus workloads · PodSelector.workload and Peer.workload
 *
 * Policies name cdk8s-plus workloads instead of repeating their labels: a Deployment, a StatefulSet,
 * a DaemonSet, a Job and a Pod, in three namespaces. Each is selected by its own selector (or, for a
 * Job or a Pod, its pods' labels), read when the chart is synthesized. A peer in another namespace
 * than the policy becomes one peer naming that namespace AND the pods.
 */
import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { AllowFrom, DefaultDeny, Peer, PodSelector, Port } from '../../src';

export function pattern(chart: Chart): void {
  const image = 'registry.k8s.io/pause:3.10';
  // cdk8s-plus' default: selected by its generated `cdk8s.io/metadata.addr` label, which follows the
  // construct path. Kubernetes cannot change a Deployment's selector in place, so a long-lived
  // workload is better selected by a label of your own, like postgres below.
  const api = new kplus.Deployment(chart, 'api', {
    metadata: { name: 'api' },
    containers: [{ image, portNumber: 8080 }],
  });
  // Selected by a readable label of its own.
  const postgres = new kplus.StatefulSet(chart, 'postgres', {
    metadata: { name: 'postgres', namespace: 'db' },
    podMetadata: { labels: { app: 'postgres' } },
    select: false,
    containers: [{ image, portNumber: 5432 }],
  });
  postgres.select(kplus.LabelSelector.of({ labels: { app: 'postgres' } }));
  const agent = new kplus.DaemonSet(chart, 'otel-agent', {
    metadata: { name: 'otel-agent', namespace: 'observability' },
    containers: [{ image, portNumber: 4317 }],
  });
  const migrate = new kplus.Job(chart, 'migrate', { metadata: { name: 'migrate' }, containers: [{ image }] });
  const debug = new kplus.Pod(chart, 'debug', { metadata: { name: 'debug' }, containers: [{ image }] });

  new DefaultDeny(chart, 'postgres-deny', { name: 'postgres-deny', namespace: 'db', pods: PodSelector.workload(postgres), egress: false });
  new AllowFrom(chart, 'postgres-from-app', {
    name: 'postgres-from-app',
    namespace: 'db',
    pods: PodSelector.workload(postgres),
    from: [Peer.workload(api), Peer.workload(migrate)],
    ports: [Port.tcp(5432)],
  });
  new AllowFrom(chart, 'agent-from-api', {
    name: 'otel-agent-from-api',
    namespace: 'observability',
    pods: PodSelector.workload(agent),
    from: [Peer.workload(api)],
    ports: [Port.tcp(4317)],
  });
  new AllowFrom(chart, 'api-from-debug', {
    name: 'api-from-debug',
    pods: PodSelector.workload(api),
    from: [Peer.workload(debug)],
    ports: [Port.tcp(8080)],
  });
}

export function demo(): void {
  // The pattern's own workloads show its flows.
}
