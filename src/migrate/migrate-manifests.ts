/**
 * `cdk8s-netpol migrate`'s transform (docs/migrate.md): every v1alpha1 AdminNetworkPolicy and
 * BaselineAdminNetworkPolicy of the input becomes a v1alpha2 ClusterNetworkPolicy; every other
 * object passes through unchanged, so the output is the whole estate. Items of Lists (what
 * `kubectl get anp -o yaml` writes) are migrated in place. Pure: objects in, objects out.
 */
import { BASELINE_NAME, migrateClusterPolicy, v1alpha1Kind, V1ALPHA1, V1ALPHA2 } from './migrate-cluster-policy';
import { inListItem, inObject, MigrationError } from './migration-error';
import { field, type PlainObject } from '../analysis/manifest-objects';

export interface MigrationResult {
  /** The input objects in their order, each migrated or as it was. */
  readonly objects: readonly unknown[];
  /** How many AdminNetworkPolicy objects became ClusterNetworkPolicy. */
  readonly adminPolicies: number;
  /** How many BaselineAdminNetworkPolicy objects became ClusterNetworkPolicy. */
  readonly baselinePolicies: number;
  /** How many other objects (items of Lists counted one by one) pass through unchanged. */
  readonly unchanged: number;
}

/** A ClusterNetworkPolicy of the output, where it is, for the checks across objects. */
interface Written {
  readonly name: string;
  readonly tier?: unknown;
  readonly priority?: unknown;
  readonly migratedFrom?: string;
  readonly objectIndex: number;
  readonly field: string;
}

/** Throws a MigrationError (with its `objectIndex`) on the first field that cannot be migrated faithfully. */
export function migrateManifests(objects: readonly unknown[]): MigrationResult {
  const counts = { AdminNetworkPolicy: 0, BaselineAdminNetworkPolicy: 0, unchanged: 0 };
  const written: Written[] = [];
  const migrateOne = (object: unknown, objectIndex: number, at: string): unknown => {
    const kind = v1alpha1Kind(object);
    if (kind === undefined) {
      if (isClusterNetworkPolicy(object)) written.push({ ...cnpOf(object as PlainObject), objectIndex, field: at });
      counts.unchanged++;
      return object;
    }
    counts[kind]++;
    const migrated = migrateClusterPolicy(object as PlainObject, kind);
    written.push({ ...cnpOf(migrated), migratedFrom: `${kind} ${String(field(field(object, 'metadata'), 'name'))}`, objectIndex, field: at });
    return migrated;
  };
  const migrated = objects.map((object, objectIndex) => {
    try {
      if (!isList(object)) return migrateOne(object, objectIndex, '');
      const items = (object.items as unknown[]).map((item, i) => {
        try {
          return migrateOne(item, objectIndex, `items[${i}].`);
        } catch (error) {
          throw error instanceof MigrationError ? inListItem(error, i) : error;
        }
      });
      return { ...listWrapper(object), items };
    } catch (error) {
      throw error instanceof MigrationError ? inObject(error, objectIndex) : error;
    }
  });
  refuseSameName(written);
  refuseMixedBaseline(written);
  return {
    objects: migrated,
    adminPolicies: counts.AdminNetworkPolicy,
    baselinePolicies: counts.BaselineAdminNetworkPolicy,
    unchanged: counts.unchanged,
  };
}

function isList(object: unknown): object is PlainObject {
  const kind = field(object, 'kind');
  return typeof kind === 'string' && kind.endsWith('List') && Array.isArray(field(object, 'items'));
}

/**
 * A typed v1alpha1 list (`AdminNetworkPolicyList`) would hold ClusterNetworkPolicies under the
 * old kind's name: it becomes the untyped `v1` List that kubectl writes and reads for any kind.
 */
function listWrapper(list: PlainObject): PlainObject {
  const typed = field(list, 'apiVersion') === V1ALPHA1 && (list.kind === 'AdminNetworkPolicyList' || list.kind === 'BaselineAdminNetworkPolicyList');
  return typed ? { ...list, apiVersion: 'v1', kind: 'List' } : list;
}

function isClusterNetworkPolicy(object: unknown): boolean {
  return field(object, 'apiVersion') === V1ALPHA2 && field(object, 'kind') === 'ClusterNetworkPolicy';
}

function cnpOf(object: PlainObject): Pick<Written, 'name' | 'tier' | 'priority'> {
  const spec = object.spec;
  return { name: String(field(object.metadata, 'name')), tier: field(spec, 'tier'), priority: field(spec, 'priority') };
}

/** ClusterNetworkPolicy names are one cluster-wide set: two objects of one name would be one object, the last applied. */
function refuseSameName(written: readonly Written[]): void {
  const seen = new Map<string, Written>();
  for (const cnp of written) {
    const first = seen.get(cnp.name);
    if (first === undefined) {
      seen.set(cnp.name, cnp);
      continue;
    }
    const what = (w: Written) => w.migratedFrom === undefined ? `the ClusterNetworkPolicy ${w.name}` : `the ${w.migratedFrom}`;
    const fix = cnp.migratedFrom?.startsWith('BaselineAdminNetworkPolicy') || first.migratedFrom?.startsWith('BaselineAdminNetworkPolicy')
      ? `rename the other object (the BaselineAdminNetworkPolicy always becomes "${BASELINE_NAME}")`
      : 'rename one of them';
    throw new MigrationError(`${cnp.field}metadata.name`,
      `${what(cnp)} would be a ClusterNetworkPolicy named "${cnp.name}", as ${what(first)} already is: the cluster would keep only one of them; ${fix}`, cnp.objectIndex);
  }
}

/**
 * A BaselineAdminNetworkPolicy next to Baseline-tier ClusterNetworkPolicies: no API orders a
 * v1alpha1 baseline against v1alpha2 ones, so the input does not say where the migrated
 * baseline belongs among them, and any priority would be a choice made for the author.
 */
function refuseMixedBaseline(written: readonly Written[]): void {
  const baseline = written.find(w => w.migratedFrom?.startsWith('BaselineAdminNetworkPolicy'));
  const other = written.find(w => w.migratedFrom === undefined && w.tier === 'Baseline');
  if (baseline === undefined || other === undefined) return;
  throw new MigrationError(`${other.field}spec.tier`,
    `the input holds both the BaselineAdminNetworkPolicy (v1alpha1) and the Baseline-tier ClusterNetworkPolicy ${other.name} (v1alpha2), which no API orders against each other, so where the migrated baseline goes among them is not written anywhere; `
    + `migrate the input without the v1alpha2 Baseline policies, then give "${BASELINE_NAME}" the priority it should have among them`, other.objectIndex);
}
