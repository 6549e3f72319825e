import { Construct } from 'constructs';
import { ClusterAction } from '../../../vocabulary/cluster-action';
import { ClusterPeer } from '../../../vocabulary/cluster-peer';
import { ClusterSubject } from '../../../vocabulary/cluster-subject';
import { ClusterTier } from '../../../vocabulary/cluster-tier';
import { LabelExpression } from '../../../vocabulary/label-expression';
import { NamespaceSelector } from '../../../vocabulary/namespace-selector';
import { ClusterNetworkPolicyOptions, ClusterRule, ValidatedClusterNetworkPolicy, writeClusterPolicy } from '../validated-cluster-network-policy';

const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/**
 * Props for `ClusterDefaultDeny`.
 */
export interface ClusterDefaultDenyProps extends ClusterNetworkPolicyOptions {
  /**
   * The priority in the Baseline tier.
   *
   * @default 1000 - after every other Baseline policy
   */
  readonly priority?: number;

  /**
   * Namespaces left out of the subject: their pods keep the default (allowed).
   *
   * @default ['kube-system', 'kube-public', 'kube-node-lease']
   */
  readonly exemptNamespaces?: string[];

  /**
   * Deny ingress from every pod.
   *
   * @default true
   */
  readonly ingress?: boolean;

  /**
   * Deny egress to every address (pods and outside the cluster). DNS included: pair it with
   * `ClusterDnsEgress`.
   *
   * @default true
   */
  readonly egress?: boolean;
}

/**
 * Denies, in the Baseline tier, the traffic no NetworkPolicy decided, for every pod outside the
 * exempt (system) namespaces: a namespace is closed until its own NetworkPolicies open it.
 *
 * A cluster policy's ingress peers are pods only: traffic from outside the cluster (load
 * balancers, nodes) is not denied by it. Egress is denied to `0.0.0.0/0` and `::/0`, which match
 * pods and external addresses alike.
 */
export class ClusterDefaultDeny extends ValidatedClusterNetworkPolicy {
  constructor(scope: Construct, id: string, props: ClusterDefaultDenyProps = {}) {
    super(scope, id, props);
    const where = `ClusterDefaultDeny ${this.node.path}`;
    writeClusterPolicy(this, where, () => {
      const ingress = props.ingress ?? true;
      const egress = props.egress ?? true;
      if (!ingress && !egress) {
        throw new Error(`${where}: 'ingress' and 'egress' are both false, so this policy denies nothing; leave one of them true (both are true by default)`);
      }
      const exempt = props.exemptNamespaces ?? ['kube-system', 'kube-public', 'kube-node-lease'];
      const namespaces = exempt.length === 0 ? NamespaceSelector.all()
        : NamespaceSelector.of({ expressions: [LabelExpression.notIn(NAMESPACE_NAME_LABEL, exempt)] });
      const denyIngress: ClusterRule = { name: 'default-deny', action: ClusterAction.DENY, peers: [ClusterPeer.namespaces(NamespaceSelector.all())] };
      const denyEgress: ClusterRule = { name: 'default-deny', action: ClusterAction.DENY, peers: [ClusterPeer.networks('0.0.0.0/0', '::/0')] };
      return {
        tier: ClusterTier.BASELINE,
        priority: props.priority ?? 1000,
        subject: ClusterSubject.namespaces(namespaces),
        ingress: ingress ? [denyIngress] : undefined,
        egress: egress ? [denyEgress] : undefined,
      };
    });
  }
}
