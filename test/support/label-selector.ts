/**
 * Label selectors as the Kubernetes docs define them, for the test-side models: every
 * `matchLabels` pair and every expression must hold; `NotIn` and `DoesNotExist` hold when the
 * key is absent; `{}` selects everything.
 */
import type { Labels } from './cluster';

export interface LabelRequirement {
  readonly key: string;
  readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  readonly values?: readonly string[];
}

export interface LabelSelector {
  readonly matchLabels?: Labels;
  readonly matchExpressions?: readonly LabelRequirement[];
}

export function selects(selector: LabelSelector, labels: Labels): boolean {
  const value = (key: string) => (Object.hasOwn(labels, key) ? labels[key] : undefined);
  const labelsHold = Object.entries(selector.matchLabels ?? {}).every(([key, wanted]) => value(key) === wanted);
  return labelsHold && (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
    const actual = value(key);
    switch (operator) {
      case 'In': return actual !== undefined && values.includes(actual);
      case 'NotIn': return actual === undefined || !values.includes(actual);
      case 'Exists': return actual !== undefined;
      case 'DoesNotExist': return actual === undefined;
    }
  });
}
