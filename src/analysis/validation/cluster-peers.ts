/**
 * The subject of a cluster policy and the peers of its rules (`from` / `to`), each a union of
 * which exactly one field is set. docs/cluster-policies.md#what-the-api-server-refuses.
 */
import { isCidrProblem, parseCidr } from './cidr';
import { ClusterDialect } from './cluster-dialects';
import { alternatives, closestNames } from '../closest-names';
import { exactlyOne, expectBoundedList, rejectDuplicates } from './cluster-schema';
import { present, Report } from './report';
import { validateSelector } from './selector';

const SELECTING_PODS = ['namespaces', 'pods'];
const OLDER_NAMESPACES_FIELDS = ['namespaceSelector', 'sameLabels', 'notSameLabels'];
const MAX_ADDRESSES = 25;
const CIDR_MAX_LENGTH = 43;
/** The CRD's pattern for a DomainName: `*.` may only lead, and matches one or more whole labels. */
const DOMAIN_NAME = /^(\*\.)?([a-zA-Z0-9]([-a-zA-Z0-9_]*[a-zA-Z0-9])?\.)+[a-zA-Z0-9]([-a-zA-Z0-9_]*[a-zA-Z0-9])?\.?$/;

/** `spec.subject`: exactly one of `namespaces` / `pods`. */
export function validateClusterSubject(report: Report, dialect: ClusterDialect, subject: unknown): void {
  const field = 'spec.subject';
  if (!report.expectObject(field, subject)) return;
  report.unknownFields(field, subject, SELECTING_PODS);
  const set = exactlyOne(report, field, subject, SELECTING_PODS, 'set namespaces (namespaces: {} for every pod) or pods');
  if (set === 'namespaces') validateSelector(report, `${field}.namespaces`, subject.namespaces);
  if (set === 'pods') validateNamespacedPods(report, dialect, `${field}.pods`, subject.pods);
}

/** What the peers of a rule hold that its other fields depend on. */
export interface PeerKinds {
  /** A `networks`, `nodes` or `domainNames` peer: no named port can apply to it. */
  readonly withoutNamedPorts: boolean;
}

/**
 * A rule's `from` / `to`: 1..maxPeers peers, one field each. Egress-only peers on an ingress rule
 * are named as such (the ingress schema does not know them), and `domainNames` is for the accept
 * action only.
 */
export function validateClusterPeers(report: Report, dialect: ClusterDialect, field: string, peers: unknown, direction: 'ingress' | 'egress', action: unknown): PeerKinds {
  let withoutNamedPorts = false;
  if (!present(peers)) {
    report.reject(field, undefined, 'is required', 'list at least one peer (namespaces: {} for every pod)');
    return { withoutNamedPorts };
  }
  if (!expectBoundedList(report, field, peers, 1, dialect.maxPeers, 'peers', 'list at least one peer (namespaces: {} for every pod)')) return { withoutNamedPorts };
  const known = direction === 'egress' ? [...SELECTING_PODS, ...dialect.egressOnlyPeers] : SELECTING_PODS;
  peers.forEach((peer, k) => {
    const peerField = `${field}[${k}]`;
    if (!report.expectObject(peerField, peer)) return;
    const egressOnly = direction === 'ingress' ? dialect.egressOnlyPeers.filter(name => name in peer) : [];
    for (const name of egressOnly) {
      report.reject(`${peerField}.${name}`, name, 'is a peer for egress only: an ingress rule\'s from takes only namespaces and pods',
        'move it to an egress rule (to), or name the sources with namespaces or pods');
    }
    const rest = omit(peer, egressOnly);
    if (egressOnly.length === 0 && isNewerPeer(rest, known)) {
      newerPeerTrap(report, peerField, rest, known);
      return;
    }
    report.unknownFields(peerField, rest, known);
    // An egress-only peer on ingress was its peer: the entry is not empty, it is misplaced.
    const set = egressOnly.length > 0 ? undefined : exactlyOne(report, peerField, peer, known, `set one of ${known.join(', ')}`);
    if (set === undefined) return;
    const value = peer[set];
    const at = `${peerField}.${set}`;
    if (dialect.podsNeedNamespaceSelector && olderV1alpha1Peer(report, set, at, value)) return;
    if (set === 'namespaces' || set === 'nodes') validateSelector(report, at, value);
    if (set === 'pods') validateNamespacedPods(report, dialect, at, value);
    if (set === 'networks') validateNetworks(report, at, value);
    if (set === 'domainNames') validateDomainNames(report, dialect, at, value, action);
    withoutNamedPorts ||= set !== 'namespaces' && set !== 'pods';
  });
  return { withoutNamedPorts };
}

