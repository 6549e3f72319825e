import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { addNetworkPolicy, describe, NetworkPolicyOptions, refuseEmpty } from './network-policy';
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
export class AllowFrom extends Construct {
  /** The NetworkPolicy this construct writes. */
  public readonly apiObject: kplus.k8s.KubeNetworkPolicy;

  constructor(scope: Construct, id: string, props: AllowFromProps) {
    super(scope, id);
    const where = describe('AllowFrom', this);
    refuseEmpty(where, 'from', props.from, 'allow from everyone', 'pass Peer.anywhere() if that is what you mean');
    refuseEmpty(where, 'ports', props.ports, 'every port of every protocol', 'leave \'ports\' out if that is what you mean');
    this.apiObject = addNetworkPolicy(this, 'Resource', where, {
      name: props.name,
      namespace: props.namespace,
      pods: props.pods,
      ingress: [{ peers: props.from, ports: props.ports }],
    });
  }
}
