/**
 * Cluster guardrails · tenant isolation, DNS, cloud metadata
 *
 * ClusterNetworkPolicy objects a platform team writes once for the cluster: tenant `a` and tenant
 * `b` (namespaces labelled `tenant`) cannot reach each other, within a tenant the namespaces' own
 * NetworkPolicies decide, DNS always works and no pod reaches the cloud metadata service. They are
 * cluster-scoped: no namespace, whatever the chart's.
 */
import { Chart } from 'cdk8s';
import { app, coreDns, namespace } from './demo-cluster';
import { ClusterDenyCloudMetadata, ClusterDnsEgress, ClusterTenantIsolation } from '../../src';

export function pattern(chart: Chart): void {
  new ClusterDenyCloudMetadata(chart, 'deny-cloud-metadata', { name: 'deny-cloud-metadata' });
  new ClusterDnsEgress(chart, 'dns', { name: 'dns' });
  new ClusterTenantIsolation(chart, 'tenants', { tenantLabel: 'tenant', tenants: ['a', 'b'] });
}

export function demo(chart: Chart): void {
  coreDns(chart);
  namespace(chart, 'shop', { tenant: 'a' });
  namespace(chart, 'shop-data', { tenant: 'a' });
  namespace(chart, 'blog', { tenant: 'b' });
  app(chart, 'shop/web', { app: 'web' }, [{ name: 'http', port: 8080 }]);
  app(chart, 'shop-data/db', { app: 'db' }, [{ name: 'postgres', port: 5432 }]);
  app(chart, 'blog/web', { app: 'web' }, [{ name: 'http', port: 8080 }]);
}
