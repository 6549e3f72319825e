export * from './network-policy-lint-validation';
