/**
 * Where a ClusterNetworkPolicy is evaluated (`spec.tier`): Admin before every NetworkPolicy,
 * Baseline after them, for the traffic no NetworkPolicy decided.
 */
export enum ClusterTier {
  /** Before NetworkPolicy: guardrails namespace owners cannot override. */
  ADMIN = 'Admin',
  /** After NetworkPolicy: defaults a namespace's own NetworkPolicies override. */
  BASELINE = 'Baseline',
}
