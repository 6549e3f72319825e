import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { DnsResolver } from './dns-resolver';
import { addNetworkPolicy, describe, PolicyRule, refuseEmpty, ValidatedNetworkPolicy } from './network-policy';
import { dns1123LabelProblem } from '../analysis/validation/dns-1123';
import { Peer } from '../vocabulary/peer';
import { describeNamespace, misplacedWorkload, PodSelector } from '../vocabulary/pod-selector';
import { Port } from '../vocabulary/port';

/**
 * Extra outgoing traffic a tier may send, besides the next tier and DNS.
 */
export interface EgressRule {
  /**
   * Where to (any of them). Must not be empty; `[Peer.anywhere()]` allows every destination.
   */
  readonly to: Peer[];

  /**
   * The destination ports, any of them.
   *
   * @default - every port of every protocol
   */
  readonly ports?: Port[];
}

/**
 * One application layer of a `TierIsolation`.
 */
export interface Tier {
  /**
   * The tier's name, unique in the `TierIsolation`; used in the policy names. A DNS-1123 label,
   * e.g. `frontend`.
   */
  readonly name: string;

  /**
   * The tier's pods.
   *
   * @default - every pod of the tier's namespace (no other tier may then share that namespace)
   */
  readonly pods?: PodSelector;

  /**
   * The tier's namespace. Tiers in different namespaces reach each other with one peer naming the
   * namespace AND the pods.
   *
   * @default - the TierIsolation's namespace, else the chart's
   */
  readonly namespace?: string;

  /**
   * The ports the tier receives on (from the tier before it, or from `from` for the first tier).
   */
  readonly ports: Port[];

  /**
   * Who may connect to the first tier (e.g. `Peer.namespace('ingress-nginx')`). Only the first tier
   * takes this: every other tier receives only from the tier before it.
   *
   * @default - nobody: the first tier receives no traffic
   */
  readonly from?: Peer[];

  /**
   * Outgoing traffic this tier needs besides the next tier and DNS (e.g. an external API). Do not use
   * it to reach a later tier: tiers are never skipped.
   *
   * @default - none
   */
  readonly egress?: EgressRule[];
}

/**
 * Props for `TierIsolation`.
 */
export interface TierIsolationProps {
  /**
   * The application layers, in the order traffic flows (e.g. frontend, backend, database). At least
   * two.
   */
  readonly tiers: Tier[];

  /**
   * Prefix of the policy names: each tier's policy is named `<name>-<tier name>`.
   *
   * @default - names cdk8s generates from the construct path
   */
  readonly name?: string;

  /**
   * The namespace of tiers that do not set their own.
   *
   * @default - the chart's namespace
   */
  readonly namespace?: string;

  /**
   * Where every tier sends DNS queries.
   *
   * @default DnsResolver.kubeDns()
   */
  readonly dns?: DnsResolver;
}

/**
 * Isolates application layers from each other: web → api → db.
 *
 * Every tier is denied all traffic both ways, except that it receives from the tier before it on its
 * own `ports` (the first tier from `from`, else from nobody), and sends to the tier after it on that
 * tier's `ports`, to DNS, and to its declared `egress`. A tier can never be skipped, and the last tier
 * sends nothing but DNS (and its `egress`). Both ends of every hop are written, so each hop works
 * whichever side a network plugin enforces. One NetworkPolicy per tier, in the tier's namespace.
 *
 * "Tier" here means an application layer; it is unrelated to Calico tiers or AdminNetworkPolicy
 * priorities, which order policies by precedence.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/network-policies/
 */
export class TierIsolation extends Construct {
  /** The NetworkPolicies this construct writes, one per tier, in tier order. */
  public readonly apiObjects: ValidatedNetworkPolicy[];

