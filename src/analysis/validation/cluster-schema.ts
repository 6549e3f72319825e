/**
 * The OpenAPI schema checks the API server runs on a custom resource (required, minItems,
 * maxItems, minimum, maximum, maxLength, list-type set, min/maxProperties), in the validator's
 * wording, for the cluster-scoped policies.
 */
import { present, renderValue, Report } from './report';

/** `required`: reports a missing field; true when it is there. */
export function requireField(report: Report, field: string, value: unknown, fix: string): boolean {
  if (present(value)) return true;
  report.reject(field, undefined, 'is required', fix);
  return false;
}

/**
 * A list of `min`..`max` items (the CRD's minItems/maxItems); true when it is a list, whatever its
 * length. `what` names the items (plural), `fixTooFew` says what to write instead of too few.
 */
export function expectBoundedList(report: Report, field: string, value: unknown, min: number, max: number, what: string, fixTooFew = ''): value is unknown[] {
  if (!report.expectList(field, value)) return false;
  if (value.length < min) {
    report.reject(field, value, `must have at least ${min} item${min === 1 ? '' : 's'}`, fixTooFew);
  } else if (value.length > max) {
    report.reject(field, `${value.length} items`, `must have at most ${max} items`, `split the ${what} into several rules or policies of at most ${max}`);
  }
  return true;
}

/** `x-kubernetes-list-type: set`: the API server refuses a value listed twice. */
export function rejectDuplicates(report: Report, field: string, values: readonly unknown[]): void {
  // By the whole value (a rendering for messages is cut short), in one pass: a hostile list may be long.
  const seen = new Set<string>();
  values.forEach((value, i) => {
    const key = JSON.stringify(value) ?? String(value);
    if (seen.has(key)) {
      report.reject(`${field}[${i}]`, value, 'is listed twice (the list is a set)', `list ${renderValue(value)} once`);
    }
    seen.add(key);
  });
}

/** An integer from `min` to `max` (int32 with minimum/maximum); true when it is one. */
export function expectIntegerIn(report: Report, field: string, value: unknown, min: number, max: number, fix: string): value is number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    report.reject(field, value, 'must be an integer', fix);
    return false;
  }
  if (value < min || value > max) {
    report.reject(field, value, `must be between ${min} and ${max}, inclusive`, fix);
    return false;
  }
  return true;
}

/**
 * minProperties/maxProperties 1 of a union (subject, peer, port entry): exactly one of `fields`
 * set. Returns the one set, or undefined (reported) when none or several are.
 */
export function exactlyOne(report: Report, field: string, value: Record<string, unknown>, fields: readonly string[],
  fixNone: string): string | undefined {
  const set = fields.filter(name => present(value[name]));
  if (set.length === 1) return set[0];
  if (set.length === 0) {
    // An unknown field alone is reported as unknown: that is the mistake to fix.
    if (Object.keys(value).every(key => fields.includes(key))) {
      report.reject(field, value, `must set exactly one of ${fields.join(', ')}`, fixNone);
    }
  } else {
    report.reject(field, value, `sets ${set.join(' and ')}, but exactly one of them is allowed`, `split it into ${set.length} entries, one field each`);
  }
  return undefined;
}