/** `pods: {namespaceSelector, podSelector}`: podSelector is required (and v1alpha1 requires both). */
function validateNamespacedPods(report: Report, dialect: ClusterDialect, field: string, pods: unknown): void {
  if (!report.expectObject(field, pods)) return;
  report.unknownFields(field, pods, ['namespaceSelector', 'podSelector']);
  if (present(pods.namespaceSelector)) {
    validateSelector(report, `${field}.namespaceSelector`, pods.namespaceSelector);
  } else if (dialect.podsNeedNamespaceSelector) {
    report.reject(`${field}.namespaceSelector`, undefined, 'is required', 'set namespaceSelector ({} for every namespace)');
  }
  if (present(pods.podSelector)) {
    validateSelector(report, `${field}.podSelector`, pods.podSelector);
  } else {
    report.reject(`${field}.podSelector`, undefined, 'is required', 'set podSelector ({} for every pod of the selected namespaces)');
  }
}

/** 1..25 distinct CIDRs, each read by the one strict parser (cidr.ts). */
function validateNetworks(report: Report, field: string, networks: unknown): void {
  if (!expectBoundedList(report, field, networks, 1, MAX_ADDRESSES, 'CIDRs', 'list at least one CIDR, or remove this peer')) return;
  networks.forEach((cidr, i) => {
    const cidrField = `${field}[${i}]`;
    if (!report.expectString(cidrField, cidr)) return;
    if (cidr.length > CIDR_MAX_LENGTH) {
      report.reject(cidrField, cidr, `is longer than the ${CIDR_MAX_LENGTH} characters a CIDR may have`, 'write it as address/prefix, e.g. 10.9.8.0/24 or 2001:db8::/64');
      return;
    }
    const parsed = parseCidr(cidr);
    if (isCidrProblem(parsed)) report.reject(cidrField, cidr, parsed.message, parsed.fix);
  });
  rejectDuplicates(report, field, networks);
}

function validateDomainNames(report: Report, dialect: ClusterDialect, field: string, names: unknown, action: unknown): void {
  // An action that is none of the kind's is reported as such: only a valid other action makes this a trap.
  if (typeof action === 'string' && dialect.actions.includes(action) && action !== dialect.acceptAction) {
    // The CRD leaves it to the field's documentation; implementations refuse or ignore such a rule.
    report.trap(field, names, `is only supported in ${dialect.acceptAction} rules, and this rule's action is ${action}`,
      `use networks for a ${action} rule, or make it an ${dialect.acceptAction} rule before a broader deny`);
  }
  if (!expectBoundedList(report, field, names, 1, MAX_ADDRESSES, 'domain names', 'list at least one domain name, or remove this peer')) return;
  names.forEach((name, i) => {
    const nameField = `${field}[${i}]`;
    if (report.expectString(nameField, name) && !DOMAIN_NAME.test(name)) {
      report.reject(nameField, name, 'is not a domain name (a \'*.\' wildcard may only lead, and matches whole labels)', 'write it like example.com or *.example.com');
    }
  });
  rejectDuplicates(report, field, names);
}

/**
 * The peers of the first v1alpha1 CRDs (early v0.1.x, before they became plain label selectors): `namespaces:
 * {namespaceSelector, sameLabels, notSameLabels}` and `pods: {namespaces: {...}, podSelector}`.
 * A cluster that still runs such a CRD accepts them and later ones refuse them, so they are traps
 * here; the analysis and `migrate` say what they make of them. True when the peer is one.
 */
function olderV1alpha1Peer(report: Report, set: string, field: string, value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const older = set === 'namespaces' ? OLDER_NAMESPACES_FIELDS.filter(name => name in value) : set === 'pods' && 'namespaces' in value ? ['namespaces'] : [];
  for (const name of older) {
    report.trap(`${field}.${name}`, name, 'is a field of the first v1alpha1 CRDs (before their peers became plain label selectors), which later ones refuse; sameLabels and notSameLabels have no v1alpha2 equivalent',
      set === 'pods' ? 'write pods: {namespaceSelector: <selector>, podSelector: <selector>}' : 'write namespaces: <a label selector> (one policy per tenant for sameLabels)');
  }
  return older.length > 0;
}

/** A peer with fields, none of them known: the peer of a newer CRD, or a typo. */
function isNewerPeer(peer: Record<string, unknown>, known: readonly string[]): boolean {
  const keys = Object.keys(peer).filter(key => present(peer[key]));
  return keys.length > 0 && keys.every(key => !known.includes(key));
}

/**
 * The API says a peer with no field an implementation knows comes from a newer CRD, and must be
 * read fail-closed (an Accept rule matches nothing, a Deny or Pass rule every peer): a cluster
 * with that CRD accepts it, so it is a trap, not a refusal. It is also what a misspelt field
 * looks like, so the fix names the closest known field.
 */
function newerPeerTrap(report: Report, field: string, peer: Record<string, unknown>, known: readonly string[]): void {
  for (const key of Object.keys(peer)) {
    const close = closestNames(key, known);
    report.trap(`${field}.${key}`, key, 'is no peer field of network-policy-api v0.2.0: a newer CRD\'s peer, read fail-closed (an Accept rule matches nothing, a Deny or Pass rule every peer), or a misspelt one',
      close.length > 0 ? `did you mean ${alternatives(close)}?` : `use one of ${known.join(', ')}`);
  }
}

function omit(value: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  return names.length === 0 ? value : Object.fromEntries(Object.entries(value).filter(([key]) => !names.includes(key)));
}
