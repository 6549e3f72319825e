/**
 * Label keys (qualified names) and label values, as Kubernetes checks them
 * (apimachinery `util/validation`). Each check returns what is wrong, or undefined.
 */
import { dns1123SubdomainProblem } from './dns-1123';

const NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const NAME_MAX = 63;

/** Answers for the label keys seen so far: a cluster uses few keys, on every selector of every policy. */
const keyAnswers = new Map<string, string | undefined>();
const KEY_ANSWERS_MAX = 10_000;

/** A qualified name: `name` or `prefix/name`; prefix a DNS-1123 subdomain, name 1–63 of `[-A-Za-z0-9_.]` with alphanumeric ends. */
export function qualifiedNameProblem(value: string): string | undefined {
  if (keyAnswers.has(value)) return keyAnswers.get(value);
  if (keyAnswers.size >= KEY_ANSWERS_MAX) keyAnswers.clear();
  const problem = checkQualifiedName(value);
  keyAnswers.set(value, problem);
  return problem;
}

function checkQualifiedName(value: string): string | undefined {
  const parts = value.split('/');
  if (parts.length > 2) {
    return 'is not a qualified name: it may contain at most one \'/\' (prefix/name)';
  }
  const name = parts[parts.length - 1];
  if (parts.length === 2) {
    const prefix = parts[0];
    if (prefix === '') {
      return 'is not a qualified name: the prefix before \'/\' must not be empty';
    }
    const prefixProblem = dns1123SubdomainProblem(prefix);
    if (prefixProblem) {
      return `is not a qualified name: its prefix '${prefix}' ${prefixProblem}`;
    }
  }
  if (name === '') {
    return 'is not a qualified name: the name part must not be empty';
  }
  if (name.length > NAME_MAX) {
    return `is not a qualified name: the name part is ${name.length} characters long, more than ${NAME_MAX}`;
  }
  if (!NAME.test(name)) {
    return 'is not a qualified name: the name part may hold only letters, digits, \'-\', \'_\' and \'.\', and must start and end with a letter or digit';
  }
  return undefined;
}

/** A label value: empty, or at most 63 of `[-A-Za-z0-9_.]` with alphanumeric ends. */
export function labelValueProblem(value: string): string | undefined {
  if (value === '') {
    return undefined;
  }
  if (value.length > NAME_MAX) {
    return `is not a valid label value: it is ${value.length} characters long, more than ${NAME_MAX}`;
  }
  if (!NAME.test(value)) {
    return 'is not a valid label value: it may hold only letters, digits, \'-\', \'_\' and \'.\', and must start and end with a letter or digit';
  }
  return undefined;
}
