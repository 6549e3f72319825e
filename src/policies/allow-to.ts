import { Construct } from 'constructs';
import { describe, NetworkPolicyOptions, refuseEmpty, ValidatedNetworkPolicy, writePolicy } from './network-policy';
import { Peer } from '../vocabulary/peer';
import { PodSelector } from '../vocabulary/pod-selector';
import { Port } from '../vocabulary/port';

/**
 * Props for `AllowTo`.
 */
export interface AllowToProps extends NetworkPolicyOptions {
  /**
   * The pods that send the traffic.
   */
  readonly pods: PodSelector;

  /**
   * Where they may connect (any of them). Must not be empty; `[Peer.anywhere()]` allows every
   * destination.
   */
  readonly to: Peer[];

  /**
   * The ports (on the destination) the traffic may reach, any of them. Named ports are resolved on
   * the destination pods, so they need pod peers.
   *
   * @default - every port of every protocol
   */
  readonly ports?: Port[];
}

/**
 * Allows outgoing traffic from the selected pods to the given peers. The policy isolates egress of
 * those pods (`policyTypes: [Egress]`, explicitly: without it Kubernetes would isolate ingress too),
 * so anything not allowed by some policy is denied, DNS included (see `DnsEgress`).
 *
 * For the connection to work when the destinations' ingress is isolated too, allow it there as well
 * (`AllowFrom`).
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/network-policies/
 */
export class AllowTo extends ValidatedNetworkPolicy {
  constructor(scope: Construct, id: string, props: AllowToProps) {
    super(scope, id, props);
    const where = describe('AllowTo', this);
    writePolicy(this, where, () => {
      refuseEmpty(where, 'to', props.to, 'allow to everyone', 'pass Peer.anywhere() if that is what you mean');
      refuseEmpty(where, 'ports', props.ports, 'every port of every protocol', 'leave \'ports\' out if that is what you mean');
      return {
        pods: props.pods,
        egress: [{ peers: props.to, ports: props.ports }],
      };
    });
  }
}
