import { Construct } from 'constructs';
import { ClusterNetworkPolicyOptions, ClusterRule, ValidatedClusterNetworkPolicy, writeClusterPolicy } from './validated-cluster-network-policy';
import { ClusterSubject } from '../../vocabulary/cluster-subject';
import { ClusterTier } from '../../vocabulary/cluster-tier';

/**
 * Props for `ClusterNetworkPolicy`.
 */
export interface ClusterNetworkPolicyProps extends ClusterNetworkPolicyOptions {
  /**
   * Admin (before every NetworkPolicy, which cannot override it) or Baseline (after them).
   */
  readonly tier: ClusterTier;

  /**
   * 0 to 1000: lower is evaluated first within the tier. Two policies of one tier at one priority
   * that match the same traffic are applied in an order no one can predict: give each its own.
   */
  readonly priority: number;

  /**
   * The pods the policy applies to.
   */
  readonly subject: ClusterSubject;

  /**
   * Rules for traffic into the subject's pods, in order (at most 25).
   *
   * @default - the policy does not affect ingress
   */
  readonly ingress?: ClusterRule[];

  /**
   * Rules for traffic out of the subject's pods, in order (at most 25).
   *
   * @default - the policy does not affect egress
   */
  readonly egress?: ClusterRule[];
}

/**
 * A `policy.networking.k8s.io/v1alpha2` ClusterNetworkPolicy: cluster-wide rules a platform team
 * sets around (Admin tier) or beneath (Baseline tier) the namespaces' own NetworkPolicies.
 * Unlike NetworkPolicy it can deny, and its rules are ordered. Validated as the CRD does (schema
 * and CEL) when constructed and when synthesized.
 *
 * @see https://network-policy-api.sigs.k8s.io/
 */
export class ClusterNetworkPolicy extends ValidatedClusterNetworkPolicy {
  constructor(scope: Construct, id: string, props: ClusterNetworkPolicyProps) {
    super(scope, id, props);
    writeClusterPolicy(this, `ClusterNetworkPolicy ${this.node.path}`, () => ({
      tier: props.tier,
      priority: props.priority,
      subject: props.subject,
      ingress: props.ingress,
      egress: props.egress,
    }));
  }
}
