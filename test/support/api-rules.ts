/**
 * A second, independent reading of the key API-server rules of reference §1 (and the fail-open
 * traps the library promises never to write), so that a bug in the shared validator cannot hide
 * a bug in the constructs. Written against the reference, not against src/analysis/validation.
 */
import * as ipaddr from 'ipaddr.js';

const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME_PART = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const IANA_SVC_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];
const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

/** Every broken rule, as `field: what`; empty when the policy passes. */
export function apiRuleViolations(policy: any): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, field: string, what: string) => {
    if (!ok) problems.push(`${field}: ${what}`);
  };
  check(policy.apiVersion === 'networking.k8s.io/v1' && policy.kind === 'NetworkPolicy', 'kind', 'not a networking.k8s.io/v1 NetworkPolicy');
  const name: unknown = policy.metadata?.name;
  check(typeof name === 'string' && name.length <= 253 && name.split('.').every(part => DNS_1123_LABEL.test(part)), 'metadata.name', 'not a DNS-1123 subdomain');
  const namespace: unknown = policy.metadata?.namespace;
  check(namespace === undefined || (typeof namespace === 'string' && namespace.length <= 63 && DNS_1123_LABEL.test(namespace)), 'metadata.namespace', 'not a DNS-1123 label');

  const spec = policy.spec ?? {};
  check(isObject(spec.podSelector), 'spec.podSelector', 'missing (always written, even as {})');
  checkSelector(check, 'spec.podSelector', spec.podSelector ?? {});
  const types: unknown[] = spec.policyTypes ?? [];
  check(types.length > 0 && types.every(t => t === 'Ingress' || t === 'Egress') && new Set(types).size === types.length,
    'spec.policyTypes', 'not a non-empty list of Ingress and Egress, each once');
  for (const [direction, type, peersKey] of [['ingress', 'Ingress', 'from'], ['egress', 'Egress', 'to']]) {
    const rules: any[] | undefined = spec[direction];
    if (rules === undefined) continue;
    check(rules.length > 0 && types.includes(type), `spec.${direction}`, `written empty, or without ${type} in policyTypes (ignored by Kubernetes)`);
    rules.forEach((rule, i) => checkRule(check, `spec.${direction}[${i}]`, rule, peersKey));
  }
  return problems;
}

type Check = (ok: boolean, field: string, what: string) => void;

function checkRule(check: Check, field: string, rule: any, peersKey: string): void {
  const peers: any[] | undefined = rule[peersKey];
  const ports: any[] | undefined = rule.ports;
  check(peers === undefined || peers.length > 0, `${field}.${peersKey}`, 'empty, which Kubernetes reads as everyone');
  check(ports === undefined || ports.length > 0, `${field}.ports`, 'empty, which Kubernetes reads as every port');
  (peers ?? []).forEach((peer, k) => {
    const at = `${field}.${peersKey}[${k}]`;
    const selectors = ['podSelector', 'namespaceSelector'].filter(key => peer[key] !== undefined);
    check(selectors.length > 0 || peer.ipBlock !== undefined, at, 'no peer');
    check(selectors.length === 0 || peer.ipBlock === undefined, at, 'ipBlock with a selector');
    selectors.forEach(key => checkSelector(check, `${at}.${key}`, peer[key]));
    if (peer.ipBlock) checkIpBlock(check, `${at}.ipBlock`, peer.ipBlock);
  });
  const withIpBlock = (peers ?? []).some(peer => peer.ipBlock !== undefined);
  (ports ?? []).forEach((entry, j) => {
    const at = `${field}.ports[${j}]`;
    check(PROTOCOLS.includes(entry.protocol), `${at}.protocol`, 'not TCP, UDP or SCTP (always written)');
    const { port, endPort } = entry;
    if (typeof port === 'string') {
      check(port.length <= 15 && IANA_SVC_NAME.test(port) && /[a-z]/.test(port) && !port.includes('--'), `${at}.port`, 'not an IANA service name');
      check(!withIpBlock, `${at}.port`, 'a named port with an ipBlock peer');
    } else {
      check(port === undefined || isPort(port), `${at}.port`, 'not in 1-65535');
    }
    check(endPort === undefined || (isPort(port) && isPort(endPort) && endPort >= port), `${at}.endPort`, 'not a port at least `port`');
  });
}

function checkSelector(check: Check, field: string, selector: any): void {
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    check(isQualifiedName(key) && isLabelValue(value), `${field}.matchLabels`, `bad label ${key}=${String(value)}`);
  }
  (selector.matchExpressions ?? []).forEach((e: any, k: number) => {
    const at = `${field}.matchExpressions[${k}]`;
    check(isQualifiedName(e.key) && OPERATORS.includes(e.operator), at, 'bad key or operator');
    const needsValues = e.operator === 'In' || e.operator === 'NotIn';
    check(needsValues ? e.values?.length > 0 && e.values.every(isLabelValue) : e.values === undefined, `${at}.values`, 'values do not fit the operator');
  });
}

function checkIpBlock(check: Check, field: string, block: any): void {
  const cidr = canonical(block.cidr);
  check(cidr !== undefined, `${field}.cidr`, 'not a canonical CIDR');
  (block.except ?? []).forEach((entry: string, k: number) => {
    const except = canonical(entry);
    const inside = cidr !== undefined && except !== undefined && except[0].kind() === cidr[0].kind()
      && except[1] > cidr[1] && except[0].match(cidr);
    check(inside === true, `${field}.except[${k}]`, 'not a canonical CIDR strictly inside cidr');
  });
}

/** The parsed CIDR when it is written canonically: the network address itself, no leading zeros. */
function canonical(cidr: unknown): [ipaddr.IPv4 | ipaddr.IPv6, number] | undefined {
  if (typeof cidr !== 'string' || !ipaddr.isValidCIDR(cidr)) return undefined;
  const parsed = ipaddr.parseCIDR(cidr);
  const network = ipaddr.IPv4.isValid(cidr.split('/')[0]) && parsed[0].kind() === 'ipv4'
    ? ipaddr.IPv4.networkAddressFromCIDR(cidr)
    : ipaddr.IPv6.networkAddressFromCIDR(cidr);
  return `${network.toString()}/${parsed[1]}` === cidr ? parsed : undefined;
}

const isObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);
const isPort = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 65535;
const isLabelValue = (value: unknown) => typeof value === 'string' && (value === '' || (value.length <= 63 && QUALIFIED_NAME_PART.test(value)));

function isQualifiedName(key: unknown): boolean {
  if (typeof key !== 'string') return false;
  const [prefix, name, ...rest] = key.includes('/') ? key.split('/') : [undefined, key];
  const prefixOk = prefix === undefined || (prefix.length > 0 && prefix.length <= 253 && prefix.split('.').every(part => DNS_1123_LABEL.test(part)));
  return rest.length === 0 && prefixOk && name !== undefined && name.length <= 63 && QUALIFIED_NAME_PART.test(name);
}
