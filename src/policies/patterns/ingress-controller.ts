import { Peer } from '../../vocabulary/peer';
import { PodSelector } from '../../vocabulary/pod-selector';

/**
 * Options for `IngressController.ingressNginx()`.
 */
export interface IngressNginxOptions {
  /**
   * The namespace the controller is installed in.
   *
   * @default 'ingress-nginx' - the namespace its install instructions use
   */
  readonly namespace?: string;
}

/**
 * Where an ingress controller's pods run, for `AllowFromIngressController`. A controller running with
 * `hostNetwork: true` sends from the node's address, which no pod selector matches: allow the node
 * range with `Peer.ipBlock` instead.
 */
export class IngressController {
  /**
   * ingress-nginx (kubernetes/ingress-nginx): pods labelled `app.kubernetes.io/name: ingress-nginx`
   * and `app.kubernetes.io/component: controller` in namespace `ingress-nginx`, as its manifests and
   * Helm chart install it.
   *
   * @see https://kubernetes.github.io/ingress-nginx/deploy/
   */
  public static ingressNginx(options: IngressNginxOptions = {}): IngressController {
    return IngressController.custom(options.namespace ?? 'ingress-nginx', PodSelector.labels({
      'app.kubernetes.io/name': 'ingress-nginx',
      'app.kubernetes.io/component': 'controller',
    }));
  }

  /**
   * Traefik as its Helm chart installs it: pods labelled `app.kubernetes.io/name: traefik`. The
   * chart has no fixed namespace (k3s, for one, runs it in `kube-system`), so name it.
   *
   * @param namespace the namespace Traefik runs in
   * @see https://doc.traefik.io/traefik/getting-started/install-traefik/
   */
  public static traefik(namespace: string): IngressController {
    return IngressController.custom(namespace, PodSelector.labels({ 'app.kubernetes.io/name': 'traefik' }));
  }

  /**
   * Any other controller (or a customised install): its pods in its namespace.
   *
   * @param namespace the controller's namespace
   * @param pods the controller's pods in that namespace
   */
  public static custom(namespace: string, pods: PodSelector): IngressController {
    return new IngressController(Peer.podsInNamespace(namespace, pods));
  }

  private constructor(private readonly peer: Peer) {
  }

  /**
   * The controller's pods as one peer (namespace AND pods).
   *
   * @internal
   */
  public get _peer(): Peer {
    return this.peer;
  }
}
