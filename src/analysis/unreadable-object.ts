/**
 * An object of a kind the model reads whose shape the reader cannot read without guessing (a
 * cluster policy with an unknown action, a tier missing, a port range that is empty). The
 * analysis refuses it rather than read it some way the cluster may not: the load pipeline turns
 * this error into an InputError at the field's `file:line:col` (exit 2 in the CLI).
 */
import type { SourceLocation } from './model';

export class UnreadableObjectError extends Error {
  public constructor(
    /** What is wrong and how to fix it, starting with the object (`ClusterNetworkPolicy tenants: ...`). */
    reason: string,
    /** The object as written, so the load pipeline can find the document it came from. */
    public readonly object: unknown,
    /** Field path inside the object, API-server style: `spec.ingress[0].action`. */
    public readonly field: string,
    public readonly source?: SourceLocation,
  ) {
    super(reason);
    this.name = 'UnreadableObjectError';
  }
}
