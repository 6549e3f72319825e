/**
 * What an intent means, decided from the constructs' documented meaning alone, never from what
 * they render: each construct isolates some pods in some directions and grants them traffic
 * with some peers on some ports. A connection is allowed when the source's egress and the
 * destination's ingress each are either not isolated or granted it. Shares nothing with the
 * renderer or the analyzer.
 */
import { IpBlock, ipBlockAdmits } from './addresses';
import { Cluster, namespaceLabelsOf, Protocol } from './cluster';
import type { PeerIntent, PolicyIntent, PortIntent, ResolverIntent, RuleIntent, SelectorIntent, Intent } from './intent';
import { selects } from './label-selector';
import type { RefEnd } from './reference-evaluator';

type Direction = 'ingress' | 'egress';

/** These pods are isolated in this direction. */
interface Isolation {
  readonly namespace: string;
  readonly pods: SelectorIntent;
  readonly direction: Direction;
}

/** …and may exchange traffic with these peers on these ports. */
interface Grant extends Isolation {
  readonly rule: RuleIntent;
}

export interface IntentMeaning {
  readonly isolations: readonly Isolation[];
  readonly grants: readonly Grant[];
}

export function meaningOf(intent: Intent): IntentMeaning {
  const isolations: Isolation[] = [];
  const grants: Grant[] = [];
  const isolate = (namespace: string, pods: SelectorIntent, direction: Direction, rules: readonly RuleIntent[]) => {
    isolations.push({ namespace, pods, direction });
    grants.push(...rules.map(rule => ({ namespace, pods, direction, rule })));
  };
  for (const policy of intent.policies) {
    const namespace = policy.namespace ?? intent.chartNamespace;
    for (const [pods, direction, rules] of constructMeaning(policy, namespace)) isolate(pods.namespace, pods.selector, direction, rules);
  }
  return { isolations, grants };
}

type Pods = { readonly namespace: string; readonly selector: SelectorIntent };

/** Each construct as (pods, direction isolated, rules granted) triples. */
function constructMeaning(policy: PolicyIntent, namespace: string): Array<[Pods, Direction, readonly RuleIntent[]]> {
  switch (policy.kind) {
    case 'DefaultDeny': {
      const pods = { namespace, selector: policy.pods ?? 'all' };
      const directions: Direction[] = [...policy.ingress ? ['ingress' as const] : [], ...policy.egress ? ['egress' as const] : []];
      return directions.map(direction => [pods, direction, []]);
    }
    case 'AllowFrom': return [[{ namespace, selector: policy.pods }, 'ingress', [policy.rule]]];
    case 'AllowTo': return [[{ namespace, selector: policy.pods }, 'egress', [policy.rule]]];
    case 'DnsEgress': return [[{ namespace, selector: policy.pods ?? 'all' }, 'egress', policy.resolvers.flatMap(resolverRules)]];
    case 'TierIsolation': return tierMeaning(policy, namespace);
  }
}

/**
 * Every tier is isolated both ways; it receives on its ports from the tier before it (the first
 * from `from`, else nobody), and sends to the next tier on that tier's ports, to DNS and to its
 * own extra egress.
 */
function tierMeaning(policy: Extract<PolicyIntent, { kind: 'TierIsolation' }>, namespace: string): Array<[Pods, Direction, readonly RuleIntent[]]> {
  const tiers = policy.tiers.map(tier => ({ ...tier, namespace: tier.namespace ?? namespace }));
  const podsOf = (i: number): PeerIntent => ({ kind: 'podsInNamespace', name: tiers[i].namespace, pods: tiers[i].pods ?? 'all' });
  const dns = (policy.resolvers ?? [{ kind: 'kubeDns' }]).flatMap(resolverRules);
  return tiers.flatMap((tier, i): Array<[Pods, Direction, readonly RuleIntent[]]> => {
    const pods = { namespace: tier.namespace, selector: tier.pods ?? 'all' };
    const previous = i === 0 ? tier.from : [podsOf(i - 1)];
    const next = tiers[i + 1];
    return [
      [pods, 'ingress', previous ? [{ peers: previous, ports: tier.ports }] : []],
      [pods, 'egress', [...next ? [{ peers: [podsOf(i + 1)], ports: next.ports }] : [], ...dns, ...tier.egress ?? []]],
    ];
  });
}

const dnsPorts = (numbers: readonly number[]): PortIntent[] =>
  numbers.flatMap(n => [{ kind: 'ports', protocol: 'UDP', from: n, to: n }, { kind: 'ports', protocol: 'TCP', from: n, to: n }]);

