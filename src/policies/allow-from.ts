import { Construct } from 'constructs';
import { describe, NetworkPolicyOptions, refuseEmpty, ValidatedNetworkPolicy, writePolicy } from './network-policy';
import { Peer } from '../vocabulary/peer';
import { PodSelector } from '../vocabulary/pod-selector';
import { Port } from '../vocabulary/port';

/**
 * Props for `AllowFrom`.
 */
export interface AllowFromProps extends NetworkPolicyOptions {
  /**
   * The pods that receive the traffic.
   */
  readonly pods: PodSelector;

  /**
   * Who may connect (any of them). Must not be empty; `[Peer.anywhere()]` allows every source.
   */
  readonly from: Peer[];

  /**
   * The ports (on the receiving pods) the traffic may reach, any of them.
   *
   * @default - every port of every protocol
   */
  readonly ports?: Port[];
}

/**
 * Allows incoming traffic to the selected pods from the given peers. The policy isolates ingress of
 * those pods (`policyTypes: [Ingress]`), so anything not allowed by some policy is denied.
 *
 * For the connection to work when the sources' egress is isolated too, allow it there as well
 * (`AllowTo`).
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/network-policies/
 */
export class AllowFrom extends ValidatedNetworkPolicy {
  constructor(scope: Construct, id: string, props: AllowFromProps) {
    super(scope, id, props);
    const where = describe('AllowFrom', this);
    writePolicy(this, where, () => {
      refuseEmpty(where, 'from', props.from, 'allow from everyone', 'pass Peer.anywhere() if that is what you mean');
      refuseEmpty(where, 'ports', props.ports, 'every port of every protocol', 'leave \'ports\' out if that is what you mean');
      return {
        pods: props.pods,
        ingress: [{ peers: props.from, ports: props.ports }],
      };
    });
  }
}
