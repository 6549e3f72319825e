/**
 * Random security intents: what a user asks of the constructs, as plain data. `intentArbitrary`
 * generates only intents the constructs accept (refusals are tested elsewhere), and
 * `synthesizeIntent` builds them through the public API only.
 */
import { App, Chart } from 'cdk8s';
import fc from 'fast-check';
import { IpBlock, ipBlockArbitrary } from './addresses';
import { Labels, labelsArbitrary, NAMESPACE_LABELS, NAMESPACE_NAMES, POD_LABELS, PORT_NAME_POOL, Protocol, PROTOCOLS } from './cluster';
import type { LabelRequirement } from './label-selector';
import {
  AllowFrom, AllowTo, DefaultDeny, DnsEgress, DnsResolver, LabelExpression, Peer, PodSelector, Port, Protocol as PortProtocol, TierIsolation,
} from '../../src';
import { chartManifests } from '../../src/chart-manifests';

/** `all` is `PodSelector.all()`; otherwise at least one label or expression. */
export type SelectorIntent = 'all' | { readonly labels: Labels; readonly expressions: readonly LabelRequirement[] };

export type PeerIntent =
  | { readonly kind: 'pods'; readonly pods: SelectorIntent }
  | { readonly kind: 'namespace'; readonly name: string }
  | { readonly kind: 'namespaces'; readonly labels: Labels }
  | { readonly kind: 'allNamespaces' }
  | { readonly kind: 'podsInNamespace'; readonly name: string; readonly pods: SelectorIntent }
  | { readonly kind: 'podsInNamespaces'; readonly labels: Labels; readonly pods: SelectorIntent }
  | { readonly kind: 'ipBlock'; readonly block: IpBlock }
  | { readonly kind: 'anywhere' };

/** `Port.tcp(n)` when `from === to`, else `Port.tcpRange(from, to)` (same for UDP and SCTP). */
export type PortIntent =
  | { readonly kind: 'ports'; readonly protocol: Protocol; readonly from: number; readonly to: number }
  | { readonly kind: 'all'; readonly protocol: Protocol }
  | { readonly kind: 'named'; readonly name: string; readonly protocol?: Protocol };

export interface RuleIntent {
  readonly peers: readonly PeerIntent[];
  /** undefined: every port of every protocol. */
  readonly ports?: readonly PortIntent[];
}

export type ResolverIntent =
  | { readonly kind: 'kubeDns' | 'openShift' | 'anyDestination' }
  | { readonly kind: 'nodeLocal'; readonly clusterIp?: string }
  | { readonly kind: 'custom'; readonly peers: readonly PeerIntent[]; readonly ports?: readonly number[] };

export interface TierIntent {
  readonly name: string;
  readonly namespace?: string;
  /** undefined: every pod of the tier's namespace (only for a tier alone in its namespace). */
  readonly pods?: SelectorIntent;
  readonly ports: readonly PortIntent[];
  readonly from?: readonly PeerIntent[];
  readonly egress?: readonly RuleIntent[];
}

export type PolicyIntent =
  | { readonly kind: 'DefaultDeny'; readonly namespace?: string; readonly pods?: SelectorIntent; readonly ingress: boolean; readonly egress: boolean }
  | { readonly kind: 'AllowFrom' | 'AllowTo'; readonly namespace?: string; readonly pods: SelectorIntent; readonly rule: RuleIntent }
  | { readonly kind: 'DnsEgress'; readonly namespace?: string; readonly pods?: SelectorIntent; readonly resolvers: readonly ResolverIntent[] }
  | { readonly kind: 'TierIsolation'; readonly namespace?: string; readonly tiers: readonly TierIntent[]; readonly resolvers?: readonly ResolverIntent[] };

export interface Intent {
  readonly chartNamespace: string;
  readonly policies: readonly PolicyIntent[];
}

// ---------------------------------------------------------------------------------------------
// Generation

