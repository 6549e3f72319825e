/**
 * What the cluster guardrails allow and deny, proven by the analyzer over what they synthesize
 * (the Admin tier, NetworkPolicy, the Baseline tier, the default: docs/cluster-policies.md).
 */
import {
  AllowFrom, AllowTo, ClusterAllowMonitoring, ClusterDefaultDeny, ClusterDenyCloudMetadata, ClusterDnsEgress, ClusterTenantIsolation,
  DefaultDeny, Peer, PodSelector, Port,
} from '../../../src';
import '../../../src/testing';
import { TestCluster } from '../helpers';

/** Two tenants of two namespaces each, CoreDNS, Prometheus; pods serve TCP 8080. */
function estate(): TestCluster {
  const cluster = new TestCluster()
    .namespace('a-web', { tenant: 'a' }).namespace('a-db', { tenant: 'a' })
    .namespace('b-web', { tenant: 'b' }).namespace('kube-system').namespace('monitoring')
    .pod('a-web/web', { app: 'web' }, [{ port: 8080 }, { port: 9090, name: 'metrics' }])
    .pod('a-db/db', { app: 'db' }, [{ port: 5432 }])
    .pod('b-web/web', { app: 'web' }, [{ port: 8080 }])
    .pod('monitoring/prometheus', { app: 'prometheus' }, [{ port: 9090 }])
    .kubeDns();
  return cluster;
}

function guardrails(cluster: TestCluster): void {
  new ClusterDenyCloudMetadata(cluster.chart, 'metadata');
  new ClusterDnsEgress(cluster.chart, 'dns');
  new ClusterAllowMonitoring(cluster.chart, 'monitoring', { ports: [Port.tcp(9090)] });
  new ClusterTenantIsolation(cluster.chart, 'tenants', { tenantLabel: 'tenant', tenants: ['a', 'b'] });
}

describe('tenant isolation, with DNS, monitoring and the metadata deny', () => {
  test('a pod of tenant A cannot reach a pod of tenant B, either way; DNS is still allowed', () => {
    const cluster = estate();
    guardrails(cluster);
    const manifests = cluster.manifests();
    expect(manifests).toDenyTraffic({ from: 'a-web/web', to: 'b-web/web', port: 8080 });
    expect(manifests).toDenyTraffic({ from: 'b-web/web', to: 'a-web/web' });
    expect(manifests).toAllowTraffic({ from: 'a-web/web', to: 'kube-system/coredns', port: '53/UDP' });
    expect(manifests).toAllowTraffic({ from: 'b-web/web', to: 'kube-system/coredns', port: '53/TCP' });
    expect(manifests).toDenyTraffic({ from: 'a-web/web', to: '169.254.169.254', port: 80 });
  });

  test('within a tenant, the namespaces\' own NetworkPolicies decide (Pass)', () => {
    const cluster = estate();
    guardrails(cluster);
    expect(cluster.manifests()).toAllowTraffic({ from: 'a-web/web', to: 'a-db/db', port: 5432 });
    // A namespace owner's deny now stands: the Admin tier passed the traffic to it.
    new DefaultDeny(cluster.chart, 'a-db-deny', { namespace: 'a-db', egress: false });
    new AllowFrom(cluster.chart, 'a-db-from-monitoring', { namespace: 'a-db', pods: PodSelector.labels({ app: 'db' }), from: [Peer.namespace('monitoring')], ports: [Port.tcp(5432)] });
    expect(cluster.manifests()).toDenyTraffic({ from: 'a-web/web', to: 'a-db/db', port: 5432 });
  });

  test('monitoring scrapes every tenant on the metrics port only; an owner\'s NetworkPolicy cannot stop it', () => {
    const cluster = estate();
    guardrails(cluster);
    new DefaultDeny(cluster.chart, 'a-web-deny', { namespace: 'a-web' });
    const manifests = cluster.manifests();
    expect(manifests).toAllowTraffic({ from: 'monitoring/prometheus', to: 'a-web/web', port: 9090 });
    expect(manifests).toDenyTraffic({ from: 'monitoring/prometheus', to: 'a-web/web', port: 8080 });
  });

  test('the cloud metadata service is denied to every pod, whatever a NetworkPolicy allows', () => {
    const cluster = estate();
    new AllowFrom(cluster.chart, 'open', { namespace: 'a-web', pods: PodSelector.all(), from: [Peer.anywhere()] });
    const before = cluster.manifests();
    expect(before).toAllowTraffic({ from: 'a-web/web', to: '169.254.169.254', port: 80 });
    new ClusterDenyCloudMetadata(cluster.chart, 'metadata');
    const after = cluster.manifests();
    expect(after).toDenyTraffic({ from: 'a-web/web', to: '169.254.169.254', port: 80 });
    expect(after).toDenyTraffic({ from: 'kube-system/coredns', to: '169.254.169.254' });
    expect(after).toAllowTraffic({ from: 'a-web/web', to: '169.254.169.253', port: 80 });
  });
});

describe('ClusterDefaultDeny', () => {
  test('denies what no NetworkPolicy decided, outside the system namespaces; a namespace\'s NetworkPolicy opens it again', () => {
    const cluster = estate();
    new ClusterDnsEgress(cluster.chart, 'dns');
    new ClusterDefaultDeny(cluster.chart, 'baseline');
    expect(cluster.manifests()).toDenyTraffic({ from: 'a-web/web', to: 'a-db/db', port: 5432 });
    expect(cluster.manifests()).toDenyTraffic({ from: 'a-web/web', to: '8.8.8.8', port: 443 });
    expect(cluster.manifests()).toAllowTraffic({ from: 'a-web/web', to: 'kube-system/coredns', port: '53/UDP' });
    // kube-system is exempt: its pods keep the default for their own traffic.
    expect(cluster.manifests()).toAllowTraffic({ from: 'kube-system/coredns', to: '8.8.8.8', port: 53 });
    // Baseline comes after NetworkPolicy: the owners' allows win, each for its own side.
    const web = Peer.podsInNamespace('a-web', PodSelector.labels({ app: 'web' }));
    const db = Peer.podsInNamespace('a-db', PodSelector.labels({ app: 'db' }));
    new AllowFrom(cluster.chart, 'db-from-web', { namespace: 'a-db', pods: PodSelector.labels({ app: 'db' }), from: [web], ports: [Port.tcp(5432)] });
    expect(cluster.manifests()).toDenyTraffic({ from: 'a-web/web', to: 'a-db/db', port: 5432 });
    new AllowTo(cluster.chart, 'web-to-db', { namespace: 'a-web', pods: PodSelector.labels({ app: 'web' }), to: [db], ports: [Port.tcp(5432)] });
    expect(cluster.manifests()).toAllowTraffic({ from: 'a-web/web', to: 'a-db/db', port: 5432 });
    expect(cluster.manifests()).toDenyTraffic({ from: 'a-web/web', to: 'a-db/db', port: 5433 });
  });
});
