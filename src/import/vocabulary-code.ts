/**
 * Selectors, peers and ports of a NetworkPolicy, as read by the analysis model, written back as
 * the library's vocabulary: the source text of each value, and the value itself, so that what the
 * text builds can be rendered by the library and compared (dns-resolver-code.ts).
 */
import { stringListLiteral, stringLiteral, stringMapLiteral } from './typescript-literals';
import type { IpBlockSpec, LabelSelectorRequirementSpec, LabelSelectorSpec, PeerSpec, PortSpec, Protocol as ModelProtocol } from '../analysis/model';
import { dns1123LabelProblem } from '../analysis/validation/dns-1123';
import { LabelExpression } from '../vocabulary/label-expression';
import { Peer } from '../vocabulary/peer';
import { PodSelector } from '../vocabulary/pod-selector';
import { Port } from '../vocabulary/port';
import { Protocol } from '../vocabulary/protocol';

/** A vocabulary value and the TypeScript that makes it. */
export interface Code<T> {
  readonly text: string;
  readonly value: T;
}

/** The label every namespace carries: its name (what `Peer.namespace(name)` selects). */
const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

export function podSelectorCode(selector: LabelSelectorSpec): Code<PodSelector> {
  const labels = { ...selector.matchLabels };
  const expressions = (selector.matchExpressions ?? []).map(expressionCode);
  const hasLabels = Object.keys(labels).length > 0;
  if (expressions.length === 0) {
    return hasLabels
      ? { text: `PodSelector.labels(${stringMapLiteral(labels)})`, value: PodSelector.labels(labels) }
      : { text: 'PodSelector.all()', value: PodSelector.all() };
  }
  const parts = [...hasLabels ? [`labels: ${stringMapLiteral(labels)}`] : [], `expressions: ${codeList(expressions)}`];
  return {
    text: `PodSelector.of({ ${parts.join(', ')} })`,
    value: PodSelector.of({ labels, expressions: expressions.map(e => e.value) }),
  };
}

function expressionCode(requirement: LabelSelectorRequirementSpec): Code<LabelExpression> {
  const call = (factory: string, ...args: string[]) => `LabelExpression.${factory}(${args.join(', ')})`;
  const key = stringLiteral(requirement.key);
  const values = [...requirement.values ?? []];
  switch (requirement.operator) {
    case 'In': return { text: call('in', key, stringListLiteral(values)), value: LabelExpression.in(requirement.key, values) };
    case 'NotIn': return { text: call('notIn', key, stringListLiteral(values)), value: LabelExpression.notIn(requirement.key, values) };
    case 'Exists': return { text: call('exists', key), value: LabelExpression.exists(requirement.key) };
    case 'DoesNotExist': return { text: call('doesNotExist', key), value: LabelExpression.doesNotExist(requirement.key) };
  }
}

/** Every peer (a rule without `from` / `to`). */
export function anywhereCode(): Code<Peer> {
  return { text: 'Peer.anywhere()', value: Peer.anywhere() };
}

export function peerCode(peer: PeerSpec): Code<Peer> {
  const call = (factory: string, ...args: string[]) => `Peer.${factory}(${args.join(', ')})`;
  if (peer.ipBlock) return ipBlockCode(peer.ipBlock, call);
  const pods = peer.podSelector && podSelectorCode(peer.podSelector);
  const namespaces = peer.namespaceSelector;
  if (namespaces === undefined) {
    return { text: call('pods', pods!.text), value: Peer.pods(pods!.value) };
  }
  const labels = { ...namespaces.matchLabels };
  const expressions = (namespaces.matchExpressions ?? []).map(expressionCode);
  const byName = expressions.length === 0 ? namespaceName(labels) : undefined;
  if (Object.keys(labels).length === 0 && expressions.length === 0) {
    return pods
      ? { text: call('podsInAllNamespaces', pods.text), value: Peer.podsInAllNamespaces(pods.value) }
      : { text: call('allNamespaces'), value: Peer.allNamespaces() };
  }
  if (byName !== undefined) {
    return pods
      ? { text: call('podsInNamespace', stringLiteral(byName), pods.text), value: Peer.podsInNamespace(byName, pods.value) }
      : { text: call('namespace', stringLiteral(byName)), value: Peer.namespace(byName) };
  }
  const expressionArgs = expressions.length > 0 ? [codeList(expressions)] : [];
  const expressionValues = expressions.length > 0 ? expressions.map(e => e.value) : undefined;
  return pods
    ? { text: call('podsInNamespaces', stringMapLiteral(labels), pods.text, ...expressionArgs), value: Peer.podsInNamespaces(labels, pods.value, expressionValues) }
    : { text: call('namespaces', stringMapLiteral(labels), ...expressionArgs), value: Peer.namespaces(labels, expressionValues) };
}