const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const namespaceName = fc.constantFrom(...NAMESPACE_NAMES, 'elsewhere');
const protocol = fc.constantFrom(...PROTOCOLS);
const interestingPort = fc.oneof(fc.constantFrom(1, 53, 80, 443, 3868, 5353, 8080, 9090, 9153, 65535), fc.integer({ min: 1, max: 65535 }));

const requirement: fc.Arbitrary<LabelRequirement> = fc.constantFrom(...Object.keys(POD_LABELS)).chain(key => fc.oneof(
  fc.record({
    key: fc.constant(key),
    operator: fc.constantFrom('In' as const, 'NotIn' as const),
    values: fc.uniqueArray(fc.constantFrom(...POD_LABELS[key], 'other'), { minLength: 1, maxLength: 2 }),
  }),
  fc.record({ key: fc.constant(key), operator: fc.constantFrom('Exists' as const, 'DoesNotExist' as const) }),
));

const selectorArbitrary: fc.Arbitrary<SelectorIntent> = fc.oneof(
  fc.constant('all' as const),
  fc.record({ labels: labelsArbitrary(POD_LABELS), expressions: fc.array(requirement, { maxLength: 2 }) })
    .filter(s => Object.keys(s.labels).length + s.expressions.length > 0),
);

const namespaceLabels = labelsArbitrary(NAMESPACE_LABELS).filter(labels => Object.keys(labels).length > 0);

const podPeer: fc.Arbitrary<PeerIntent> = fc.oneof(
  fc.record({ kind: fc.constant('pods' as const), pods: selectorArbitrary }),
  fc.record({ kind: fc.constant('namespace' as const), name: namespaceName }),
  fc.record({ kind: fc.constant('namespaces' as const), labels: namespaceLabels }),
  fc.constant({ kind: 'allNamespaces' as const }),
  fc.record({ kind: fc.constant('podsInNamespace' as const), name: namespaceName, pods: selectorArbitrary }),
  fc.record({ kind: fc.constant('podsInNamespaces' as const), labels: namespaceLabels, pods: selectorArbitrary }),
);
const ipBlockPeer: fc.Arbitrary<PeerIntent> = ipBlockArbitrary.map(block => ({ kind: 'ipBlock' as const, block }));
const anywhere: fc.Arbitrary<PeerIntent> = fc.constant({ kind: 'anywhere' as const });
const anyPeer = fc.oneof({ weight: 6, arbitrary: podPeer }, { weight: 2, arbitrary: ipBlockPeer }, { weight: 1, arbitrary: anywhere });

const numericPort: fc.Arbitrary<PortIntent> = fc.oneof(
  fc.record({ kind: fc.constant('ports' as const), protocol, from: interestingPort }).map(p => ({ ...p, to: p.from })),
  fc.record({ kind: fc.constant('ports' as const), protocol, from: interestingPort, span: fc.integer({ min: 0, max: 3000 }) })
    .map(({ span, ...p }) => ({ ...p, to: Math.min(65535, p.from + span) })),
  fc.record({ kind: fc.constant('all' as const), protocol }),
);
const namedPort: fc.Arbitrary<PortIntent> = fc.record(
  { kind: fc.constant('named' as const), name: fc.constantFrom(...PORT_NAME_POOL, 'absent'), protocol },
  { requiredKeys: ['kind', 'name'] },
);
const portList = fc.array(fc.oneof(numericPort, namedPort), { minLength: 1, maxLength: 3 });

/**
 * A rule the constructs accept: named ports only with pod peers (they resolve on pods), and in
 * egress never towards `anywhere`.
 */
