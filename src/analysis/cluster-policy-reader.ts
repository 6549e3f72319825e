/**
 * `policy.networking.k8s.io` cluster policies → `ClusterPolicy` (docs/cluster-network-policy.md):
 * ClusterNetworkPolicy (v1alpha2, and v1beta1 of the same shape), and the v1alpha1
 * AdminNetworkPolicy (tier Admin) and BaselineAdminNetworkPolicy (tier Baseline, priority 0,
 * `Allow` read as `Accept`).
 *
 * The CRD validator (validation/) says everything the API server refuses; this reader reads only
 * what it can read without guessing and throws `UnreadableObjectError` naming the field for
 * anything else (an unknown action or tier, a peer or protocol with two fields, a selector with a
 * field it does not know, an empty port range): a policy read some other way than the cluster
 * reads it would prove something false. The one shape it reads on purpose is the peer with no
 * field it knows (a newer CRD's peer): the API says to fail closed, so it is `unknown`.
 */
import { cidrInterval } from './ip-ranges';
import { arrayField, field, isKindOf, isPlainObject, ManifestObject, ObjectMeta, readLabels } from './manifest-objects';
import type {
  ClusterAction, ClusterPeerSpec, ClusterPodsSpec, ClusterPolicy, ClusterPortSpec, ClusterRuleSpec, ClusterTier,
  LabelSelectorRequirementSpec, LabelSelectorSpec, Protocol,
} from './model';
import { UnreadableObjectError } from './unreadable-object';

const GROUP = 'policy.networking.k8s.io';
export const CLUSTER_POLICY_GROUPS: ReadonlyMap<string, readonly string[]> = new Map([
  ['ClusterNetworkPolicy', [GROUP]],
  ['AdminNetworkPolicy', [GROUP]],
  ['BaselineAdminNetworkPolicy', [GROUP]],
]);

/** The versions each kind has been released in (network-policy-api v0.1.x: v1alpha1; v0.2.0: v1alpha2; v1beta1 the same shape). */
const VERSIONS: ReadonlyMap<string, readonly string[]> = new Map([
  ['ClusterNetworkPolicy', [`${GROUP}/v1alpha2`, `${GROUP}/v1beta1`]],
  ['AdminNetworkPolicy', [`${GROUP}/v1alpha1`]],
  ['BaselineAdminNetworkPolicy', [`${GROUP}/v1alpha1`]],
]);

/** Whether an object with this metadata (`objectMeta`) is a cluster policy of a kind this reader reads. */
export function isClusterPolicy(meta: ObjectMeta): boolean {
  return meta.name !== undefined && isKindOf(CLUSTER_POLICY_GROUPS, meta.kind, meta.apiVersion);
}

type Kind = ClusterPolicy['kind'];
const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'] as const;
const PROTOCOL_FIELDS: ReadonlyArray<readonly [string, Protocol]> = [['tcp', 'TCP'], ['udp', 'UDP'], ['sctp', 'SCTP']];

/** Reads one cluster policy; throws `UnreadableObjectError` for a shape it cannot read. */
export function readClusterPolicy({ object, source }: ManifestObject, meta: ObjectMeta): ClusterPolicy {
  return new Reading(object, meta, source).policy();
}

class Reading {
  private readonly kind: Kind;
  private readonly v1alpha1: boolean;

  public constructor(private readonly object: unknown, private readonly meta: ObjectMeta, private readonly source: ManifestObject['source']) {
    this.kind = meta.kind as Kind;
    this.v1alpha1 = this.kind !== 'ClusterNetworkPolicy';
  }

  public policy(): ClusterPolicy {
    const versions = VERSIONS.get(this.kind)!;
    if (this.meta.apiVersion !== undefined && !versions.includes(this.meta.apiVersion)) {
      this.fail('apiVersion', this.meta.apiVersion, `is not a version ${this.kind} was released in`, `use ${versions.join(' or ')}`);
    }
    if (this.kind === 'BaselineAdminNetworkPolicy' && this.meta.name !== 'default') {
      this.fail('metadata.name', this.meta.name!, 'is refused: the BaselineAdminNetworkPolicy is a singleton named default', 'name it default');
    }
    const spec = field(this.object, 'spec');
    if (!isPlainObject(spec)) this.fail('spec', spec, 'is not an object', 'write the policy\'s spec');
    return {
      kind: this.kind,
      name: this.meta.name!,
      tier: this.tier(spec),
      priority: this.kind === 'BaselineAdminNetworkPolicy' ? 0 : this.priority(spec),
      subject: this.subject(field(spec, 'subject')),
      ingress: this.rules(spec, 'ingress', 'from'),
      egress: this.rules(spec, 'egress', 'to'),
      raw: this.object,
      source: this.source,
    };
  }

