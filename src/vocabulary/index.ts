export * from './label-expression';
// Named, not `export *`: pod-selector.ts also holds helpers the constructs share, not public API.
export { PodSelector } from './pod-selector';
export type { PodSelectorOptions } from './pod-selector';
export * from './peer';
export * from './port';
export * from './protocol';
export * from './workload';
export * from './service';
export * from './endpoint';
export * from './namespace-selector';
export * from './cluster-action';
export * from './cluster-tier';
export { ClusterSubject } from './cluster-subject';
export { ClusterPeer } from './cluster-peer';
