/**
 * One NetworkPolicy, as read by the analysis model, as the construct that writes it: an intent
 * construct (`DefaultDeny`, `AllowFrom`, `AllowTo`, `DnsEgress`) when one writes exactly its spec,
 * `Policy` otherwise. What the library refuses to write (a trap the API server accepts) is refused
 * here too, naming the policy, its place and the field.
 */
import { type ImportedRule, resolverFor } from './dns-resolver-code';
import { stringLiteral } from './typescript-literals';
import { anywhereCode, type Code, codeList, peerCode, podSelectorCode, portCode } from './vocabulary-code';
import type { Direction, PeerSpec, Policy as PolicyModel, PortSpec, RuleSpec } from '../analysis/model';
import { InputError } from '../io/input-error';
import type { Peer } from '../vocabulary/peer';

/** A construct call, before it is placed in the module. */
export interface ConstructCode {
  /** The library class, e.g. `AllowFrom`. */
  readonly className: string;
  /** The props, one entry per property (`pods: PodSelector.all()`); an entry may span lines, indented relative to its first. */
  readonly props: readonly string[];
  /** What the reader should know about the translation, for a comment above the call. */
  readonly notes: readonly string[];
}

/** The metadata of the policy as written (the model names a policy without a namespace `default`). */
export interface WrittenMetadata {
  readonly name?: string;
  readonly generateName?: string;
  readonly namespace?: string;
}

export function writtenMetadata(policy: PolicyModel): WrittenMetadata {
  const metadata = (policy.raw as { metadata?: Record<string, unknown> }).metadata ?? {};
  const text = (key: string) => (typeof metadata[key] === 'string' ? metadata[key] as string : undefined);
  return { name: text('name'), generateName: text('generateName'), namespace: text('namespace') };
}

export function constructFor(policy: PolicyModel): ConstructCode {
  const metadata = writtenMetadata(policy);
  const notes: string[] = [];
  const props: string[] = [];
  if (metadata.name !== undefined) {
    props.push(`name: ${stringLiteral(metadata.name)}`);
  } else {
    notes.push(`generateName '${metadata.generateName}': the API server picks the name; here cdk8s makes one from the construct path`);
  }
  if (metadata.namespace !== undefined) props.push(`namespace: ${stringLiteral(metadata.namespace)}`);
  const pods = podSelectorCode(policy.podSelector);
  const ingress = directionRules(policy, 'Ingress', notes);
  const egress = directionRules(policy, 'Egress', notes);
  const construct = (className: string, ...more: string[]) => ({ className, props: [...props, ...more], notes });
  const podsUnlessAll = pods.text === 'PodSelector.all()' ? [] : [`pods: ${pods.text}`];

  if ((ingress ?? []).length === 0 && (egress ?? []).length === 0) {
    return construct('DefaultDeny', ...podsUnlessAll, ...ingress ? [] : ['ingress: false'], ...egress ? [] : ['egress: false']);
  }
  if (ingress && !egress && ingress.length === 1) {
    return construct('AllowFrom', `pods: ${pods.text}`, `from: ${peersText(ingress[0])}`, ...portsProp(ingress[0]));
  }
  if (egress && !ingress) {
    const resolver = resolverFor(egress, metadata.namespace);
    if (resolver) return construct('DnsEgress', ...podsUnlessAll, ...resolver.code ? [`resolver: ${resolver.code}`] : []);
    if (egress.length === 1) return construct('AllowTo', `pods: ${pods.text}`, `to: ${peersText(egress[0])}`, ...portsProp(egress[0]));
  }
  return construct('Policy',
    `pods: ${pods.text}`,
    ...ingress && ingress.length > 0 ? [`ingress: ${rulesText(ingress)}`] : [],
    ...egress && egress.length > 0 ? [`egress: ${rulesText(egress)}`] : [],
    ...ingress && ingress.length === 0 ? ['isolateIngress: true'] : [],
    ...egress && egress.length === 0 ? ['isolateEgress: true'] : []);
}

