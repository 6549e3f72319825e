export { migrateManifests } from './migrate-manifests';
export type { MigrationResult } from './migrate-manifests';
export { MigrationError } from './migration-error';
export { BASELINE_NAME, BASELINE_PRIORITY } from './migrate-cluster-policy';
