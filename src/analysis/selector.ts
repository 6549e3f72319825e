/**
 * Kubernetes label selectors (`metav1.LabelSelector`): matching and a short text form.
 */
import type { LabelSelectorSpec, Labels } from './model';

/**
 * Whether `labels` satisfy `selector`: every `matchLabels` pair AND every `matchExpressions`
 * requirement. `{}` matches everything. `NotIn` and `DoesNotExist` match objects without the
 * key, as in Kubernetes. An operator Kubernetes would reject matches nothing (fail closed).
 * Only own properties of `labels` count, so `constructor` or `__proto__` never match by accident.
 */
export function matchesSelector(selector: LabelSelectorSpec, labels: Labels): boolean {
  const has = (key: string) => Object.hasOwn(labels, key);
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (!has(key) || labels[key] !== value) return false;
  }
  for (const req of selector.matchExpressions ?? []) {
    const values = req.values ?? [];
    switch (req.operator) {
      case 'In':
        if (!has(req.key) || !values.includes(labels[req.key])) return false;
        break;
      case 'NotIn':
        if (has(req.key) && values.includes(labels[req.key])) return false;
        break;
      case 'Exists':
        if (!has(req.key)) return false;
        break;
      case 'DoesNotExist':
        if (has(req.key)) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** Whether the selector has no requirement at all, so that it selects everything (`{}`). */
export function selectsAll(selector: LabelSelectorSpec): boolean {
  return Object.keys(selector.matchLabels ?? {}).length === 0 && !selector.matchExpressions?.length;
}

/** `app=web,tier in (a,b),!debug`; `{}` reads as `(all)`. For messages, not for parsing. */
export function describeSelector(selector: LabelSelectorSpec): string {
  const parts = [
    ...Object.entries(selector.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`),
    ...(selector.matchExpressions ?? []).map(req => {
      switch (req.operator) {
        case 'In': return `${req.key} in (${(req.values ?? []).join(',')})`;
        case 'NotIn': return `${req.key} notin (${(req.values ?? []).join(',')})`;
        case 'Exists': return req.key;
        default: return `!${req.key}`;
      }
    }),
  ];
  return parts.length === 0 ? '(all)' : parts.join(',');
}

/** `app=web,tier=api`, sorted by key; `(none)` when there are no labels. */
export function describeLabels(labels: Labels): string {
  const parts = Object.keys(labels).sort().map(k => `${k}=${labels[k]}`);
  return parts.length === 0 ? '(none)' : parts.join(',');
}