function ruleArbitrary(direction: 'ingress' | 'egress'): fc.Arbitrary<RuleIntent> {
  const peers = fc.array(anyPeer, { minLength: 1, maxLength: 3 });
  return fc.record({ peers, ports: optional(portList) }, { requiredKeys: ['peers'] }).map(rule => {
    const named = rule.ports?.some(p => p.kind === 'named');
    const refused = rule.peers.some(p => p.kind === 'ipBlock' || (direction === 'egress' && p.kind === 'anywhere'));
    return named && refused ? { ...rule, ports: rule.ports!.filter(p => p.kind !== 'named') } : rule;
  }).map(rule => (rule.ports?.length === 0 ? { peers: rule.peers } : rule));
}

const resolverArbitrary: fc.Arbitrary<ResolverIntent> = fc.oneof(
  fc.constantFrom({ kind: 'kubeDns' as const }, { kind: 'openShift' as const }, { kind: 'anyDestination' as const }),
  fc.record({ kind: fc.constant('nodeLocal' as const), clusterIp: fc.constantFrom('10.96.0.10', 'fd00::a') }, { requiredKeys: ['kind'] }),
  fc.record({
    kind: fc.constant('custom' as const),
    peers: fc.array(anyPeer, { minLength: 1, maxLength: 2 }),
    ports: fc.array(fc.constantFrom(53, 5353, 8053), { minLength: 1, maxLength: 2 }),
  }, { requiredKeys: ['kind', 'peers'] }),
);
const resolvers = fc.array(resolverArbitrary, { minLength: 1, maxLength: 2 });

const TIER_NAMES = ['frontend', 'backend', 'database'];
const TIER_APPS = POD_LABELS.app;

const tierDraft = (first: boolean) => fc.record({
  namespace: optional(fc.constantFrom(...NAMESPACE_NAMES)),
  extra: fc.array(requirement, { maxLength: 1 }),
  wholeNamespace: fc.boolean(),
  ports: portList,
  from: first ? optional(fc.array(anyPeer, { minLength: 1, maxLength: 2 })) : fc.constant(undefined),
  egress: optional(fc.array(ruleArbitrary('egress'), { minLength: 1, maxLength: 2 })),
});
type TierDraft = typeof tierDraft extends (first: boolean) => fc.Arbitrary<infer T> ? T : never;

/**
 * Two or three tiers, each with its own `app` label (so no two tiers select the same pods); a
 * tier alone in a namespace of its own may leave `pods` out.
 */
const tiersArbitrary: fc.Arbitrary<TierIntent[]> = fc.integer({ min: 2, max: 3 })
  .chain(count => fc.tuple(...Array.from({ length: count }, (_, i) => tierDraft(i === 0))))
  .map(drafts => drafts.map((draft, i) => toTier(draft, i, drafts)));

function toTier({ namespace, extra, wholeNamespace, ports: tierPorts, from, egress }: TierDraft, i: number, drafts: TierDraft[]): TierIntent {
  const alone = namespace !== undefined && drafts.every((other, j) => j === i || (other.namespace !== undefined && other.namespace !== namespace));
  const pods = wholeNamespace && alone ? undefined : { labels: { app: TIER_APPS[i] }, expressions: extra };
  // The first tier receives on its ports from `from`: named ports are refused there when `from` has an ipBlock.
  const numericOnly = from?.some(p => p.kind === 'ipBlock') ?? false;
  const received = numericOnly ? tierPorts.filter(p => p.kind !== 'named') : tierPorts;
  return { name: TIER_NAMES[i], namespace, pods, ports: received.length > 0 ? received : [{ kind: 'all', protocol: 'TCP' }], from, egress };
}

