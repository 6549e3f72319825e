import { Construct } from 'constructs';
import { Peer } from '../../vocabulary/peer';
import { PodSelector } from '../../vocabulary/pod-selector';
import { Port } from '../../vocabulary/port';
import { describe, NetworkPolicyOptions, PolicyRule, refuseEmpty, ValidatedNetworkPolicy, writePolicy } from '../network-policy';

/**
 * Props for `AllowSameNamespace`.
 */
export interface AllowSameNamespaceProps extends NetworkPolicyOptions {
  /**
   * The pods that may be reached from their own namespace.
   *
   * @default PodSelector.all() - every pod of the namespace
   */
  readonly pods?: PodSelector;

  /**
   * The ports they may be reached on, any of them.
   *
   * @default - every port of every protocol
   */
  readonly ports?: Port[];

  /**
   * Also allow the selected pods to send to every pod of their namespace (on `ports`), and isolate
   * their egress. Use it when egress is default-denied too, so both ends of an in-namespace
   * connection allow it.
   *
   * @default false - ingress only; egress is left as it is
   */
  readonly egress?: boolean;
}

/**
 * Allows traffic to the selected pods from every pod of the same namespace, and from nothing else:
 * pods of other namespaces, nodes and external clients are denied (recipe "DENY all traffic from
 * other namespaces"). It isolates the pods' ingress, so it is a default deny for other namespaces
 * on its own.
 *
 * @see https://github.com/ahmetb/kubernetes-network-policy-recipes/blob/master/04-deny-traffic-from-other-namespaces.md
 */
export class AllowSameNamespace extends ValidatedNetworkPolicy {
  constructor(scope: Construct, id: string, props: AllowSameNamespaceProps = {}) {
    super(scope, id, props);
    const where = describe('AllowSameNamespace', this);
    writePolicy(this, where, () => {
      refuseEmpty(where, 'ports', props.ports, 'every port of every protocol', 'leave \'ports\' out if that is what you mean');
      const sameNamespace: PolicyRule = { peers: [Peer.pods(PodSelector.all())], ports: props.ports };
      return {
        pods: props.pods ?? PodSelector.all(),
        ingress: [sameNamespace],
        egress: props.egress ? [sameNamespace] : undefined,
      };
    });
  }
}