  private tier(spec: unknown): ClusterTier {
    if (this.kind === 'AdminNetworkPolicy') return 'Admin';
    if (this.kind === 'BaselineAdminNetworkPolicy') return 'Baseline';
    const tier = field(spec, 'tier');
    if (tier !== 'Admin' && tier !== 'Baseline') this.fail('spec.tier', tier, 'is not a tier', 'write Admin or Baseline');
    return tier;
  }

  private priority(spec: unknown): number {
    const priority = field(spec, 'priority');
    if (typeof priority !== 'number' || !Number.isInteger(priority) || priority < 0 || priority > 1000) {
      this.fail('spec.priority', priority, 'is not a priority', 'write an integer from 0 (first) to 1000');
    }
    return priority;
  }

  private subject(value: unknown): ClusterPodsSpec {
    const at = 'spec.subject';
    const [key] = this.oneOf(value, at, ['namespaces', 'pods'], 'namespaces or pods');
    return key === 'namespaces'
      ? { namespaceSelector: this.selector(field(value, 'namespaces'), `${at}.namespaces`) }
      : this.pods(field(value, 'pods'), `${at}.pods`);
  }

  private pods(value: unknown, at: string): ClusterPodsSpec {
    if (!isPlainObject(value)) this.fail(at, value, 'is not an object', 'write namespaceSelector and podSelector');
    this.knownKeys(value, at, ['namespaceSelector', 'podSelector']);
    if (field(value, 'podSelector') === undefined) this.fail(`${at}.podSelector`, undefined, 'is missing', 'write podSelector: {} for every pod');
    // A missing namespaceSelector is the empty selector (a struct, not a pointer, in the API types): every namespace.
    const namespaces = field(value, 'namespaceSelector');
    return {
      namespaceSelector: namespaces === undefined ? {} : this.selector(namespaces, `${at}.namespaceSelector`),
      podSelector: this.selector(field(value, 'podSelector'), `${at}.podSelector`),
    };
  }