/** Where each DnsResolver preset says DNS servers are. */
function resolverRules(resolver: ResolverIntent): RuleIntent[] {
  switch (resolver.kind) {
    case 'kubeDns':
      return [{ peers: [{ kind: 'podsInNamespace', name: 'kube-system', pods: { labels: { 'k8s-app': 'kube-dns' }, expressions: [] } }], ports: dnsPorts([53]) }];
    case 'openShift':
      return [{ peers: [{ kind: 'podsInNamespace', name: 'openshift-dns', pods: { labels: { 'dns.operator.openshift.io/daemonset-dns': 'default' }, expressions: [] } }], ports: dnsPorts([5353]) }];
    case 'anyDestination':
      return [{ peers: [{ kind: 'anywhere' }], ports: dnsPorts([53]) }];
    case 'nodeLocal': {
      const hosts = ['169.254.20.10', ...resolver.clusterIp ? [resolver.clusterIp] : []];
      return [{ peers: hosts.map(ip => ({ kind: 'ipBlock', block: { cidr: ip.includes(':') ? `${ip}/128` : `${ip}/32` } })), ports: dnsPorts([53]) }];
    }
    case 'custom':
      return [{ peers: resolver.peers, ports: dnsPorts(resolver.ports ?? [53]) }];
  }
}

export function intentAllows(cluster: Cluster, meaning: IntentMeaning, src: RefEnd, dst: RefEnd): (protocol: Protocol, port: number) => boolean {
  const egress = grantedPorts(cluster, meaning, 'egress', src, dst);
  const ingress = grantedPorts(cluster, meaning, 'ingress', dst, src);
  const grants = (ports: ReturnType<typeof grantedPorts>, protocol: Protocol, port: number) => ports === 'open'
    || ports.some(list => list === undefined || list.some(p => portIncludes(p, dst, protocol, port)));
  return (protocol, port) => grants(egress, protocol, port) && grants(ingress, protocol, port);
}

/** The port lists granted to `end` with `other` in `direction`; `open` when `end` is not isolated that way. */
function grantedPorts(cluster: Cluster, meaning: IntentMeaning, direction: Direction, end: RefEnd, other: RefEnd): 'open' | Array<readonly PortIntent[] | undefined> {
  const applies = (pods: Isolation) => pods.direction === direction && end.kind === 'pod' && !end.hostNetwork
    && end.namespace === pods.namespace && selectorHolds(pods.pods, end.labels);
  if (!meaning.isolations.some(applies)) return 'open';
  return meaning.grants
    .filter(grant => applies(grant) && grant.rule.peers.some(peer => peerIncludes(cluster, peer, grant.namespace, other)))
    .map(grant => grant.rule.ports);
}

function selectorHolds(selector: SelectorIntent, labels: Readonly<Record<string, string>>): boolean {
  return selector === 'all' || selects({ matchLabels: selector.labels, matchExpressions: selector.expressions }, labels);
}

function peerIncludes(cluster: Cluster, peer: PeerIntent, policyNamespace: string, endpoint: RefEnd): boolean {
  if (peer.kind === 'anywhere') return true;
  if (endpoint.kind === 'address') return peer.kind === 'ipBlock' && ipBlockAdmits(peer.block, endpoint.ip);
  const { namespace, labels, hostNetwork } = endpoint;
  const namespaceHas = (wanted: Readonly<Record<string, string>>) => selects({ matchLabels: wanted }, namespaceLabelsOf(cluster, namespace));
  if (hostNetwork) return false;
  switch (peer.kind) {
    case 'ipBlock': return false;
    case 'pods': return namespace === policyNamespace && selectorHolds(peer.pods, labels);
    case 'namespace': return namespace === peer.name;
    case 'namespaces': return namespaceHas(peer.labels);
    case 'allNamespaces': return true;
    case 'podsInNamespace': return namespace === peer.name && selectorHolds(peer.pods, labels);
    case 'podsInNamespaces': return namespaceHas(peer.labels) && selectorHolds(peer.pods, labels);
  }
}

function portIncludes(port: PortIntent, dst: RefEnd, protocol: Protocol, number: number): boolean {
  switch (port.kind) {
    case 'ports': return port.protocol === protocol && port.from <= number && number <= port.to;
    case 'all': return port.protocol === protocol;
    case 'named': return (port.protocol ?? 'TCP') === protocol && dst.kind === 'pod'
      && dst.namedPorts.some(p => p.name === port.name && p.protocol === protocol && p.port === number);
  }
}

/** Every ipBlock the intent names, for probing addresses around them. */
export function intentIpBlocks(meaning: IntentMeaning): IpBlock[] {
  return meaning.grants.flatMap(g => g.rule.peers.flatMap(p => (p.kind === 'ipBlock' ? [p.block] : [])));
}

/** Every port number and range edge the intent names. */
export function intentPortEdges(meaning: IntentMeaning): number[] {
  return meaning.grants.flatMap(g => (g.rule.ports ?? []).flatMap(p => (p.kind === 'ports' ? [p.from, p.to] : [])));
}