  constructor(scope: Construct, id: string, props: TierIsolationProps) {
    super(scope, id);
    const where = describe('TierIsolation', this);
    const tiers = props.tiers;
    const namespaces = tiers.map(tier => tier.namespace ?? props.namespace ?? Chart.of(this).namespace);
    checkTiers(where, tiers, namespaces);

    const peerFor = (target: number, from: number): Peer => {
      const pods = tiers[target].pods;
      if (namespaces[target] === namespaces[from]) {
        return Peer.pods(pods ?? PodSelector.all());
      }
      return pods ? Peer.podsInNamespace(namespaces[target]!, pods) : Peer.namespace(namespaces[target]!);
    };
    checkNoShortcuts(where, tiers, namespaces, peerFor);
    const dns = (props.dns ?? DnsResolver.kubeDns())._rules;

    this.apiObjects = tiers.map((tier, i) => {
      const receives: PolicyRule[] = i === 0
        ? (tier.from ? [{ peers: tier.from, ports: tier.ports }] : [])
        : [{ peers: [peerFor(i - 1, i)], ports: tier.ports }];
      const next = tiers[i + 1];
      const sends: PolicyRule[] = [
        ...next ? [{ peers: [peerFor(i + 1, i)], ports: next.ports }] : [],
        ...dns,
        ...(tier.egress ?? []).map(rule => ({ peers: rule.to, ports: rule.ports })),
      ];
      const options = { name: props.name !== undefined ? `${props.name}-${tier.name}` : undefined, namespace: tier.namespace ?? props.namespace };
      return addNetworkPolicy(this, tier.name, `${where}, tier '${tier.name}'`, options, {
        pods: tier.pods ?? PodSelector.all(),
        ingress: receives,
        egress: sends,
      });
    });
  }
}

/** Refuses tier lists that cannot mean a clean chain of layers, before anything is rendered. */
function checkTiers(where: string, tiers: Tier[], namespaces: (string | undefined)[]): void {
  if (tiers.length < 2) {
    const has = tiers.length === 0 ? 'no tiers' : `only one tier ('${tiers[0].name}')`;
    throw new Error(`${where}: 'tiers' has ${has}, and isolating layers needs at least two; list every layer in the order traffic flows, or use DefaultDeny with AllowFrom/AllowTo for a single workload`);
  }
  if (new Set(namespaces.map(ns => ns === undefined)).size > 1) {
    const i = namespaces.indexOf(undefined);
    throw new Error(`${where}: 'tiers[${i}].namespace' is not set for tier '${tiers[i].name}' (nor on the TierIsolation or its chart) while other tiers have one, so its namespace is unknown; set 'namespace' on the tier or the TierIsolation`);
  }
  // Each tier's pods rendered once for the pairwise comparison (checkDistinctPods), only if it is compared.
  const podsTexts: (string | undefined)[] = [];
  const podsText = (i: number) => podsTexts[i] ??= JSON.stringify(tiers[i].pods!._toKube());
  tiers.forEach((tier, i) => {
    const field = `tiers[${i}]`;
    const nameProblem = dns1123LabelProblem(tier.name);
    if (nameProblem) {
      throw new Error(`${where}: '${field}.name' ${tier.name} ${nameProblem}; use a short lower-case name such as frontend`);
    }
    const first = tiers.findIndex(other => other.name === tier.name);
    if (first !== i) {
      throw new Error(`${where}: '${field}.name' ${tier.name} is already the name of tiers[${first}]; give every tier its own name`);
    }
    const misplaced = tier.pods && misplacedWorkload(tier.pods, namespaces[i]);
    if (misplaced) {
      throw new Error(`${where}: '${field}.pods' is PodSelector.workload(${misplaced.path}), whose pods are in ${misplaced.home}, but tier '${tier.name}' is in ${describeNamespace(namespaces[i])}; `
        + (misplaced.namespace ? `set the tier's namespace to '${misplaced.namespace}'` : 'give the workload a namespace'));
    }
    refuseEmpty(where, `${field}.ports`, tier.ports, 'every port of every protocol', `list the ports tier '${tier.name}' receives on, e.g. Port.tcp(8080)`);
    if (i > 0 && tier.from !== undefined) {
      throw new Error(`${where}: '${field}.from' is set on tier '${tier.name}', but only the first tier receives from outside; tier '${tier.name}' receives only from tier '${tiers[i - 1].name}'. Move these peers to tier '${tiers[0].name}', or allow them with a separate AllowFrom`);
    }
    refuseEmpty(where, `${field}.from`, tier.from, 'allow from everyone', 'pass [Peer.anywhere()] if that is what you mean, or leave \'from\' out to receive from nobody');
    (tier.egress ?? []).forEach((rule, k) => {
      refuseEmpty(where, `${field}.egress[${k}].to`, rule.to, 'allow to everyone', 'pass [Peer.anywhere()] if that is what you mean');
      refuseEmpty(where, `${field}.egress[${k}].ports`, rule.ports, 'every port of every protocol', 'leave \'ports\' out if that is what you mean');
    });
    checkDistinctPods(where, tiers, namespaces, i, podsText);
  });
}

