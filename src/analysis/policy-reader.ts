/**
 * NetworkPolicy objects → `Policy`, with the API server's defaulting applied
 * (`pkg/apis/networking/v1/defaults.go`): protocol `TCP`; `policyTypes` when not given =
 * `Ingress`, plus `Egress` only when `egress` is non-empty.
 *
 * Another layer validates policies before analysis; this one only refuses to crash or to
 * widen on malformed input: a malformed selector part, peer or port is dropped, and a list
 * that had entries but lost them all becomes `[]` ("matches nothing"), never `undefined`
 * ("everyone"). A rule that is not an object keeps its index and matches nothing.
 */
import { exact, NONE } from './lists';
import { arrayField, field, isKindOf, isPlainObject, labelValue, ManifestObject, ObjectMeta, readLabels, stringField } from './manifest-objects';
import { keyPart } from './memo';
import { Direction, IpBlockSpec, LabelSelectorRequirementSpec, LabelSelectorSpec, PeerSpec, Policy, PortSpec, Protocol, PROTOCOLS, RuleSpec } from './model';

export const POLICY_GROUPS: ReadonlyMap<string, readonly string[]> = new Map([['NetworkPolicy', ['networking.k8s.io', 'extensions']]]);
const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'] as const;

/** Whether an object with this metadata (`objectMeta`) is a NetworkPolicy. */
export function isNetworkPolicy(meta: ObjectMeta): boolean {
  return meta.name !== undefined && isKindOf(POLICY_GROUPS, meta.kind, meta.apiVersion);
}

function readRequirement(value: unknown): LabelSelectorRequirementSpec | undefined {
  const key = stringField(value, 'key');
  const operator = OPERATORS.find(op => op === field(value, 'operator'));
  const values = arrayField(value, 'values').filter((v): v is string => typeof v === 'string');
  return key !== undefined && operator !== undefined ? { key, operator, values } : undefined;
}

function readIpBlock(value: unknown): IpBlockSpec | undefined {
  const cidr = stringField(value, 'cidr');
  if (cidr === undefined) return undefined;
  return { cidr, except: arrayField(value, 'except').filter((c): c is string => typeof c === 'string') };
}

function readPort(value: unknown): PortSpec | undefined {
  if (!isPlainObject(value)) return undefined;
  const protocol = field(value, 'protocol') ?? 'TCP';
  const port = field(value, 'port');
  const endPort = field(value, 'endPort');
  if (!PROTOCOLS.includes(protocol as Protocol)) return undefined;
  if (port === undefined) return { protocol: protocol as Protocol };
  if (typeof port !== 'number' && typeof port !== 'string') return undefined;
  return typeof endPort === 'number' ? { protocol: protocol as Protocol, port, endPort } : { protocol: protocol as Protocol, port };
}

/** The well-formed items (those `read` does not drop) of a list. */
function readEach<T>(items: readonly unknown[], read: (item: unknown) => T | undefined): T[] {
  // map() allocates exactly the length (lists.ts).
  if (items.length === 0) return NONE;
  const values = items.map(read);
  return values.includes(undefined) ? exact(values.filter((v): v is T => v !== undefined)) : values as T[];
}

/** Missing or `[]` → undefined (Kubernetes: "all"); entries → those that are well-formed. */
function readList<T>(value: unknown, read: (item: unknown) => T | undefined): T[] | undefined {
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) return undefined;
  return Array.isArray(value) ? readEach(value, read) : [];
}

function effectivePolicyTypes(spec: unknown): Direction[] {
  const given = arrayField(spec, 'policyTypes');
  if (given.length === 0) return arrayField(spec, 'egress').length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
  return (['Ingress', 'Egress'] as const).filter(d => given.includes(d));
}

/** The part of a `Policy` read from its `spec`. */
type SpecParts = Pick<Policy, 'podSelector' | 'policyTypes' | 'ingress' | 'egress'>;

