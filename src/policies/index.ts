export type { NetworkPolicyOptions } from './network-policy';
export { ValidatedNetworkPolicy } from './network-policy';
export * from './default-deny';
export * from './allow-from';
export * from './allow-to';
export * from './dns-resolver';
export * from './dns-egress';
export * from './tier-isolation';
export * from './policy';