/** The namespace's name, when the labels select exactly one namespace by the label of its name. */
function namespaceName(labels: Record<string, string>): string | undefined {
  const keys = Object.keys(labels);
  const name = labels[NAMESPACE_NAME_LABEL];
  // A label value that is no namespace name selects nothing, and Peer.namespace refuses it: keep it a label.
  return keys.length === 1 && name !== undefined && dns1123LabelProblem(name) === undefined ? name : undefined;
}

function ipBlockCode(block: IpBlockSpec, call: (factory: string, ...args: string[]) => string): Code<Peer> {
  const except = block.except && block.except.length > 0 ? [...block.except] : undefined;
  const exceptArgs = except ? [stringListLiteral(except)] : [];
  if (block.cidr === '0.0.0.0/0') return { text: call('anyIpv4', ...exceptArgs), value: Peer.anyIpv4(except) };
  if (block.cidr === '::/0') return { text: call('anyIpv6', ...exceptArgs), value: Peer.anyIpv6(except) };
  return { text: call('ipBlock', stringLiteral(block.cidr), ...exceptArgs), value: Peer.ipBlock(block.cidr, except) };
}

/** The factories of `Port` for each protocol: `Port.tcp`, `Port.tcpRange`, `Port.allTcp`… */
interface PortFactories {
  readonly one: string;
  readonly protocol: Protocol;
  single(port: number): Port;
  range(from: number, to: number): Port;
  all(): Port;
}

const PORT_FACTORIES: Record<ModelProtocol, PortFactories> = {
  TCP: { one: 'tcp', protocol: Protocol.TCP, single: Port.tcp, range: Port.tcpRange, all: Port.allTcp },
  UDP: { one: 'udp', protocol: Protocol.UDP, single: Port.udp, range: Port.udpRange, all: Port.allUdp },
  SCTP: { one: 'sctp', protocol: Protocol.SCTP, single: Port.sctp, range: Port.sctpRange, all: Port.allSctp },
};

export function portCode(port: PortSpec): Code<Port> {
  const factories = PORT_FACTORIES[port.protocol];
  const call = (factory: string, ...args: (string | number)[]) => `Port.${factory}(${args.join(', ')})`;
  if (port.port === undefined) {
    const all = `all${factories.one.charAt(0).toUpperCase()}${factories.one.slice(1)}`;
    return { text: call(all), value: factories.all() };
  }
  if (typeof port.port === 'string') {
    const args = factories.protocol === Protocol.TCP ? [stringLiteral(port.port)] : [stringLiteral(port.port), `Protocol.${factories.protocol}`];
    return { text: call('named', ...args), value: Port.named(port.port, factories.protocol) };
  }
  if (port.endPort !== undefined && port.endPort !== port.port) {
    return { text: call(`${factories.one}Range`, port.port, port.endPort), value: factories.range(port.port, port.endPort) };
  }
  return { text: call(factories.one, port.port), value: factories.single(port.port) };
}

/** `[a, b]` of the values' texts. */
export function codeList(codes: readonly Code<unknown>[]): string {
  return `[${codes.map(code => code.text).join(', ')}]`;
}
