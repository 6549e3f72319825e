import { ClusterPodsJson, ClusterSubject } from './cluster-subject';
import { NamespaceSelector } from './namespace-selector';
import { PodSelector } from './pod-selector';

/**
 * The other end of a connection in a ClusterNetworkPolicy rule: one entry of `from` (ingress) or
 * `to` (egress). Peers in one list are alternatives (OR).
 */
export class ClusterPeer {
  /**
   * Every pod of the selected namespaces. Host-network pods are not among them.
   *
   * @param namespaces which namespaces; `NamespaceSelector.all()` for every pod
   */
  public static namespaces(namespaces: NamespaceSelector): ClusterPeer {
    const subject = ClusterSubject.namespaces(namespaces);
    return new ClusterPeer(() => subject._toKube());
  }

  /**
   * The pods matching `pods` in the namespaces matching `namespaces`.
   *
   * @param namespaces which namespaces
   * @param pods which pods of those namespaces
   */
  public static pods(namespaces: NamespaceSelector, pods: PodSelector): ClusterPeer {
    const subject = ClusterSubject.pods(namespaces, pods);
    return new ClusterPeer(() => subject._toKube());
  }

  /**
   * Addresses in these CIDRs, for egress only. They match pod IPs too: a Deny of `0.0.0.0/0`
   * also denies traffic to every IPv4 pod. At most 25, canonical (`10.0.0.0/8`, not `10.0.0.1/8`).
   *
   * @param cidrs IPv4 or IPv6 CIDRs, e.g. `169.254.169.254/32` or `fd00:ec2::254/128`
   */
  public static networks(...cidrs: string[]): ClusterPeer {
    const networks = [...cidrs];
    return new ClusterPeer(() => ({ networks }));
  }

  private constructor(private readonly render: () => ClusterPeerJson) {
  }

  /**
   * The peer as written in a manifest.
   *
   * @internal
   */
  public _toKube(): ClusterPeerJson {
    return this.render();
  }
}

/** One entry of a ClusterNetworkPolicy rule's `from` or `to`. */
export interface ClusterPeerJson extends ClusterPodsJson {
  readonly networks?: string[];
}