  private rules(spec: unknown, direction: 'ingress' | 'egress', peersKey: 'from' | 'to'): ClusterRuleSpec[] {
    const value = field(spec, direction);
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) this.fail(`spec.${direction}`, value, 'is not a list', `write a list of ${direction} rules`);
    return value.map((rule, i) => this.rule(rule, `spec.${direction}[${i}]`, direction, peersKey));
  }

  private rule(value: unknown, at: string, direction: 'ingress' | 'egress', peersKey: 'from' | 'to'): ClusterRuleSpec {
    if (!isPlainObject(value)) this.fail(at, value, 'is not an object', 'write a rule with action and ' + peersKey);
    const portsKey = this.v1alpha1 ? 'ports' : 'protocols';
    this.knownKeys(value, at, ['name', 'action', peersKey, portsKey]);
    const name = field(value, 'name');
    if (name !== undefined && typeof name !== 'string') this.fail(`${at}.name`, name, 'is not a string', 'write the rule\'s name as a string');
    const action = this.action(field(value, 'action'), `${at}.action`);
    const peers = field(value, peersKey);
    if (!Array.isArray(peers) || peers.length === 0) {
      this.fail(`${at}.${peersKey}`, peers, 'is not a list of at least one peer', `write the ${direction === 'ingress' ? 'sources' : 'destinations'} the rule applies to`);
    }
    const ports = field(value, portsKey);
    const rule: ClusterRuleSpec = {
      action,
      peers: peers.map((peer, i) => this.peer(peer, `${at}.${peersKey}[${i}]`, direction)),
      ...(name === undefined || name === '' ? {} : { name }),
      ...(ports === undefined || ports === null ? {} : { ports: this.ports(ports, `${at}.${portsKey}`) }),
    };
    return rule;
  }

  private action(value: unknown, at: string): ClusterAction {
    const actions = this.kind === 'ClusterNetworkPolicy' ? ['Accept', 'Deny', 'Pass']
      : this.kind === 'AdminNetworkPolicy' ? ['Allow', 'Deny', 'Pass'] : ['Allow', 'Deny'];
    if (typeof value !== 'string' || !actions.includes(value)) {
      const hint = value === 'Allow' ? '; v1alpha2 says Accept' : value === 'Accept' ? '; v1alpha1 says Allow' : '';
      this.fail(at, value, `is not an action of ${this.kind}${hint}`, `write ${actions.join(', ')}`);
    }
    return value === 'Allow' ? 'Accept' : value as ClusterAction;
  }

  private peer(value: unknown, at: string, direction: 'ingress' | 'egress'): ClusterPeerSpec {
    if (!isPlainObject(value)) this.fail(at, value, 'is not an object', 'write one of namespaces or pods');
    const known = direction === 'ingress' ? ['namespaces', 'pods']
      : this.kind === 'BaselineAdminNetworkPolicy' ? ['namespaces', 'pods', 'networks', 'nodes'] : ['namespaces', 'pods', 'networks', 'nodes', 'domainNames'];
    const set = known.filter(key => field(value, key) !== undefined);
    // No field this reader knows: a newer CRD's peer. The API says to fail closed (`unknown`).
    if (set.length === 0) return { unknown: true };
    if (set.length > 1) this.fail(at, set.join(' and '), 'are both set: a peer has exactly one field', 'write each in a peer of its own');
    const key = set[0];
    const inner = field(value, key);
    switch (key) {
      case 'namespaces': return { pods: { namespaceSelector: this.selector(inner, `${at}.namespaces`) } };
      case 'pods': return { pods: this.pods(inner, `${at}.pods`) };
      case 'nodes': return { nodes: this.selector(inner, `${at}.nodes`) };
      case 'networks': return { networks: this.strings(inner, `${at}.networks`, cidr => cidrInterval(cidr) !== undefined, 'a CIDR such as 10.0.0.0/8') };
      default: return { domainNames: this.strings(inner, `${at}.domainNames`, name => name !== '', 'a domain name such as *.example.com') };
    }
  }

  private strings(value: unknown, at: string, valid: (s: string) => boolean, what: string): string[] {
    if (!Array.isArray(value) || value.length === 0) this.fail(at, value, 'is not a list of at least one item', `write ${what}`);
    value.forEach((item, i) => {
      if (typeof item !== 'string' || !valid(item)) this.fail(`${at}[${i}]`, item, 'cannot be read', `write ${what}`);
    });
    return value;
  }

  private ports(value: unknown, at: string): ClusterPortSpec[] {
    if (!Array.isArray(value) || value.length === 0) this.fail(at, value, 'is not a list of at least one port', 'leave it out to match every port');
    return value.map((port, i) => this.v1alpha1 ? this.v1alpha1Port(port, `${at}[${i}]`) : this.protocol(port, `${at}[${i}]`));
  }

  /** v1alpha2 `protocols[]`: exactly one of tcp, udp, sctp (each with a destinationPort) or destinationNamedPort. */
  private protocol(value: unknown, at: string): ClusterPortSpec {
    const [key] = this.oneOf(value, at, ['tcp', 'udp', 'sctp', 'destinationNamedPort'], 'tcp, udp, sctp or destinationNamedPort');
    const inner = field(value, key);
    if (key === 'destinationNamedPort') return { namedPort: this.name(inner, `${at}.destinationNamedPort`) };
    const protocol = PROTOCOL_FIELDS.find(([k]) => k === key)![1];
    const portAt = `${at}.${key}.destinationPort`;
    this.knownKeys(inner, `${at}.${key}`, ['destinationPort']);
    const [kind] = this.oneOf(field(inner, 'destinationPort'), portAt, ['number', 'range'], 'number or range');
    const port = field(inner, 'destinationPort');
    if (kind === 'number') return { protocol, port: this.portNumber(field(port, 'number'), `${portAt}.number`) };
    const range = field(port, 'range');
    this.knownKeys(range, `${portAt}.range`, ['start', 'end']);
    const start = this.portNumber(field(range, 'start'), `${portAt}.range.start`);
    const end = this.portNumber(field(range, 'end'), `${portAt}.range.end`);
    // v1alpha2 CEL: `self.start < self.end`.
    if (end <= start) this.fail(`${portAt}.range.end`, end, `is not above start ${start}`, 'write a single port as number, or an end above start');
    return { protocol, port: start, endPort: end };
  }

  /** v1alpha1 `ports[]`: exactly one of portNumber {protocol, port}, portRange {protocol, start, end}, namedPort. */
  private v1alpha1Port(value: unknown, at: string): ClusterPortSpec {
    const [key] = this.oneOf(value, at, ['portNumber', 'portRange', 'namedPort'], 'portNumber, portRange or namedPort');
    const inner = field(value, key);
    if (key === 'namedPort') return { namedPort: this.name(inner, `${at}.namedPort`) };
    const protocol = this.protocolName(field(inner, 'protocol'), `${at}.${key}.protocol`);
    if (key === 'portNumber') {
      this.knownKeys(inner, `${at}.portNumber`, ['protocol', 'port']);
      return { protocol, port: this.portNumber(field(inner, 'port'), `${at}.portNumber.port`) };
    }
    this.knownKeys(inner, `${at}.portRange`, ['protocol', 'start', 'end']);
    const start = this.portNumber(field(inner, 'start'), `${at}.portRange.start`);
    const end = this.portNumber(field(inner, 'end'), `${at}.portRange.end`);
    // v0.1.x has no CEL rule on the range (start == end is one port); an end below start is an empty range
    // that implementations read differently, so it is refused rather than read as "nothing".
    if (end < start) this.fail(`${at}.portRange.end`, end, `is below start ${start}`, 'write an end at or above start');
    return { protocol, port: start, endPort: end };
  }

  /** v1alpha1's protocol, defaulted to TCP by the CRD. */
  private protocolName(value: unknown, at: string): Protocol {
    if (value === undefined) return 'TCP';
    if (value !== 'TCP' && value !== 'UDP' && value !== 'SCTP') this.fail(at, value, 'is not a protocol', 'write TCP, UDP or SCTP');
    return value;
  }

  private portNumber(value: unknown, at: string): number {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 65535) this.fail(at, value, 'is not a port number', 'write an integer from 1 to 65535');
    return value;
  }

  private name(value: unknown, at: string): string {
    if (typeof value !== 'string' || value === '') this.fail(at, value, 'is not a port name', 'write the name of a container port');
    return value;
  }

  private selector(value: unknown, at: string): LabelSelectorSpec {
    if (value === null) return {};
    if (!isPlainObject(value)) this.fail(at, value, 'is not a label selector', 'write {} for everything, or matchLabels / matchExpressions');
    this.knownKeys(value, at, ['matchLabels', 'matchExpressions']);
    const labels = field(value, 'matchLabels');
    if (labels !== undefined && labels !== null && !isPlainObject(labels)) this.fail(`${at}.matchLabels`, labels, 'is not a map of labels', 'write key: value pairs');
    const expressions = arrayField(value, 'matchExpressions').map((req, i) => this.requirement(req, `${at}.matchExpressions[${i}]`));
    return { matchLabels: readLabels(labels), matchExpressions: expressions };
  }

  private requirement(value: unknown, at: string): LabelSelectorRequirementSpec {
    const key = field(value, 'key');
    const operator = OPERATORS.find(op => op === field(value, 'operator'));
    if (typeof key !== 'string' || key === '') this.fail(`${at}.key`, key, 'is not a label key', 'write the label key');
    if (operator === undefined) this.fail(`${at}.operator`, field(value, 'operator'), 'is not an operator', `write ${OPERATORS.join(', ')}`);
    const values = arrayField(value, 'values').filter((v): v is string => typeof v === 'string');
    return { key, operator, values };
  }

  /** The one key of `keys` that `value` sets; throws when it sets none or several, or a key not among them. */
  private oneOf(value: unknown, at: string, keys: readonly string[], what: string): [string] {
    if (!isPlainObject(value)) this.fail(at, value, 'is not an object', `write exactly one of ${what}`);
    this.knownKeys(value, at, keys);
    const set = keys.filter(key => field(value, key) !== undefined);
    if (set.length !== 1) this.fail(at, set.length === 0 ? {} : set.join(' and '), set.length === 0 ? 'sets none of its fields' : 'sets more than one field', `write exactly one of ${what}`);
    return [set[0]];
  }

  /** Refuses a field the version does not have: kubectl's strict field validation does, and a guess could widen. */
  private knownKeys(value: unknown, at: string, keys: readonly string[]): void {
    if (!isPlainObject(value)) return;
    const unknown = Object.keys(value).filter(key => !keys.includes(key));
    if (unknown.length > 0) this.fail(`${at}.${unknown[0]}`, unknown[0], `is not a field of ${this.kind} ${this.meta.apiVersion ?? ''} here`.trimEnd(), `write only ${keys.join(', ')}`);
  }

  private fail(at: string, value: unknown, problem: string, fix: string): never {
    const shown = typeof value === 'string' ? `'${value}'` : value === undefined ? '(missing)' : JSON.stringify(value);
    throw new UnreadableObjectError(`${this.kind} ${this.meta.name}: ${at}: ${shown} ${problem}; ${fix}`, this.object, at, this.source);
  }
}