/** The rules of an isolated direction; undefined when it is not isolated (its rules, if any, are left out with a note). */
function directionRules(policy: PolicyModel, direction: Direction, notes: string[]): ImportedRule[] | undefined {
  const field = direction === 'Ingress' ? 'ingress' : 'egress';
  const rules = policy[field];
  if (!policy.policyTypes.includes(direction)) {
    if (rules.length > 0) notes.push(`spec.${field} has ${rules.length} rule(s) that Kubernetes ignores (${direction} is not in spec.policyTypes): left out`);
    return undefined;
  }
  return rules.flatMap((rule, i) => importRule(policy, `spec.${field}[${i}]`, direction, rule, notes));
}

/**
 * The rules that write `rule`: itself, or for an egress rule with named ports toward addresses,
 * the parts the library writes. A named port resolves on destination pods only and never matches
 * an address (docs/semantics.md §2): it is kept for the pod peers, and dropped for `ipBlock`
 * peers; toward every destination it means every pod, `Peer.allNamespaces()`.
 */
function importRule(policy: PolicyModel, field: string, direction: Direction, rule: RuleSpec, notes: string[]): ImportedRule[] {
  if (rule.peers !== undefined && rule.peers.length === 0) {
    // The model's reading of a list whose entries are all malformed: it matches nothing, and no vocabulary says that.
    throw refusal(policy, field, 'has no well-formed peer', 'fix its peers');
  }
  const named = rule.ports?.filter(port => typeof port.port === 'string') ?? [];
  const numbered = rule.ports?.filter(port => typeof port.port !== 'string') ?? [];
  const addresses = rule.peers?.filter(peer => peer.ipBlock !== undefined) ?? [];
  if (named.length === 0 || (rule.peers !== undefined && addresses.length === 0)) return [imported(rule.peers, rule.ports)];
  if (direction === 'Ingress') {
    // On ingress the named port resolves on the policy's own pods, whatever the source: only the port number says it.
    throw refusal(policy, `${field}.ports`, `has the named port '${named[0].port}' in a rule with an ipBlock peer; named ports are resolved on pods, and what they mean for addresses is left to each network plugin`,
      'use the port number');
  }
  const names = named.map(port => `'${port.port}'`).join(', ');
  if (rule.peers === undefined) {
    notes.push(`${field}: the named port(s) ${names} to every destination: to the pods of every namespace (a named port matches no address)`);
    return [...numbered.length > 0 ? [imported(undefined, numbered)] : [], imported([{ namespaceSelector: {} }], named)];
  }
  const pods = rule.peers.filter(peer => peer.ipBlock === undefined);
  notes.push(`${field}: the named port(s) ${names} are kept for the pod peers only (a named port matches no address)`);
  return [
    ...pods.length > 0 ? [imported(pods, rule.ports)] : [],
    ...numbered.length > 0 ? [imported(addresses, numbered)] : [],
  ];
}

function imported(peers: readonly PeerSpec[] | undefined, ports: readonly PortSpec[] | undefined): ImportedRule {
  return { spec: { peers, ports }, peers: peers?.map(peerCode), ports: ports?.map(portCode) };
}

/** Why a policy the API server accepts cannot be imported: the library refuses to write it (a trap). */
function refusal(policy: PolicyModel, field: string, problem: string, fix: string): InputError {
  return new InputError(`NetworkPolicy ${policy.namespace}/${policy.name} cannot be imported: ${field} ${problem}, and cdk8s-netpol does not write that; ${fix} in the manifest and import it again`,
    policy.source?.file, policy.source?.line);
}

function peersText(rule: ImportedRule): string {
  const peers: readonly Code<Peer>[] = rule.peers ?? [anywhereCode()];
  return codeList(peers);
}

function portsProp(rule: ImportedRule): string[] {
  return rule.ports ? [`ports: ${codeList(rule.ports)}`] : [];
}

/** `[\n  { peers: [...], ports: [...] },\n]`: one rule a line. */
function rulesText(rules: readonly ImportedRule[]): string {
  const lines = rules.map(rule => `  { peers: ${peersText(rule)}${rule.ports ? `, ports: ${codeList(rule.ports)}` : ''} },`);
  return `[\n${lines.join('\n')}\n]`;
}
