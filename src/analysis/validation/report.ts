/**
 * Collects validation problems while walking a manifest of unknown shape.
 */
import { ValidationProblem } from './problem';
import { alternatives, closestNames } from '../closest-names';

const MAX_RENDERED = 120;

/** The problems found so far, and type checks that report instead of throwing. */
export class Report {
  public readonly problems: ValidationProblem[] = [];

  /** Something the API server refuses. */
  public reject(field: string, value: unknown, message: string, fix: string): void {
    this.add(field, value, message, fix, 'rejected');
  }

  /** Something the API server accepts but that is almost certainly not what was meant. */
  public trap(field: string, value: unknown, message: string, fix: string): void {
    this.add(field, value, message, fix, 'trap');
  }

  /** Checks that a value is a map of fields; reports it otherwise. */
  public expectObject(field: string, value: unknown): value is Record<string, unknown> {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return true;
    }
    this.reject(field, value, 'must be an object (a map of fields)', 'write it as a YAML mapping');
    return false;
  }

  /** Checks that a value is a list; reports it otherwise. */
  public expectList(field: string, value: unknown): value is unknown[] {
    if (Array.isArray(value)) {
      return true;
    }
    this.reject(field, value, 'must be a list', 'write it as a YAML list (items starting with \'- \')');
    return false;
  }

  /** Checks that a value is a string; reports it otherwise. */
  public expectString(field: string, value: unknown): value is string {
    if (typeof value === 'string') {
      return true;
    }
    this.reject(field, value, 'must be a string', 'quote the value');
    return false;
  }

  /** Unknown fields fail kubectl's default strict field validation, and are usually typos. */
  public unknownFields(field: string, value: Record<string, unknown>, known: readonly string[]): void {
    for (const key of Object.keys(value)) {
      if (!known.includes(key)) {
        // The same name in another case first, else the closest by edit distance.
        const sameButCase = known.find(k => k.toLowerCase() === key.toLowerCase());
        const close = sameButCase ? [sameButCase] : closestNames(key, known);
        this.reject(join(field, key), key, 'is not a known field here',
          close.length > 0 ? `did you mean ${alternatives(close)}?` : `use only ${known.join(', ')}`);
      }
    }
  }

  private add(field: string, value: unknown, message: string, fix: string, severity: ValidationProblem['severity']): void {
    this.problems.push({ field: field || '(document)', value: renderValue(value), message, fix, severity });
  }
}

/** `a.b` for a nested field; the top level has no prefix. */
export function join(field: string, key: string): string {
  return field ? `${field}.${key}` : key;
}

/** JSON `null` decodes like an absent field. */
export function present(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** Strings as they are (quoted only when empty), anything else as JSON, long values cut. */
export function renderValue(value: unknown): string {
  if (value === undefined) {
    return '(missing)';
  }
  const text = typeof value === 'string' && value !== '' ? value : JSON.stringify(value);
  return text.length > MAX_RENDERED ? `${text.slice(0, MAX_RENDERED - 3)}...` : text;
}
