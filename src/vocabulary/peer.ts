import { IpBlockJson, LabelSelectorJson, PeerJson } from './kube-json';
import { LabelExpression } from './label-expression';
import { describeNamespace, misplacedWorkload, PodSelector, renderSelector, workloadNamespace } from './pod-selector';
import { IWorkload } from './workload';
import { dns1123LabelProblem, suggestDns1123Name } from '../analysis/validation/dns-1123';

/** The label the control plane sets on every namespace: its name. Immutable, so safe to select on. */
const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/**
 * What a peer needs to know about the policy it renders into.
 *
 * @internal
 */
export interface PeerContext {
  /** The policy's namespace; undefined when neither the policy nor its chart sets one. */
  readonly policyNamespace?: string;
}

/**
 * The other end of a connection: one entry of a rule's `from` (ingress) or `to` (egress).
 *
 * Peers in one list are alternatives (OR). A peer that names both namespaces and pods
 * (`podsInNamespace`, `podsInNamespaces`, `workload` in another namespace) means pods matching the
 * selector in matching namespaces (AND), written as one peer.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/network-policies/#behavior-of-to-and-from-selectors
 */
export class Peer {
  /**
   * Pods in the policy's own namespace.
   *
   * @param selector which pods; `PodSelector.all()` for every pod of the namespace
   */
  public static pods(selector: PodSelector): Peer {
    return new Peer(context => {
      const misplaced = misplacedWorkload(selector, context.policyNamespace);
      if (misplaced) {
        throw new Error(`Peer.pods(PodSelector.workload(${misplaced.path})): its pods are in ${misplaced.home}, not in the policy's ${describeNamespace(context.policyNamespace)}, so it would select none of them; use Peer.workload(...) to reach them there`);
      }
      return { podSelector: selector._toKube() };
    });
  }

  /**
   * Every pod of the namespace with this name (selected by the `kubernetes.io/metadata.name` label).
   *
   * @param name the namespace's name
   */
  public static namespace(name: string): Peer {
    const selector = namespaceByName(name, 'Peer.namespace');
    return new Peer(() => ({ namespaceSelector: selector }));
  }

  /**
   * Every pod of every namespace carrying all of these labels (and matching all of `expressions`).
   *
   * @param labels namespace labels; use `Peer.allNamespaces()` for every namespace
   * @param expressions requirements on the namespaces' labels, besides `labels`; at least one
   * label or expression in all
   */
  public static namespaces(labels: { [key: string]: string }, expressions?: LabelExpression[]): Peer {
    const selector = namespaceByLabels(labels, expressions, 'Peer.namespaces');
    return new Peer(() => ({ namespaceSelector: selector }));
  }

  /**
   * Every pod of every namespace (`namespaceSelector: {}`). Not external addresses, and usually not
   * nodes or host-network pods: use `Peer.anywhere()` for those.
   */
  public static allNamespaces(): Peer {
    return new Peer(() => ({ namespaceSelector: {} }));
  }

  /**
   * Pods matching `selector` in the namespace with this name (one peer: namespace AND pods).
   *
   * @param name the namespace's name
   * @param selector which pods of that namespace
   */
  public static podsInNamespace(name: string, selector: PodSelector): Peer {
    const namespace = namespaceByName(name, 'Peer.podsInNamespace');
    return new Peer(() => {
      const misplaced = misplacedWorkload(selector, name);
      if (misplaced) {
        throw new Error(`Peer.podsInNamespace('${name}', PodSelector.workload(${misplaced.path})): its pods are in ${misplaced.home}, so it would select none of them; use Peer.workload(...)`);
      }
      return { namespaceSelector: namespace, podSelector: selector._toKube() };
    });
  }

  /**
   * Pods matching `selector` in namespaces carrying all of `namespaceLabels` and matching all of
   * `namespaceExpressions` (one peer: namespaces AND pods).
   *
   * @param namespaceLabels namespace labels; use `Peer.podsInAllNamespaces()` for every namespace
   * @param selector which pods of those namespaces
   * @param namespaceExpressions requirements on the namespaces' labels, besides `namespaceLabels`;
   * at least one label or expression in all
   */
  public static podsInNamespaces(namespaceLabels: { [key: string]: string }, selector: PodSelector, namespaceExpressions?: LabelExpression[]): Peer {
    const namespaces = namespaceByLabels(namespaceLabels, namespaceExpressions, 'Peer.podsInNamespaces');
    return new Peer(() => ({ namespaceSelector: namespaces, podSelector: selector._toKube() }));
  }

