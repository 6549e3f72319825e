/**
 * DNS-1123 names, as Kubernetes checks them (apimachinery `util/validation`).
 * Each check returns what is wrong, or undefined when the value is valid.
 */

const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** Dot-separated DNS-1123 labels, each as LABEL. */
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_MAX = 63;
const SUBDOMAIN_MAX = 253;

/** A DNS-1123 label (namespace names): at most 63 of `[a-z0-9-]`, alphanumeric at both ends, no dots. */
export function dns1123LabelProblem(value: string): string | undefined {
  if (value.length > LABEL_MAX) {
    return `is ${value.length} characters long, more than the ${LABEL_MAX} a DNS-1123 label allows`;
  }
  if (!LABEL.test(value)) {
    return 'is not a DNS-1123 label (lower-case letters, digits and \'-\', starting and ending with a letter or digit)';
  }
  return undefined;
}

/** A DNS-1123 subdomain (object names, label-key prefixes): at most 253 chars of dot-separated labels. */
export function dns1123SubdomainProblem(value: string): string | undefined {
  if (value.length > SUBDOMAIN_MAX) {
    return `is ${value.length} characters long, more than the ${SUBDOMAIN_MAX} a DNS-1123 subdomain allows`;
  }
  if (!SUBDOMAIN.test(value)) {
    return 'is not a DNS-1123 subdomain (lower-case letters, digits, \'-\' and \'.\', each dot-separated part starting and ending with a letter or digit)';
  }
  return undefined;
}

/** Lower-cases and replaces what a DNS-1123 name cannot hold, to suggest a fix. */
export function suggestDns1123Name(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '') || 'name';
}
