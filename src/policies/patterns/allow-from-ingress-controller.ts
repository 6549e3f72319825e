import { Construct } from 'constructs';
import { IngressController } from './ingress-controller';
import { PodSelector } from '../../vocabulary/pod-selector';
import { Port } from '../../vocabulary/port';
import { describe, NetworkPolicyOptions, refuseEmpty, ValidatedNetworkPolicy, writePolicy } from '../network-policy';

/**
 * Props for `AllowFromIngressController`.
 */
export interface AllowFromIngressControllerProps extends NetworkPolicyOptions {
  /**
   * The pods the controller forwards to (the Ingress' backends).
   */
  readonly pods: PodSelector;

  /**
   * The ports the controller connects to: the pods' container ports (what the backend Service's
   * `targetPort` points at), not the Service ports.
   *
   * @default - every port of every protocol
   */
  readonly ports?: Port[];

  /**
   * The ingress controller.
   *
   * @default IngressController.ingressNginx()
   */
  readonly controller?: IngressController;
}

/**
 * Allows traffic to the selected pods from the cluster's ingress controller, and isolates their
 * ingress: the usual way in for an app behind an Ingress. The controller's own egress must allow it
 * too if its namespace isolates egress.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/ingress-controllers/
 */
export class AllowFromIngressController extends ValidatedNetworkPolicy {
  constructor(scope: Construct, id: string, props: AllowFromIngressControllerProps) {
    super(scope, id, props);
    const where = describe('AllowFromIngressController', this);
    writePolicy(this, where, () => {
      refuseEmpty(where, 'ports', props.ports, 'every port of every protocol', 'leave \'ports\' out if that is what you mean');
      const controller = props.controller ?? IngressController.ingressNginx();
      return {
        pods: props.pods,
        ingress: [{ peers: [controller._peer], ports: props.ports }],
      };
    });
  }
}