  /**
   * Pods matching `selector` in every namespace (`namespaceSelector: {}` AND the pods, one peer).
   *
   * @param selector which pods of each namespace
   */
  public static podsInAllNamespaces(selector: PodSelector): Peer {
    return new Peer(() => ({ namespaceSelector: {}, podSelector: selector._toKube() }));
  }

  /**
   * Addresses in a CIDR range, minus the `except` ranges. Meant for addresses outside the cluster:
   * whether pod IPs match is up to the network plugin. Ports used with an ipBlock must be numbers.
   *
   * The CIDR must be canonical (`10.0.0.0/8`, not `10.0.0.1/8`), and every `except` strictly inside it.
   *
   * @param cidr an IPv4 or IPv6 CIDR, e.g. `10.0.0.0/8` or `2001:db8::/32`
   * @param except ranges inside `cidr` to leave out
   */
  public static ipBlock(cidr: string, except?: string[]): Peer {
    const block: IpBlockJson = except && except.length > 0 ? { cidr, except: [...except] } : { cidr };
    return new Peer(() => ({ ipBlock: block }));
  }

  /**
   * Every IPv4 address (`ipBlock` `0.0.0.0/0`).
   *
   * @param except ranges to leave out
   */
  public static anyIpv4(except?: string[]): Peer {
    return Peer.ipBlock('0.0.0.0/0', except);
  }

  /**
   * Every IPv6 address (`ipBlock` `::/0`).
   *
   * @param except ranges to leave out
   */
  public static anyIpv6(except?: string[]): Peer {
    return Peer.ipBlock('::/0', except);
  }

  /**
   * Every source or destination: pods, nodes and external addresses. Rendered by leaving out `from`
   * / `to` in that rule, the only form that truly means everyone; other peers in the same list are
   * then redundant.
   */
  public static anywhere(): Peer {
    return new Peer(() => undefined, true);
  }

  /**
   * The pods of a cdk8s-plus workload or Pod, of any cdk8s-plus version (see
   * `PodSelector.workload`). When the workload lives in
   * another namespace than the policy, the peer selects that namespace AND the pods.
   *
   * @param workload a cdk8s-plus workload or pod
   */
  public static workload(workload: IWorkload): Peer {
    const pods = PodSelector.workload(workload);
    return new Peer(context => {
      const namespace = workloadNamespace(workload);
      if (namespace === context.policyNamespace) {
        return { podSelector: pods._toKube() };
      }
      if (namespace === undefined) {
        throw new Error(`Peer.workload(${workload.node.path}) has no namespace while the policy is in '${context.policyNamespace}', so its namespace is unknown; set the workload's metadata.namespace (or its chart's namespace)`);
      }
      return { namespaceSelector: namespaceByName(namespace, 'Peer.workload'), podSelector: pods._toKube() };
    });
  }

  private constructor(
    private readonly render: (context: PeerContext) => PeerJson | undefined,
    private readonly everyone: boolean = false) {
  }

  /**
   * True for `Peer.anywhere()`, which is written by leaving out the peer list.
   *
   * @internal
   */
  public get _isAnywhere(): boolean {
    return this.everyone;
  }

  /**
   * The peer as written in a manifest; undefined for `Peer.anywhere()`.
   *
   * @internal
   */
  public _toKube(context: PeerContext): PeerJson | undefined {
    return this.render(context);
  }
}

function namespaceByName(name: string, factory: string): LabelSelectorJson {
  // Some invalid names are valid label values, so the validator would let them select nothing.
  const problem = dns1123LabelProblem(name);
  if (problem) {
    throw new Error(`${factory}: namespace name '${name}' ${problem}; use the namespace's exact name, e.g. ${suggestDns1123Name(name).replace(/\./g, '-')}`);
  }
  return renderSelector({ [NAMESPACE_NAME_LABEL]: name }, []);
}

function namespaceByLabels(labels: { [key: string]: string }, expressions: LabelExpression[] | undefined, factory: string): LabelSelectorJson {
  if (Object.keys(labels).length === 0 && (expressions ?? []).length === 0) {
    // `namespaceSelector: {}` means every namespace; an empty map must not say it by accident.
    const all = factory === 'Peer.namespaces' ? 'Peer.allNamespaces()' : 'Peer.podsInAllNamespaces(selector)';
    throw new Error(`${factory}: the namespace labels are empty, which selects every namespace; use ${all} if that is what you mean`);
  }
  return renderSelector(labels, (expressions ?? []).map(e => e._toKube()));
}
