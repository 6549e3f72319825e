export * from './vocabulary';
export * from './policies';
export * from './policies/patterns';
export * from './network-analysis';
export * from './network-analysis-options';
export * from './synth-checks';
export * from './plugin';
export * from './policies/cluster';
