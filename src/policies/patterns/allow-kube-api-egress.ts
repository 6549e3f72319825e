import { Construct } from 'constructs';
import { hostCidr } from '../../analysis/validation/cidr';
import { Peer } from '../../vocabulary/peer';
import { PodSelector } from '../../vocabulary/pod-selector';
import { Port } from '../../vocabulary/port';
import { describe, NetworkPolicyOptions, refuseEmpty, ValidatedNetworkPolicy, writePolicy } from '../network-policy';

/**
 * Props for `AllowKubeApiEgress`.
 */
export interface AllowKubeApiEgressProps extends NetworkPolicyOptions {
  /**
   * The pods that talk to the Kubernetes API (controllers, operators, CI runners).
   */
  readonly pods: PodSelector;

  /**
   * Where the API server is: its endpoint addresses (`kubectl get endpointslices -n default -l
   * kubernetes.io/service-name=kubernetes`) or the control plane's network, as CIDRs or addresses.
   * Most network plugins see traffic after the `kubernetes` Service is translated to these, so its
   * ClusterIP alone is not enough.
   */
  readonly cidrs: string[];

  /**
   * The API server's ports (TCP). The `kubernetes` Service listens on 443 but the endpoints often
   * on 6443, the port the policy sees after translation: pass both (`[Port.tcp(443), Port.tcp(6443)]`)
   * when unsure.
   *
   * @default [Port.tcp(443)]
   */
  readonly ports?: Port[];
}

/**
 * Allows the selected pods to reach the Kubernetes API server, by address and port, and isolates
 * their egress. NetworkPolicy cannot select the API server by name: it usually runs outside the pod
 * network (managed control planes, host-network static pods).
 *
 * @see https://kubernetes.io/docs/concepts/security/controlling-access/
 */
export class AllowKubeApiEgress extends ValidatedNetworkPolicy {
  constructor(scope: Construct, id: string, props: AllowKubeApiEgressProps) {
    super(scope, id, props);
    const where = describe('AllowKubeApiEgress', this);
    writePolicy(this, where, () => {
      refuseEmpty(where, 'cidrs', props.cidrs, 'to everyone', 'pass the API server\'s addresses, e.g. [\'172.18.0.2/32\']');
      refuseEmpty(where, 'ports', props.ports, 'every port of every protocol', 'leave \'ports\' out for 443');
      // A bare address means that one host; CIDRs are taken as given and checked by the validator.
      const peers = props.cidrs.map(cidr => Peer.ipBlock(hostCidr(cidr) ?? cidr));
      return {
        pods: props.pods,
        egress: [{ peers, ports: props.ports ?? [Port.tcp(443)] }],
      };
    });
  }
}
