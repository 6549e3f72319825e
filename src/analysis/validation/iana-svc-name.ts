/**
 * IANA service names, the form a named port must take (apimachinery `IsValidPortName`).
 */

const MAX = 15;

/** 1–15 of `[a-z0-9-]`, at least one letter, no `--`, no leading or trailing `-`. Returns what is wrong, or undefined. */
export function ianaSvcNameProblem(value: string): string | undefined {
  if (value.length === 0 || value.length > MAX) {
    return `is not a valid port name: it must be 1 to ${MAX} characters long`;
  }
  if (!/^[-a-z0-9]+$/.test(value)) {
    return 'is not a valid port name: it may hold only lower-case letters, digits and \'-\'';
  }
  if (!/[a-z]/.test(value)) {
    return 'is not a valid port name: it must contain at least one letter (a quoted number is a name, not a port number)';
  }
  if (value.includes('--')) {
    return 'is not a valid port name: it must not contain \'--\'';
  }
  if (value.startsWith('-') || value.endsWith('-')) {
    return 'is not a valid port name: it must not start or end with \'-\'';
  }
  return undefined;
}
