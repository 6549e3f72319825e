import { LabelSelectorJson } from './kube-json';
import { LabelExpression } from './label-expression';
import { renderSelector } from './pod-selector';
import { dns1123LabelProblem, suggestDns1123Name } from '../analysis/validation/dns-1123';

/** The label the control plane sets on every namespace: its name. Immutable, so safe to select on. */
const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/**
 * Options for `NamespaceSelector.of()`. Labels and expressions must all match (AND).
 */
export interface NamespaceSelectorOptions {
  /**
   * Labels the namespaces must carry, with these exact values.
   *
   * @default - no label requirements
   */
  readonly labels?: { [key: string]: string };

  /**
   * Requirements on the namespaces' labels.
   *
   * @default - no expression requirements
   */
  readonly expressions?: LabelExpression[];
}

/**
 * Which namespaces a cluster-scoped policy's subject or peer means (a label selector on
 * namespaces).
 */
export class NamespaceSelector {
  /** Every namespace (renders `{}`). */
  public static all(): NamespaceSelector {
    return new NamespaceSelector({});
  }

  /**
   * The namespace with this name (selected by the `kubernetes.io/metadata.name` label, which the
   * control plane sets on every namespace).
   *
   * @param name the namespace's exact name
   */
  public static named(name: string): NamespaceSelector {
    // Some invalid names are valid label values, so the validator would let them select nothing.
    const problem = dns1123LabelProblem(name);
    if (problem) {
      throw new Error(`NamespaceSelector.named: namespace name '${name}' ${problem}; use the namespace's exact name, e.g. ${suggestDns1123Name(name).replace(/\./g, '-')}`);
    }
    return new NamespaceSelector(renderSelector({ [NAMESPACE_NAME_LABEL]: name }, []));
  }

  /**
   * The namespaces carrying all of these labels with these values.
   *
   * @param labels at least one label; use `NamespaceSelector.all()` for every namespace
   */
  public static labels(labels: { [key: string]: string }): NamespaceSelector {
    return NamespaceSelector.of({ labels });
  }

  /**
   * The namespaces matching all of these labels and expressions.
   *
   * @param options at least one label or expression; use `NamespaceSelector.all()` for every namespace
   */
  public static of(options: NamespaceSelectorOptions): NamespaceSelector {
    const labels = { ...options.labels };
    const expressions = [...options.expressions ?? []];
    if (Object.keys(labels).length === 0 && expressions.length === 0) {
      // `{}` means every namespace; an empty map must not say it by accident.
      throw new Error('NamespaceSelector: no labels and no expressions, which selects every namespace; use NamespaceSelector.all() if that is what you mean');
    }
    return new NamespaceSelector(renderSelector(labels, expressions.map(e => e._toKube())));
  }

  private constructor(private readonly selector: LabelSelectorJson) {
  }

  /**
   * The selector as written in a manifest.
   *
   * @internal
   */
  public _toKube(): LabelSelectorJson {
    return this.selector;
  }
}
