import { Chart } from 'cdk8s';
import { LabelSelectorJson } from './kube-json';
import { LabelExpression, LabelSelectorRequirement } from './label-expression';
import { IWorkload } from './workload';

/**
 * Options for `PodSelector.of()`. Labels and expressions must all match (AND).
 */
export interface PodSelectorOptions {
  /**
   * Labels the pods must carry, with these exact values.
   *
   * @default - no label requirements
   */
  readonly labels?: { [key: string]: string };

  /**
   * Requirements on the pods' labels.
   *
   * @default - no expression requirements
   */
  readonly expressions?: LabelExpression[];
}

/**
 * Which pods a policy applies to (`spec.podSelector`), or which pods a `Peer` means.
 *
 * A pod selector never reaches beyond one namespace: the policy's own, unless a `Peer` pairs it
 * with a namespace.
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/network-policies/#networkpolicy-resource
 */
export class PodSelector {
  /**
   * Every pod (renders `{}`).
   */
  public static all(): PodSelector {
    return new PodSelector(() => ({}));
  }

  /**
   * Pods carrying all of these labels with these values.
   *
   * @param labels at least one label; use `PodSelector.all()` for every pod
   */
  public static labels(labels: { [key: string]: string }): PodSelector {
    return PodSelector.of({ labels });
  }

  /**
   * Pods matching all of these labels and expressions.
   *
   * @param options at least one label or expression; use `PodSelector.all()` for every pod
   */
  public static of(options: PodSelectorOptions): PodSelector {
    const labels = { ...options.labels };
    const expressions = [...options.expressions ?? []];
    if (Object.keys(labels).length === 0 && expressions.length === 0) {
      // An empty selector selects every pod; say so rather than let `{}` slip through.
      throw new Error('PodSelector: no labels and no expressions, which selects every pod; use PodSelector.all() if that is what you mean');
    }
    return new PodSelector(() => renderSelector(labels, expressions.map(e => e._toKube())));
  }

  /**
   * The pods of a cdk8s-plus workload (Deployment, StatefulSet, DaemonSet, Job) or Pod, of any
   * cdk8s-plus version.
   *
   * A workload's pods are selected by the workload's own selector (`matchLabels` and
   * `matchExpressions`), or by the labels of its pod template when it has no selector; a Pod by its
   * labels. They are read when a policy renders, so `select()` calls made before that count.
   *
   * A pod selector only reaches the policy's own namespace, so a policy using it must be in the
   * workload's namespace (it is refused otherwise); to reach the workload from another namespace, use
   * `Peer.workload`. A host-network workload is refused: its traffic is the node's.
   *
   * @param workload a cdk8s-plus workload or pod
   */
  public static workload(workload: IWorkload): PodSelector {
    return new PodSelector(() => {
      if (workload.hostNetwork) {
        // Most network plugins neither apply policies to host-network pods nor match their traffic by pod labels (docs/semantics.md §2).
        throw new Error(`PodSelector.workload: ${workload.node.path} uses hostNetwork, so its pods have the node's address and most network plugins match no pod selector against them; select by address instead (Peer.ipBlock with the nodes' range), or run it without hostNetwork`);
      }
      // A workload has a selector (possibly empty, as a Job's is); a Pod has none. Decided by shape:
      // `instanceof` would only recognize the workloads of one cdk8s-plus copy.
      const selector = renderSelector(workload.matchLabels ?? {}, workload.matchExpressions ?? []);
      const rendered = isEmpty(selector) ? renderSelector(workload.podMetadata.toJson()?.labels ?? {}, []) : selector;
      if (isEmpty(rendered)) {
        throw new Error(`PodSelector.workload: ${workload.node.path} has no selector and its pods carry no labels, so nothing can select exactly its pods; add a label to its pod metadata (podMetadata.addLabel('app', '...'))`);
      }
      return rendered;
    }, workload);
  }

  /**
   * @param render the selector as written in a manifest
   * @param workload the workload whose pods it selects, for `PodSelector.workload`
   */
  private constructor(
    private readonly render: () => LabelSelectorJson,
    private readonly workload?: IWorkload) {
  }

  /**
   * The cdk8s-plus workload this selector was made from, if any.
   *
   * @internal
   */
  public get _workload(): IWorkload | undefined {
    return this.workload;
  }

  /**
   * The selector as written in a manifest.
   *
   * @internal
   */
  public _toKube(): LabelSelectorJson {
    return this.render();
  }
}

/** Where a workload's pods run: its own namespace, else its chart's; undefined when neither is set. */
export function workloadNamespace(workload: IWorkload): string | undefined {
  return workload.metadata.namespace ?? Chart.of(workload).namespace;
}

/** A workload selector used from a policy in another namespace, which would select none of its pods. */
export interface MisplacedWorkload {
  /** The workload's construct path. */
  readonly path: string;
  /** Where its pods are, as words: `namespace 'data'` or `no namespace`. */
  readonly home: string;
  /** Its namespace name, when it has one. */
  readonly namespace?: string;
}

/** The workload of `selector`, when its pods are not in `namespace`; undefined otherwise. */
export function misplacedWorkload(selector: PodSelector, namespace: string | undefined): MisplacedWorkload | undefined {
  const workload = selector._workload;
  if (workload === undefined || workloadNamespace(workload) === namespace) {
    return undefined;
  }
  const home = workloadNamespace(workload);
  return { path: workload.node.path, home: describeNamespace(home), namespace: home };
}

/** `namespace 'shop'`, or `no namespace` (the one kubectl is pointed at). */
export function describeNamespace(namespace: string | undefined): string {
  return namespace === undefined ? 'no namespace' : `namespace '${namespace}'`;
}

/** One renderer for every label selector: empty parts are omitted, `{}` stays `{}`. */
export function renderSelector(labels: { [key: string]: string }, expressions: LabelSelectorRequirement[]): LabelSelectorJson {
  // Assigned, not spread: spreads of varying shapes give every object its own hidden class (see network-policy.ts).
  const selector: { matchLabels?: { [key: string]: string }; matchExpressions?: LabelSelectorRequirement[] } = {};
  if (Object.keys(labels).length > 0) selector.matchLabels = Object.assign({}, labels);
  if (expressions.length > 0) selector.matchExpressions = expressions;
  return selector;
}

function isEmpty(selector: LabelSelectorJson): boolean {
  return selector.matchLabels === undefined && selector.matchExpressions === undefined;
}
