export * from './label-expression';
export * from './pod-selector';
export * from './peer';
export * from './port';
