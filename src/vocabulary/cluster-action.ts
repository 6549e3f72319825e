/**
 * What a ClusterNetworkPolicy rule does with the traffic it matches (`action`).
 *
 * @see https://network-policy-api.sigs.k8s.io/
 */
export enum ClusterAction {
  /** Lets the traffic through: no later policy (cluster or NetworkPolicy) of that direction is asked. */
  ACCEPT = 'Accept',
  /** Drops the traffic: no later policy is asked. */
  DENY = 'Deny',
  /** Skips the rest of this tier: the Admin tier passes to NetworkPolicy, the Baseline tier to the default (allowed). */
  PASS = 'Pass',
}