const policyArbitrary: fc.Arbitrary<PolicyIntent> = fc.oneof(
  fc.record({
    kind: fc.constant('DefaultDeny' as const),
    namespace: optional(namespaceName),
    pods: optional(selectorArbitrary),
    ingress: fc.boolean(),
    egress: fc.boolean(),
  }, { requiredKeys: ['kind', 'ingress', 'egress'] }).map(p => (p.ingress || p.egress ? p : { ...p, ingress: true })),
  fc.record({ kind: fc.constant('AllowFrom' as const), namespace: optional(namespaceName), pods: selectorArbitrary, rule: ruleArbitrary('ingress') }, { requiredKeys: ['kind', 'pods', 'rule'] }),
  fc.record({ kind: fc.constant('AllowTo' as const), namespace: optional(namespaceName), pods: selectorArbitrary, rule: ruleArbitrary('egress') }, { requiredKeys: ['kind', 'pods', 'rule'] }),
  fc.record({ kind: fc.constant('DnsEgress' as const), namespace: optional(namespaceName), pods: optional(selectorArbitrary), resolvers }, { requiredKeys: ['kind', 'resolvers'] }),
  fc.record({ kind: fc.constant('TierIsolation' as const), namespace: optional(namespaceName), tiers: tiersArbitrary, resolvers: optional(resolvers) }, { requiredKeys: ['kind', 'tiers'] }),
);

export const intentArbitrary: fc.Arbitrary<Intent> = fc.record({
  chartNamespace: fc.constantFrom(...NAMESPACE_NAMES),
  policies: fc.array(policyArbitrary, { minLength: 1, maxLength: 5 }),
}).map(intent => ({
  ...intent,
  policies: intent.policies.map(p => (p.kind === 'TierIsolation' ? withoutShortcuts(p, p.namespace ?? intent.chartNamespace) : p)),
}));

type TierIsolationIntent = Extract<PolicyIntent, { kind: 'TierIsolation' }>;

/**
 * TierIsolation refuses an extra peer (first tier's `from`, any tier's `egress`) written exactly
 * as the peer of a tier it may not reach directly; such peers are dropped here.
 */
function withoutShortcuts(policy: TierIsolationIntent, namespace: string): TierIsolationIntent {
  const namespaces = policy.tiers.map(tier => tier.namespace ?? namespace);
  const isTier = (peer: PeerIntent, j: number, i: number): boolean => {
    const pods = policy.tiers[j].pods;
    if (namespaces[j] === namespaces[i]) return peer.kind === 'pods' && sameSelector(peer.pods, pods ?? 'all');
    if (pods === undefined) return peer.kind === 'namespace' && peer.name === namespaces[j];
    return peer.kind === 'podsInNamespace' && peer.name === namespaces[j] && sameSelector(peer.pods, pods);
  };
  const keep = (peers: readonly PeerIntent[], i: number, allowed: number) =>
    peers.filter(peer => !policy.tiers.some((_, j) => j !== i && j !== allowed && isTier(peer, j, i)));
  const tiers = policy.tiers.map((tier, i) => {
    const from = tier.from && keep(tier.from, i, -1);
    const egress = tier.egress?.map(rule => ({ ...rule, peers: keep(rule.peers, i, i + 1) })).filter(rule => rule.peers.length > 0);
    return { ...tier, from: from?.length ? from : undefined, egress: egress?.length ? egress : undefined };
  });
  return { ...policy, tiers };
}

const sameSelector = (a: SelectorIntent, b: SelectorIntent) => JSON.stringify(a) === JSON.stringify(b);

// ---------------------------------------------------------------------------------------------
// Synthesis, through the public API only

/** The intent's manifests, as the constructs write them (the chart-wide synth-time lint is tested elsewhere, so not run). */
export function synthesizeIntent(intent: Intent): object[] {
  // A bare App: Testing.app() makes a temp folder per call, and nothing is written here.
  const chart = new Chart(new App(), 'intent', { namespace: intent.chartNamespace });
  intent.policies.forEach((policy, i) => addPolicy(chart, `p${i}`, policy));
  return chartManifests(chart) as object[];
}

