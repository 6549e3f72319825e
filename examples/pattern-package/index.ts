export * from './team-baseline';
