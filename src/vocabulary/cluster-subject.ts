import { LabelSelectorJson } from './kube-json';
import { NamespaceSelector } from './namespace-selector';
import { PodSelector } from './pod-selector';

/**
 * The pods a ClusterNetworkPolicy applies to (`spec.subject`), in any namespace it selects.
 * Host-network pods are never a subject.
 */
export class ClusterSubject {
  /**
   * Every pod of the selected namespaces (`subject.namespaces`).
   *
   * @param namespaces which namespaces; `NamespaceSelector.all()` for every pod of the cluster
   */
  public static namespaces(namespaces: NamespaceSelector): ClusterSubject {
    return new ClusterSubject(() => ({ namespaces: namespaces._toKube() }));
  }

  /**
   * The pods matching `pods` in the namespaces matching `namespaces` (`subject.pods`).
   *
   * @param namespaces which namespaces
   * @param pods which pods of those namespaces
   */
  public static pods(namespaces: NamespaceSelector, pods: PodSelector): ClusterSubject {
    return new ClusterSubject(() => ({ pods: { namespaceSelector: namespaces._toKube(), podSelector: pods._toKube() } }));
  }

  private constructor(private readonly render: () => ClusterPodsJson) {
  }

  /**
   * The subject as written in a manifest.
   *
   * @internal
   */
  public _toKube(): ClusterPodsJson {
    return this.render();
  }
}

/** A subject or an in-cluster peer: `namespaces` or `pods`, one of them. */
export interface ClusterPodsJson {
  readonly namespaces?: LabelSelectorJson;
  readonly pods?: { readonly namespaceSelector: LabelSelectorJson; readonly podSelector: LabelSelectorJson };
}
