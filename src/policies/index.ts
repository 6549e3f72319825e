export type { NetworkPolicyOptions } from './network-policy';
export * from './default-deny';
export * from './allow-from';
export * from './allow-to';
