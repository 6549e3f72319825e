export type { ClusterNetworkPolicyOptions, ClusterRule } from './validated-cluster-network-policy';
export { ValidatedClusterNetworkPolicy } from './validated-cluster-network-policy';
export * from './cluster-network-policy';
export * from './patterns';
