/**
 * One requirement of a label selector as plain data: an entry of `matchExpressions`, as
 * written in a manifest and as cdk8s-plus workloads expose it.
 */
export interface LabelSelectorRequirement {
  /** The label key the requirement is about. */
  readonly key: string;

  /** `In`, `NotIn`, `Exists` or `DoesNotExist`. */
  readonly operator: string;

  /**
   * The values for `In` and `NotIn`.
   *
   * @default - none (`Exists` and `DoesNotExist`)
   */
  readonly values?: string[];
}

/**
 * One requirement of a label selector (an entry of `matchExpressions`).
 *
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#resources-that-support-set-based-requirements
 */
export class LabelExpression {
  /**
   * The label `key` is present and its value is one of `values`.
   *
   * @param key a label key, e.g. `app` or `example.com/tier`
   * @param values at least one label value
   */
  public static in(key: string, values: string[]): LabelExpression {
    return new LabelExpression(key, 'In', [...values]);
  }

  /**
   * The label `key` is absent, or its value is none of `values`.
   *
   * @param key a label key
   * @param values at least one label value
   */
  public static notIn(key: string, values: string[]): LabelExpression {
    return new LabelExpression(key, 'NotIn', [...values]);
  }

  /**
   * The label `key` is present, whatever its value.
   *
   * @param key a label key
   */
  public static exists(key: string): LabelExpression {
    return new LabelExpression(key, 'Exists');
  }

  /**
   * The label `key` is absent.
   *
   * @param key a label key
   */
  public static doesNotExist(key: string): LabelExpression {
    return new LabelExpression(key, 'DoesNotExist');
  }

  /**
   * @param key The label key the requirement is about.
   * @param operator `In`, `NotIn`, `Exists` or `DoesNotExist`.
   * @param values The values for `In` and `NotIn`; undefined for `Exists` and `DoesNotExist`.
   */
  private constructor(
    public readonly key: string,
    public readonly operator: string,
    public readonly values?: string[]) {
  }

  /** @internal */
  public _toKube(): LabelSelectorRequirement {
    return { key: this.key, operator: this.operator, values: this.values && [...this.values] };
  }
}