/** Two tiers selecting the same pods would merge their allowances and break the chain. */
function checkDistinctPods(where: string, tiers: Tier[], namespaces: (string | undefined)[], i: number, podsText: (tier: number) => string): void {
  const tier = tiers[i];
  for (let j = 0; j < i; j++) {
    if (namespaces[j] !== namespaces[i]) {
      continue;
    }
    const other = tiers[j];
    const namespace = namespaces[i] === undefined ? 'the chart\'s namespace' : `namespace '${namespaces[i]}'`;
    if (tier.pods === undefined || other.pods === undefined) {
      const whole = tier.pods === undefined ? tier : other;
      throw new Error(`${where}: 'tiers[${tiers.indexOf(whole)}].pods' is not set, so tier '${whole.name}' is every pod of ${namespace}, which tier '${(whole === tier ? other : tier).name}' shares; give both tiers 'pods', or put them in different namespaces`);
    }
    if (podsText(i) === podsText(j)) {
      throw new Error(`${where}: 'tiers[${i}].pods' selects the same pods as tier '${other.name}' in ${namespace}; give each tier its own selector`);
    }
  }
}

/**
 * Refuses extra peers (`from` of the first tier, `egress` of any tier) that are exactly another
 * tier, other than the allowed neighbour: they would skip a tier or run the chain backwards.
 */
function checkNoShortcuts(where: string, tiers: Tier[], namespaces: (string | undefined)[], peerFor: (target: number, from: number) => Peer): void {
  const rendered = (peer: Peer, policy: number) => {
    try {
      return JSON.stringify(peer._toKube({ policyNamespace: namespaces[policy] }));
    } catch {
      return undefined; // The builder reports peers that cannot render, with the same message.
    }
  };
  const extras = tiers.flatMap((tier, i) => [
    ...(tier.from ?? []).map((peer, k) => ({ peer, i, field: `tiers[${i}].from[${k}]`, allowed: -1 })),
    ...(tier.egress ?? []).flatMap((rule, r) => rule.to.map((peer, k) => ({ peer, i, field: `tiers[${i}].egress[${r}].to[${k}]`, allowed: i + 1 }))),
  ]);
  for (const extra of extras) {
    const text = rendered(extra.peer, extra.i);
    const isTier = (j: number) => j !== extra.i && j !== extra.allowed && text !== undefined && rendered(peerFor(j, extra.i), extra.i) === text;
    const other = tiers.findIndex((_, j) => isTier(j));
    if (other >= 0) {
      throw new Error(`${where}: '${extra.field}' is tier '${tiers[other].name}', which tier '${tiers[extra.i].name}' may not reach directly: tiers talk only to their neighbours, in order; remove this peer, or reorder the tiers`);
    }
  }
}
