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
import { arrayField, field, isKindOf, isPlainObject, ManifestObject, objectMeta, readLabels, stringField } from './manifest-objects';
import { Direction, IpBlockSpec, LabelSelectorSpec, PeerSpec, Policy, PortSpec, Protocol, PROTOCOLS, RuleSpec } from './model';

const POLICY_GROUPS: ReadonlyMap<string, readonly string[]> = new Map([['NetworkPolicy', ['networking.k8s.io', 'extensions']]]);
const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'] as const;

export function isNetworkPolicy(obj: unknown): boolean {
  const meta = objectMeta(obj);
  return meta.name !== undefined && isKindOf(POLICY_GROUPS, meta.kind, meta.apiVersion);
}

function readSelector(value: unknown): LabelSelectorSpec | undefined {
  if (!isPlainObject(value)) return undefined;
  const matchExpressions = arrayField(value, 'matchExpressions').flatMap(e => {
    const key = stringField(e, 'key');
    const operator = OPERATORS.find(op => op === field(e, 'operator'));
    const values = arrayField(e, 'values').filter((v): v is string => typeof v === 'string');
    return key !== undefined && operator !== undefined ? [{ key, operator, values }] : [];
  });
  return { matchLabels: readLabels(field(value, 'matchLabels')), matchExpressions };
}

function readIpBlock(value: unknown): IpBlockSpec | undefined {
  const cidr = stringField(value, 'cidr');
  if (cidr === undefined) return undefined;
  return { cidr, except: arrayField(value, 'except').filter((c): c is string => typeof c === 'string') };
}

function readPeer(value: unknown): PeerSpec[] {
  const podSelector = readSelector(field(value, 'podSelector'));
  const namespaceSelector = readSelector(field(value, 'namespaceSelector'));
  const ipBlock = readIpBlock(field(value, 'ipBlock'));
  // Kubernetes requires at least one of the three, and ipBlock alone.
  if (ipBlock) return podSelector || namespaceSelector ? [] : [{ ipBlock }];
  if (!podSelector && !namespaceSelector) return [];
  return [{ ...(podSelector && { podSelector }), ...(namespaceSelector && { namespaceSelector }) }];
}

function readPort(value: unknown): PortSpec[] {
  if (!isPlainObject(value)) return [];
  const protocol = field(value, 'protocol') ?? 'TCP';
  const port = field(value, 'port');
  const endPort = field(value, 'endPort');
  if (!PROTOCOLS.includes(protocol as Protocol)) return [];
  if (port === undefined) return [{ protocol: protocol as Protocol }];
  if (typeof port !== 'number' && typeof port !== 'string') return [];
  return [{ protocol: protocol as Protocol, port, ...(typeof endPort === 'number' && { endPort }) }];
}

/** Missing or `[]` → undefined (Kubernetes: "all"); entries → those that are well-formed. */
function readList<T>(value: unknown, read: (item: unknown) => T[]): T[] | undefined {
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) return undefined;
  return Array.isArray(value) ? value.flatMap(read) : [];
}

function readRule(value: unknown, peersKey: 'from' | 'to'): RuleSpec {
  if (!isPlainObject(value)) return { peers: [] };
  return { peers: readList(field(value, peersKey), readPeer), ports: readList(field(value, 'ports'), readPort) };
}

function effectivePolicyTypes(spec: unknown): Direction[] {
  const given = arrayField(spec, 'policyTypes');
  if (given.length === 0) return arrayField(spec, 'egress').length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
  return (['Ingress', 'Egress'] as const).filter(d => given.includes(d));
}

/** A NetworkPolicy object (already checked with `isNetworkPolicy`) after defaulting. */
export function readPolicy({ object, source }: ManifestObject): Policy {
  const meta = objectMeta(object);
  const spec = field(object, 'spec');
  return {
    namespace: meta.namespace,
    name: meta.name!,
    // A missing spec.podSelector is the same as `{}` (and a malformed one is read as missing).
    podSelector: readSelector(field(spec, 'podSelector')) ?? {},
    policyTypes: effectivePolicyTypes(spec),
    ingress: arrayField(spec, 'ingress').map(r => readRule(r, 'from')),
    egress: arrayField(spec, 'egress').map(r => readRule(r, 'to')),
    raw: object,
    source,
  };
}
