import { Construct } from 'constructs';
import { ClusterAction } from '../../../vocabulary/cluster-action';
import { ClusterPeer } from '../../../vocabulary/cluster-peer';
import { ClusterSubject } from '../../../vocabulary/cluster-subject';
import { ClusterTier } from '../../../vocabulary/cluster-tier';
import { LabelExpression } from '../../../vocabulary/label-expression';
import { NamespaceSelector } from '../../../vocabulary/namespace-selector';
import { addClusterPolicy, ValidatedClusterNetworkPolicy } from '../validated-cluster-network-policy';

/**
 * Props for `ClusterTenantIsolation`.
 */
export interface ClusterTenantIsolationProps {
  /**
   * The namespace label whose value names a namespace's tenant, e.g. `tenant`.
   */
  readonly tenantLabel: string;

  /**
   * The tenants, by the value of `tenantLabel`: one policy each.
   */
  readonly tenants: string[];

  /**
   * The priority in the Admin tier of every tenant's policy (their subjects never overlap).
   *
   * @default 50 - after the cloud metadata deny (0), DNS (10) and monitoring (20)
   */
  readonly priority?: number;
}

/**
 * Isolates tenants from each other: for each tenant, traffic with namespaces of the same tenant
 * is passed to the namespaces' own NetworkPolicies, and traffic with any other namespace that
 * carries the tenant label (another tenant, listed or not) is denied, both ways. Namespaces
 * without the label (kube-system, monitoring) are left to the other policies.
 *
 * One Admin-tier ClusterNetworkPolicy per tenant: "the same tenant as the subject" is not a
 * selector a single policy can write.
 */
export class ClusterTenantIsolation extends Construct {
  /** The policy of each tenant, in the order of `tenants`. */
  public readonly policies: ValidatedClusterNetworkPolicy[];

  constructor(scope: Construct, id: string, props: ClusterTenantIsolationProps) {
    super(scope, id);
    const where = `ClusterTenantIsolation ${this.node.path}`;
    if (props.tenants.length === 0) {
      throw new Error(`${where}: 'tenants' is empty, so no tenant would be isolated; list the values of the '${props.tenantLabel}' label, one per tenant`);
    }
    const twice = props.tenants.find((tenant, i) => props.tenants.indexOf(tenant) !== i);
    if (twice !== undefined) {
      throw new Error(`${where}: 'tenants' lists '${twice}' twice; list each tenant once`);
    }
    const anyTenant = NamespaceSelector.of({ expressions: [LabelExpression.exists(props.tenantLabel)] });
    this.policies = props.tenants.map(tenant => {
      const sameTenant = NamespaceSelector.labels({ [props.tenantLabel]: tenant });
      return addClusterPolicy(this, tenant, `${where} (tenant '${tenant}')`, {}, {
        tier: ClusterTier.ADMIN,
        priority: props.priority ?? 50,
        subject: ClusterSubject.namespaces(sameTenant),
        // The first rule that matches decides: the same tenant passes before the deny of every tenant.
        ingress: [
          { name: 'pass-same-tenant', action: ClusterAction.PASS, peers: [ClusterPeer.namespaces(sameTenant)] },
          { name: 'deny-other-tenants', action: ClusterAction.DENY, peers: [ClusterPeer.namespaces(anyTenant)] },
        ],
        egress: [
          { name: 'pass-same-tenant', action: ClusterAction.PASS, peers: [ClusterPeer.namespaces(sameTenant)] },
          { name: 'deny-other-tenants', action: ClusterAction.DENY, peers: [ClusterPeer.namespaces(anyTenant)] },
        ],
      });
    });
  }
}
