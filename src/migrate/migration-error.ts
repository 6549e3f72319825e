/**
 * A field of a v1alpha1 policy that v1alpha2 cannot say the same way (docs/migrate.md): the
 * migration refuses the whole input rather than write a policy that means something else.
 * Pure data: the CLI turns `field` into the file, line and column of the document.
 */
export class MigrationError extends Error {
  constructor(
    /** Field path inside the object, API-server style (`spec.egress[0].to[1].namespaces`). */
    public readonly field: string,
    /** What is written there, why it cannot be migrated, and what to do. */
    public readonly reason: string,
    /** The input object it is about (an index into the objects given to `migrateManifests`), once known. */
    public readonly objectIndex?: number,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'MigrationError';
  }
}

/** A MigrationError about a field of an item of a List: its path starts at the List. */
export function inListItem(error: MigrationError, index: number): MigrationError {
  return new MigrationError(`items[${index}].${error.field}`, error.reason);
}

/** The same error, known to be about the input object `objectIndex`. */
export function inObject(error: MigrationError, objectIndex: number): MigrationError {
  return new MigrationError(error.field, error.reason, objectIndex);
}
