import { Construct } from 'constructs';
import { describe, NetworkPolicyOptions, ValidatedNetworkPolicy, writePolicy } from './network-policy';
import { PodSelector } from '../vocabulary/pod-selector';

/**
 * Props for `DefaultDeny`.
 */
export interface DefaultDenyProps extends NetworkPolicyOptions {
  /**
   * The pods to isolate.
   *
   * @default PodSelector.all() - every pod of the namespace
   */
  readonly pods?: PodSelector;

  /**
   * Deny all incoming traffic (isolate ingress).
   *
   * @default true
   */
  readonly ingress?: boolean;

  /**
   * Deny all outgoing traffic (isolate egress). DNS included: pair it with `DnsEgress`.
   *
   * @default true
   */
  readonly egress?: boolean;
}

/**
 * Denies all traffic to and/or from the selected pods: a policy that isolates them with no rules.
 * Other policies then allow what is needed (policies only ever add allowances).
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-policies
 */
export class DefaultDeny extends ValidatedNetworkPolicy {
  constructor(scope: Construct, id: string, props: DefaultDenyProps = {}) {
    super(scope, id, props);
    const where = describe('DefaultDeny', this);
    writePolicy(this, where, () => {
      const ingress = props.ingress ?? true;
      const egress = props.egress ?? true;
      if (!ingress && !egress) {
        throw new Error(`${where}: 'ingress' and 'egress' are both false, so this policy denies nothing; leave one of them true (both are true by default)`);
      }
      return {
        pods: props.pods ?? PodSelector.all(),
        ingress: ingress ? [] : undefined,
        egress: egress ? [] : undefined,
      };
    });
  }
}