function addPolicy(chart: Chart, id: string, policy: PolicyIntent): void {
  const namespace = policy.namespace;
  switch (policy.kind) {
    case 'DefaultDeny':
      new DefaultDeny(chart, id, { namespace, pods: policy.pods && toPodSelector(policy.pods), ingress: policy.ingress, egress: policy.egress });
      return;
    case 'AllowFrom':
      new AllowFrom(chart, id, { namespace, pods: toPodSelector(policy.pods), from: toPeers(policy.rule), ports: toPorts(policy.rule) });
      return;
    case 'AllowTo':
      new AllowTo(chart, id, { namespace, pods: toPodSelector(policy.pods), to: toPeers(policy.rule), ports: toPorts(policy.rule) });
      return;
    case 'DnsEgress':
      new DnsEgress(chart, id, { namespace, pods: policy.pods && toPodSelector(policy.pods), resolver: toResolver(policy.resolvers) });
      return;
    case 'TierIsolation':
      new TierIsolation(chart, id, {
        namespace,
        dns: policy.resolvers && toResolver(policy.resolvers),
        tiers: policy.tiers.map(tier => ({
          name: tier.name,
          namespace: tier.namespace,
          pods: tier.pods && toPodSelector(tier.pods),
          ports: tier.ports.map(toPort),
          from: tier.from?.map(toPeer),
          egress: tier.egress?.map(rule => ({ to: toPeers(rule), ports: toPorts(rule) })),
        })),
      });
      return;
  }
}

const toPeers = (rule: RuleIntent) => rule.peers.map(toPeer);
const toPorts = (rule: RuleIntent) => rule.ports?.map(toPort);

function toPodSelector(selector: SelectorIntent): PodSelector {
  if (selector === 'all') return PodSelector.all();
  const expressions = selector.expressions.map(({ key, operator, values = [] }) => {
    switch (operator) {
      case 'In': return LabelExpression.in(key, [...values]);
      case 'NotIn': return LabelExpression.notIn(key, [...values]);
      case 'Exists': return LabelExpression.exists(key);
      case 'DoesNotExist': return LabelExpression.doesNotExist(key);
    }
  });
  return PodSelector.of({ labels: { ...selector.labels }, expressions });
}

function toPeer(peer: PeerIntent): Peer {
  switch (peer.kind) {
    case 'pods': return Peer.pods(toPodSelector(peer.pods));
    case 'namespace': return Peer.namespace(peer.name);
    case 'namespaces': return Peer.namespaces({ ...peer.labels });
    case 'allNamespaces': return Peer.allNamespaces();
    case 'podsInNamespace': return Peer.podsInNamespace(peer.name, toPodSelector(peer.pods));
    case 'podsInNamespaces': return Peer.podsInNamespaces({ ...peer.labels }, toPodSelector(peer.pods));
    case 'ipBlock': return Peer.ipBlock(peer.block.cidr, peer.block.except && [...peer.block.except]);
    case 'anywhere': return Peer.anywhere();
  }
}

const SINGLE = { TCP: Port.tcp, UDP: Port.udp, SCTP: Port.sctp };
const RANGE = { TCP: Port.tcpRange, UDP: Port.udpRange, SCTP: Port.sctpRange };
const ALL = { TCP: Port.allTcp, UDP: Port.allUdp, SCTP: Port.allSctp };

function toPort(port: PortIntent): Port {
  switch (port.kind) {
    case 'ports': return port.from === port.to ? SINGLE[port.protocol](port.from) : RANGE[port.protocol](port.from, port.to);
    case 'all': return ALL[port.protocol]();
    case 'named': return Port.named(port.name, port.protocol && PortProtocol[port.protocol]);
  }
}

function toResolver(presets: readonly ResolverIntent[]): DnsResolver {
  return DnsResolver.combine(...presets.map(resolver => {
    switch (resolver.kind) {
      case 'kubeDns': return DnsResolver.kubeDns();
      case 'openShift': return DnsResolver.openShift();
      case 'anyDestination': return DnsResolver.anyDestination();
      case 'nodeLocal': return DnsResolver.nodeLocal({ clusterIp: resolver.clusterIp });
      case 'custom': return DnsResolver.custom(resolver.peers.map(toPeer), resolver.ports && [...resolver.ports]);
    }
  }));
}
