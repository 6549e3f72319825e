/**
 * Reading v1alpha1 fields for the migration: every field is checked before it is copied, and
 * anything the mapping does not know is refused with its path (docs/migrate.md), never dropped.
 */
import { MigrationError } from './migration-error';
import { isPlainObject, type PlainObject } from '../analysis/manifest-objects';

/** The value at `field` as an object, or a MigrationError saying what is there instead. */
export function objectAt(value: unknown, field: string, what: string): PlainObject {
  if (!isPlainObject(value)) throw new MigrationError(field, `expected ${what}, found ${describe(value)}`);
  return value;
}

/** The value at `field` as a list of at most `max` entries (v1alpha2's limit), at least one. */
export function listAt(value: unknown, field: string, max: number, limitWhy: string): readonly unknown[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new MigrationError(field, `expected a list of at least one entry, found ${describe(value)}`);
  }
  if (value.length > max) throw new MigrationError(field, `${value.length} entries; ${limitWhy}`);
  return value;
}

/**
 * Refuses any key of `obj` outside `known`: a field the mapping does not know may change what
 * the policy matches. `why` explains keys that are known to have no v1alpha2 equivalent.
 */
export function onlyKeys(obj: PlainObject, field: string, known: readonly string[], why: Readonly<Record<string, string>> = {}): void {
  for (const key of Object.keys(obj)) {
    if (known.includes(key)) continue;
    const reason = Object.hasOwn(why, key) ? why[key] : `\`${key}\` is not a field of network-policy-api v0.1.x here (expected ${known.map(k => `\`${k}\``).join(', ')}); the migration cannot tell what it means, so it does not guess`;
    throw new MigrationError(prefixed(field, key), reason);
  }
}

/** Exactly one key of `obj` set, as both APIs require of a subject, a peer and a port. */
export function onlyKey(obj: PlainObject, field: string, known: readonly string[], why: Readonly<Record<string, string>> = {}): string {
  onlyKeys(obj, field, known, why);
  const keys = Object.keys(obj);
  if (keys.length !== 1) {
    throw new MigrationError(field, `exactly one of ${known.map(k => `\`${k}\``).join(', ')} must be set, found ${keys.length === 0 ? 'none' : keys.map(k => `\`${k}\``).join(', ')}`);
  }
  return keys[0];
}

/** An integer in [min, max], or a MigrationError naming the value. */
export function integerAt(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new MigrationError(field, `expected an integer from ${min} to ${max}, found ${describe(value)}`);
  }
  return value;
}

/** A deep copy of plain manifest data (selectors, CIDRs, labels), so the output shares nothing with the input. */
export function copy<T>(value: T): T {
  return structuredClone(value);
}

export function prefixed(field: string, key: string): string {
  return field === '' ? key : `${field}.${key}`;
}

export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
