// Public exports of the named cluster guardrails.
export * from './cluster-allow-monitoring';
export * from './cluster-default-deny';
export * from './cluster-deny-cloud-metadata';
export * from './cluster-dns-egress';
export * from './cluster-tenant-isolation';