/**
 * Reads NetworkPolicy objects (already checked with `isNetworkPolicy` on their `meta`) after
 * defaulting. Selectors of only `matchLabels`, the usual kind, are read once per distinct set of
 * labels and shared (they are immutable, and a pattern repeats them in every namespace), so that a
 * model of thousands of policies does not hold thousands of equal copies. Policies whose objects
 * share one spec object (the synth-time lint hands over equal validated specs as one object; a YAML
 * alias does the same) share its reading: rules, peers and ports. A reader serves one model, or
 * several whose spec objects never change once read (the synth-time lint's, one per app).
 */
export class PolicyReader {
  private readonly labelSelectors = new Map<string, LabelSelectorSpec>();
  /** What a spec object reads as: nothing in it depends on the policy's metadata, so objects sharing one spec share its reading. */
  private readonly specs = new WeakMap<object, SpecParts>();

  public read({ object, source }: ManifestObject, meta: ObjectMeta): Policy {
    const spec = field(object, 'spec');
    const parts = isPlainObject(spec) ? this.specParts(spec) : this.spec(spec);
    return {
      namespace: meta.namespace,
      name: meta.name!,
      podSelector: parts.podSelector,
      policyTypes: parts.policyTypes,
      ingress: parts.ingress,
      egress: parts.egress,
      raw: object,
      source,
    };
  }

  /** Weakly held: a reader shared by many models must not keep every spec it was shown alive. */
  private specParts(spec: object): SpecParts {
    let parts = this.specs.get(spec);
    if (!parts) this.specs.set(spec, parts = this.spec(spec));
    return parts;
  }

  private spec(spec: unknown): SpecParts {
    return {
      // A missing spec.podSelector is the same as `{}` (and a malformed one is read as missing).
      podSelector: this.selector(field(spec, 'podSelector')) ?? {},
      policyTypes: effectivePolicyTypes(spec),
      ingress: arrayField(spec, 'ingress').map(r => this.rule(r, 'from')),
      egress: arrayField(spec, 'egress').map(r => this.rule(r, 'to')),
    };
  }

  private rule(value: unknown, peersKey: 'from' | 'to'): RuleSpec {
    if (!isPlainObject(value)) return { peers: [] };
    return { peers: readList(field(value, peersKey), this.peer), ports: readList(field(value, 'ports'), readPort) };
  }

  private readonly peer = (value: unknown): PeerSpec | undefined => {
    const podSelector = this.selector(field(value, 'podSelector'));
    const namespaceSelector = this.selector(field(value, 'namespaceSelector'));
    const ipBlock = readIpBlock(field(value, 'ipBlock'));
    // Kubernetes requires at least one of the three, and ipBlock alone.
    if (ipBlock) return podSelector || namespaceSelector ? undefined : { ipBlock };
    if (!podSelector) return namespaceSelector && { namespaceSelector };
    return namespaceSelector ? { podSelector, namespaceSelector } : { podSelector };
  };

  private selector(value: unknown): LabelSelectorSpec | undefined {
    if (!isPlainObject(value)) return undefined;
    const expressions = arrayField(value, 'matchExpressions');
    if (expressions.length > 0) return { matchLabels: readLabels(field(value, 'matchLabels')), matchExpressions: readEach(expressions, readRequirement) };
    const labels = field(value, 'matchLabels');
    const key = labelsKey(labels);
    const known = this.labelSelectors.get(key);
    if (known) return known;
    const selector = { matchLabels: readLabels(labels), matchExpressions: NONE };
    this.labelSelectors.set(key, selector);
    return selector;
  }
}

/** What `readLabels(value)` keeps (own keys but `__proto__`, with the values `labelValue` reads, in order) as one memo key. */
function labelsKey(value: unknown): string {
  let key = '';
  if (!isPlainObject(value)) return key;
  for (const k in value) {
    if (!Object.hasOwn(value, k) || k === '__proto__') continue;
    const v = labelValue(value[k]);
    if (v !== undefined) key += keyPart(k) + keyPart(v);
  }
  return key;
}
