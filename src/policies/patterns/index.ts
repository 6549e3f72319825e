// Public exports of the named policy patterns.
export * from './allow-egress-except-cloud-metadata';
export * from './allow-from-ingress-controller';
export * from './allow-internet-egress';
export * from './allow-kube-api-egress';
export * from './allow-monitoring';
export * from './allow-same-namespace';
export * from './deny-cloud-metadata';
export * from './ingress-controller';
