import { Construct } from 'constructs';
import { describe, NetworkPolicyOptions, PolicyRule, refuseEmpty, ValidatedNetworkPolicy, writePolicy } from './network-policy';
import { Peer } from '../vocabulary/peer';
import { PodSelector } from '../vocabulary/pod-selector';
import { Port } from '../vocabulary/port';

/**
 * One ingress or egress rule of a `Policy`: traffic with any of `peers`, on any of `ports`.
 */
export interface PolicyRuleProps {
  /**
   * The other end: sources of an ingress rule, destinations of an egress rule (any of them). Must
   * not be empty; `[Peer.anywhere()]` means every peer.
   */
  readonly peers: Peer[];

  /**
   * The ports the traffic may reach (on the policy's pods for ingress, on the destination for
   * egress), any of them.
   *
   * @default - every port of every protocol
   */
  readonly ports?: Port[];
}

/**
 * Props for `Policy`.
 */
export interface PolicyProps extends NetworkPolicyOptions {
  /**
   * The pods the policy applies to. Required, so that a policy over the whole namespace is said
   * (`PodSelector.all()`), never assumed.
   */
  readonly pods: PodSelector;

  /**
   * The incoming traffic allowed, rule by rule (a connection needs one rule to allow it). Giving
   * rules isolates ingress. Must not be empty: to deny all incoming traffic, set
   * `isolateIngress: true` and give no rules.
   *
   * @default - no ingress rules
   */
  readonly ingress?: PolicyRuleProps[];

  /**
   * The outgoing traffic allowed, rule by rule. Giving rules isolates egress, DNS included (add a
   * rule for it, or use `DnsEgress`). Must not be empty: to deny all outgoing traffic, set
   * `isolateEgress: true` and give no rules.
   *
   * @default - no egress rules
   */
  readonly egress?: PolicyRuleProps[];

  /**
   * Whether the policy isolates ingress of its pods (`Ingress` in `policyTypes`): then only what
   * some policy allows comes in. `true` without `ingress` rules denies all incoming traffic;
   * `false` with `ingress` rules is refused (Kubernetes would ignore the rules).
   *
   * @default - true when `ingress` is given, false otherwise
   */
  readonly isolateIngress?: boolean;

  /**
   * Whether the policy isolates egress of its pods (`Egress` in `policyTypes`). `true` without
   * `egress` rules denies all outgoing traffic; `false` with `egress` rules is refused.
   *
   * @default - true when `egress` is given, false otherwise
   */
  readonly isolateEgress?: boolean;
}

/**
 * Any NetworkPolicy, with the safety on: several ingress and egress rules and explicit direction
 * switches, for what `DefaultDeny`, `AllowFrom`, `AllowTo`, `DnsEgress` and the patterns do not
 * say. It is the escape hatch to use instead of JSON patches on another construct: it is written
 * from the same vocabulary, and refused, like every construct, when it is invalid or would allow
 * more than written (an empty peer or port list, rules Kubernetes would ignore, a policy that
 * isolates nothing).
 *
 * `policyTypes` is always explicit: a direction is isolated when it has rules or its `isolate`
 * switch is on. `cdk8s-netpol import` writes one of these for each existing policy that no
 * intent construct fits.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/network-policies/
 */
export class Policy extends ValidatedNetworkPolicy {
  constructor(scope: Construct, id: string, props: PolicyProps) {
    super(scope, id, props);
    const where = describe('Policy', this);
    writePolicy(this, where, () => {
      const ingress = direction(where, 'ingress', props.ingress, props.isolateIngress, 'allow from everyone');
      const egress = direction(where, 'egress', props.egress, props.isolateEgress, 'allow to everyone');
      if (ingress === undefined && egress === undefined) {
        throw new Error(`${where}: neither 'ingress' nor 'egress' is isolated, so this policy changes nothing; give rules for a direction, or set isolateIngress / isolateEgress to true to deny it`);
      }
      return { pods: props.pods, ingress, egress };
    });
  }
}

/** The rules of one direction as the builder takes them: undefined when it is not isolated. */
function direction(where: string, field: 'ingress' | 'egress', rules: PolicyRuleProps[] | undefined,
  isolate: boolean | undefined, everyone: string): PolicyRule[] | undefined {
  const switchName = field === 'ingress' ? 'isolateIngress' : 'isolateEgress';
  if (rules !== undefined && rules.length === 0) {
    // `ingress: []` denies everything, yet reads like "no restriction": the switch says it plainly.
    throw new Error(`${where}: '${field}' is empty, which would deny all ${field} traffic without saying so; set ${switchName}: true and leave '${field}' out to deny it all, or give at least one rule`);
  }
  if (rules !== undefined && isolate === false) {
    throw new Error(`${where}: '${field}' has ${rules.length} rule(s) but ${switchName} is false, so Kubernetes would ignore them; leave ${switchName} out (rules isolate the direction), or remove '${field}'`);
  }
  (rules ?? []).forEach((rule, i) => {
    refuseEmpty(where, `${field}[${i}].peers`, rule.peers, everyone, 'pass [Peer.anywhere()] if that is what you mean');
    refuseEmpty(where, `${field}[${i}].ports`, rule.ports, 'every port of every protocol', `leave '${field}[${i}].ports' out if that is what you mean`);
  });
  if (rules === undefined && isolate !== true) return undefined;
  return (rules ?? []).map(rule => ({ peers: rule.peers, ports: rule.ports }));
}
