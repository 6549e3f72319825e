export * from './vocabulary';
export * from './policies';
export * from './analysis';
